import Foundation
import GRDB
import KartlaggningModel

/// The publication ledger: what each report, published cross-tab and served workbench page has shown, kept in its
/// own SQLite file beside the database (`kartlaggning.sqlite.publicerat`) so the answers database stays
/// byte-identical under every reader. Each record names the data version it was made from
/// (`KartlaggningStore.contentVersion()`); outputs of the same data consult it, and `kartlagg audit` audits it.
///
/// It holds counts, hidden ones too (the audit needs them): it is as private as the database it sits beside. Only the
/// tables of the data as it is are kept; of earlier data, the list of outputs.
public final class PublicationLedger: Sendable {
    public let path: String
    private let queue: DatabaseQueue?

    /// The ledger beside `database`: opened for appending (created if need be), or for reading only (nil queue
    /// where there is no file yet: nothing has been published).
    public init(beside database: String, appending: Bool) throws {
        path = database + ".publicerat"
        if !appending && !FileManager.default.fileExists(atPath: path) {
            queue = nil
            return
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.readonly = !appending
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            if appending { try Self.createTables(queue) }
            self.queue = queue
        } catch let error as DatabaseError {
            throw StoreError.ledger(path: path, reason: KartlaggningStore.describe(error))
        }
    }

    /// The ledger's tables, made where missing: idempotent, so that two outputs starting the ledger at once (two
    /// workbench servers, a report beside one) both succeed.
    private static func createTables(_ queue: DatabaseQueue) throws {
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS ledger (
                        id        INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
                        startedAt TEXT NOT NULL,
                        fresh     INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE IF NOT EXISTS publication (
                        id          INTEGER PRIMARY KEY,
                        dataVersion TEXT NOT NULL,
                        output      TEXT NOT NULL,
                        at          TEXT NOT NULL
                    );
                    CREATE TABLE IF NOT EXISTS publishedTable (
                        id            INTEGER PRIMARY KEY,
                        publicationId INTEGER NOT NULL REFERENCES publication(id) ON DELETE CASCADE,
                        dataVersion   TEXT NOT NULL,
                        signature     TEXT NOT NULL,
                        title         TEXT NOT NULL,
                        body          TEXT NOT NULL,
                        UNIQUE (dataVersion, signature)
                    );
                    PRAGMA user_version = 1;
                    """)
            // The one ledger row, made once: a second start leaves the first start's time.
            try LedgerRecord(startedAt: KartlaggningStore.timestamp(), fresh: false).insert(db, onConflict: .ignore)
        }
    }

    private func run<T>(_ body: (DatabaseQueue) throws -> T, empty: T) throws -> T {
        guard let queue else { return empty }
        do {
            return try body(queue)
        } catch let error as DatabaseError {
            throw StoreError.ledger(path: path, reason: KartlaggningStore.describe(error))
        }
    }

    /// Records one output: its tables (a table already recorded for the same data is not recorded again). Returns
    /// the publication's number, nil when it published nothing new.
    @discardableResult
    public func record(output: String, dataVersion: String, tables: [LedgerEntry]) throws -> Int64? {
        try run(
            { queue in
                try queue.write { db -> Int64? in
                    let known = Set(
                        try String.fetchAll(
                            db, sql: "SELECT signature FROM publishedTable WHERE dataVersion = ?", arguments: [dataVersion]))
                    var seen = Set<String>()
                    let new = tables.filter { !known.contains($0.signature) && seen.insert($0.signature).inserted }
                    guard !new.isEmpty else { return nil }
                    // What was recorded about other data is never consulted or audited again: its tables go (the
                    // list of outputs stays), so a workbench coding for hours does not grow the file without end.
                    try db.execute(sql: "DELETE FROM publishedTable WHERE dataVersion <> ?", arguments: [dataVersion])
                    var publication = PublicationRecord(
                        id: nil, dataVersion: dataVersion, output: output, at: KartlaggningStore.timestamp())
                    try publication.insert(db)
                    let id = publication.id ?? db.lastInsertedRowID
                    for table in new {
                        try PublishedTableRecord(
                            id: nil, publicationId: id, dataVersion: dataVersion, signature: table.signature, title: table.title,
                            body: table.body
                        ).insert(db)
                    }
                    return id
                }
            }, empty: nil)
    }

    /// Every table recorded for `dataVersion` (their bodies), in the order they were published.
    public func tables(dataVersion: String) throws -> [String] {
        try run(
            { queue in
                try queue.read { db in
                    try String.fetchAll(
                        db, sql: "SELECT body FROM publishedTable WHERE dataVersion = ? ORDER BY id", arguments: [dataVersion])
                }
            }, empty: [])
    }

    /// What the ledger holds for `dataVersion`, and how many outputs of other data it keeps.
    public func summary(dataVersion: String) throws -> LedgerSummary {
        try run(
            { queue in
                try queue.read { db in
                    let start = try Row.fetchOne(db, sql: "SELECT startedAt, fresh FROM ledger WHERE id = 1")
                    let current = try Row.fetchAll(
                        db,
                        sql: """
                            SELECT p.id, p.output, p.at, p.dataVersion, COUNT(t.id) FROM publication p
                            LEFT JOIN publishedTable t ON t.publicationId = p.id
                            WHERE p.dataVersion = ? GROUP BY p.id ORDER BY p.id
                            """, arguments: [dataVersion]
                    ).map { LedgerPublication(id: $0[0], output: $0[1], at: $0[2], dataVersion: $0[3], tables: $0[4]) }
                    let earlier =
                        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM publication WHERE dataVersion <> ?", arguments: [dataVersion])
                        ?? 0
                    return LedgerSummary(
                        path: path, startedAt: start?[0], startedFresh: (start?[1] as Bool?) ?? false, current: current,
                        earlier: earlier)
                }
            }, empty: LedgerSummary(path: path, startedAt: nil, startedFresh: false, current: [], earlier: 0))
    }

    /// Starts the ledger anew (`--fresh`): everything published before is forgotten, and the ledger says it was
    /// started on purpose. The old ledger is kept beside it (`.publicerat.<time>`), never deleted.
    public static func startFresh(beside database: String) throws -> PublicationLedger {
        let path = database + ".publicerat"
        if FileManager.default.fileExists(atPath: path) {
            let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
            do {
                try FileManager.default.moveItem(atPath: path, toPath: path + "." + stamp)
            } catch {
                throw StoreError.ledger(path: path, reason: "cannot move the old ledger aside: \(error.localizedDescription)")
            }
        }
        let ledger = try PublicationLedger(beside: database, appending: true)
        try ledger.run({ queue in try queue.write { db in try db.execute(sql: "UPDATE ledger SET fresh = 1") } }, empty: ())
        return ledger
    }
}
