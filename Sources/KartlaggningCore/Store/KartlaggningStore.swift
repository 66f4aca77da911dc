import Foundation
import GRDB
import KartlaggningModel

/// The kartläggning database: one SQLite file holding surveys, districts, respondents, answers and imports.
///
/// A store opened to write runs the migrations when it opens (backing an older file up first); a store
/// opened `.readOnly` never writes the file, never migrates it, and refuses a schema it does not know.
/// All SQL lives in this target (`Store/Queries/`).
///
/// ```swift
/// let store = try KartlaggningStore(path: "kartlaggning.sqlite")
/// try store.addSurvey(definition)
/// print(try store.status().respondents)
/// ```
public struct KartlaggningStore: Sendable {
    /// The database file, or nil for an in-memory store.
    public let path: String?
    /// Whether this store was opened only to read.
    public let isReadOnly: Bool
    let writer: any DatabaseWriter
    /// A writer's watch on the tables the kept counts come from (nil: read-only).
    let counted: KeptCountWatch?
    /// Bytes of text a writer reads a batch at a time at most (`TextBatch`; tests make it small).
    var textBatchBytes = TextBatch.bytes
    /// Answer themes a codebook's first tagging run holds at most before it writes them (`AnswerThemeRuns`; tests make
    /// it small).
    var answerThemesHeld = AnswerThemeRuns.heldRows

    /// How a store opens its file.
    public enum OpenMode: Sendable {
        /// Create the file when it does not exist, and migrate it.
        case create
        /// The file must exist; it is migrated (after a backup), so an older file keeps working.
        case existing
        /// The file must exist and have the current schema; nothing is ever written to it.
        case readOnly
    }

    /// How a writer behaves while another process writes.
    public struct Waiting: Sendable {
        /// How long to wait for another writer, in seconds; nil waits as long as it takes.
        public var limit: Double?
        /// Called once, when the store first has to wait (the CLI prints a line).
        public var onWait: (@Sendable () -> Void)?

        public init(limit: Double? = nil, onWait: (@Sendable () -> Void)? = nil) {
            self.limit = limit
            self.onWait = onWait
        }
    }

    /// Opens (and by default creates) the database at `path`, in WAL mode with foreign keys on.
    /// - Throws: `StoreError.cannotOpen` for a path that is a directory or not a SQLite file,
    ///   `StoreError.missingDatabase` when the file must exist and is not there, `StoreError.newerSchema`
    ///   for a file written by a newer kartlagg, `StoreError.olderSchema` when a read-only open meets an old one.
    public init(path: String, mode: OpenMode = .create, waiting: Waiting = Waiting()) throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw StoreError.cannotOpen(path: path, reason: "it is a directory") }
        if !exists && mode != .create { throw StoreError.missingDatabase(path: path) }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            throw StoreError.cannotOpen(path: path, reason: "the folder \(folder) does not exist")
        }
        self.path = path
        self.isReadOnly = mode == .readOnly
        do {
            if mode == .readOnly {
                let queue = try Self.openReadOnly(path: path)
                try queue.read { db in try Self.checkSchema(db, path: path, readOnly: true) }
                self.writer = queue
                self.counted = nil
            } else {
                var current = false
                if exists {
                    // Looked at read-only first: a file this kartlagg must refuse is never opened to write.
                    let queue = try Self.openReadOnly(path: path)
                    let state = try queue.read { db -> (applied: [String], complete: Bool) in
                        try Self.checkSchema(db, path: path, readOnly: false)
                        return (try Self.migrator.appliedMigrations(db), try Self.migrator.hasCompletedMigrations(db))
                    }
                    if !state.applied.isEmpty && !state.complete { try Self.backUp(queue, path: path, schema: state.applied.count) }
                    current = state.complete && !state.applied.isEmpty
                    try queue.close()
                }
                let pool = try DatabasePool(path: path, configuration: Self.configuration(waiting: waiting))
                // A current file is not written to by opening it (`serve` starts without a write): migrating it would
                // still open a write transaction.
                if !current { try Self.migrator.migrate(pool) }
                self.writer = pool
                self.counted = KeptCountWatch(pool)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw StoreError.busy
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: Self.describe(error))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// A fresh in-memory store, for tests and dry runs of library code.
    public static func inMemory() throws -> KartlaggningStore {
        do {
            let queue = try DatabaseQueue(configuration: configuration(waiting: Waiting()))
            try migrator.migrate(queue)
            return KartlaggningStore(writer: queue)
        } catch {
            throw StoreError.database("\(error)")
        }
    }

    private init(writer: any DatabaseWriter) {
        self.path = nil
        self.isReadOnly = false
        self.writer = writer
        self.counted = KeptCountWatch(writer)
    }

    // MARK: - Opening

    /// The page size of the files the store makes.
    static let pageSize = 16_384

    /// Each connection's page cache, in KB; and a read's that goes through rows once (`readOnce`).
    static let pageCacheKB = 16_384
    static let readOnceCacheKB = 2_048

    private static func configuration(waiting: Waiting) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .callback(Self.busyCallback(waiting))
        configuration.prepareDatabase { db in
            // A new file's pages (an existing file keeps its own: SQLite changes them only with VACUUM). 16 KB pages
            // against SQLite's default 4 KB: a fifth less time for a codebook's first tagging run on 600,000 texts and
            // half its system time (fewer, larger writes to the WAL, shallower B-trees); docs/benchmarks.md.
            try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
            // WAL keeps readers going while an import writes; NORMAL is durable enough with WAL.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -\(Self.pageCacheKB)")
            Self.addFunctions(db)
            try BatchedInsert<AnswerRecord>.register(db)
            Self.profileIfAsked(db)
        }
        return configuration
    }

    /// With `KARTLAGG_PROFILE_SQL` set (to milliseconds, default 20), every statement that takes longer is written to
    /// standard error with its time: where a slow command spends it, for profiling; never on otherwise.
    static func profileIfAsked(_ db: Database) {
        guard let asked = ProcessInfo.processInfo.environment["KARTLAGG_PROFILE_SQL"] else { return }
        let threshold = (Double(asked) ?? 20) / 1000
        db.trace(options: .profile) { event in
            guard case .profile(let statement, let duration) = event, duration >= threshold else { return }
            let line =
                String(format: "%8.3f s  ", duration) + statement.sql.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// Rules stated once in Swift, callable from SQL: `kartlagg_sector(kind)` is `CrossDimension.sector(ofKind:)`, so a
    /// count made in SQL and one made row by row cannot disagree on a respondent's sector.
    static func addFunctions(_ db: Database) {
        db.add(
            function: DatabaseFunction("kartlagg_sector", argumentCount: 1, pure: true) { values in
                String.fromDatabaseValue(values[0]).map(CrossDimension.sector(ofKind:))
            })
    }

    /// SQLite asks this each time the database is locked by another writer: wait a little and try again,
    /// saying so once, until the limit (if any) has passed.
    private static func busyCallback(_ waiting: Waiting) -> Database.BusyCallback {
        let started = BusyClock()
        return { tries in
            if tries == 0 {
                started.reset()
                waiting.onWait?()
            }
            if let limit = waiting.limit, started.elapsed >= limit { return false }
            usleep(tries < 20 ? 5_000 : 50_000)
            return true
        }
    }

    /// A read-only connection: no write, no migration, no journal-mode change. Temporary tables (a stale
    /// derived table computed for this process) live in SQLite's temp database, never in the file.
    private static func openReadOnly(path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -\(Self.pageCacheKB)")
            Self.addFunctions(db)
            Self.profileIfAsked(db)
        }
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN {
            // Read-only media, or a folder of another user: SQLite cannot create the WAL index beside the file.
            // Nothing can write such a file, so it is read as immutable.
            let url = URL(fileURLWithPath: path).absoluteString + "?immutable=1"
            return try DatabaseQueue(path: url, configuration: configuration)
        }
    }

    /// Refuses a file written by a newer kartlagg (unknown migrations, or a higher `user_version`), and, for a
    /// read-only open, a file whose schema is older than this kartlagg reads.
    private static func checkSchema(_ db: Database, path: String, readOnly: Bool) throws {
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let hasTable = try db.tableExists("grdb_migrations")
        let applied = hasTable ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
        let known = Set(migrator.migrations)
        let unknown = applied.filter { !known.contains($0) }
        if userVersion > schemaVersion || !unknown.isEmpty {
            throw StoreError.newerSchema(
                path: path, found: max(userVersion, applied.count), known: schemaVersion, unknownMigrations: unknown.sorted())
        }
        if readOnly && applied.count < schemaVersion {
            let objects = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0
            if !hasTable && objects == 0 {
                throw StoreError.olderSchema(path: path, found: 0, known: schemaVersion)
            }
            throw StoreError.olderSchema(path: path, found: applied.count, known: schemaVersion)
        }
    }

    /// Copies the file to `PATH.bak-<schema>` with SQLite's online backup before it is migrated.
    private static func backUp(_ source: DatabaseQueue, path: String, schema: Int) throws {
        let target = "\(path).bak-\(schema)"
        if FileManager.default.fileExists(atPath: target) { return }
        try copy(source, to: target)
    }

    /// SQLite's online backup of `source` into a new file at `target`.
    private static func copy(_ source: any DatabaseReader, to target: String) throws {
        let copy = try DatabaseQueue(path: target)
        try source.backup(to: copy)
        try copy.close()
    }

    static func describe(_ error: DatabaseError) -> String {
        if error.resultCode == .SQLITE_NOTADB { return "the file is not a SQLite database" }
        return error.message ?? "\(error.resultCode)"
    }

    // MARK: - Access

    /// Runs `body` in a write transaction, turning SQLite errors into `StoreError`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        if isReadOnly { throw StoreError.readOnly(path: path ?? ":memory:") }
        do {
            return try writer.write { db in
                let before = db.totalChangesCount
                let result = try body(db)
                try noteChanges(db, since: before)
                return result
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error)
        }
    }

    /// Runs `body` in a write transaction, as `write` does, with SQLite's foreign-key checks off: for a writer that
    /// only adds rows whose parents it has read in the same transaction, and deletes no row another table refers to (a
    /// codebook's first tagging run). Each row's check is a lookup of its parent, a third of the B-tree work such a run
    /// does; a row it adds refers to what it read under the write lock, so the check cannot fail. `status --verify`
    /// runs SQLite's `foreign_key_check` over the file, and the tests run it after such writes. A `body` that finds it
    /// would have to delete such a row throws ``AddingOnlyRefused`` before it does, and nothing is written.
    func writeAddingOnly<T>(_ body: (Database) throws -> T) throws -> T {
        if isReadOnly { throw StoreError.readOnly(path: path ?? ":memory:") }
        do {
            return try writer.writeWithoutTransaction { db in
                // A no-op inside a transaction: set between them, and set back whatever happens.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                var result: T?
                try db.inTransaction {
                    let before = db.totalChangesCount
                    result = try body(db)
                    try noteChanges(db, since: before)
                    return .commit
                }
                guard let result else { preconditionFailure("a committed transaction without its result") }
                return result
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error)
        }
    }

    /// What a `writeAddingOnly` body throws when it finds it would delete a row another refers to: its caller writes
    /// again with `write`.
    struct AddingOnlyRefused: Error {}

    /// Runs `body` in a write transaction that writes derived data only (the term index): the data's version stays,
    /// so what outputs published about the data still holds.
    func writeDerived<T>(_ body: (Database) throws -> T) throws -> T {
        if isReadOnly { throw StoreError.readOnly(path: path ?? ":memory:") }
        do {
            return try writer.write { db in try body(db) }
        } catch let error as DatabaseError {
            throw Self.storeError(error)
        }
    }

    /// Runs `body` with read access, turning SQLite errors into `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as DatabaseError {
            throw Self.storeError(error)
        }
    }

    /// Runs `body` with read access, as `read` does, with a page cache of 2 MB instead of 16: for a read that goes
    /// through rows in key order once (a tagging run's texts and their terms, a batch at a time, on threads of their
    /// own beside the writer), which pages read again would not serve, while each connection in use at once would
    /// hold its own 16 MB.
    func readOnce<T>(_ body: (Database) throws -> T) throws -> T {
        try read { db in
            try db.execute(sql: "PRAGMA cache_size = -\(Self.readOnceCacheKB)")
            defer { try? db.execute(sql: "PRAGMA cache_size = -\(Self.pageCacheKB)") }
            return try body(db)
        }
    }

    /// A locked database after the busy handler gave up is the writer's wait limit, said plainly.
    static func storeError(_ error: DatabaseError) -> StoreError {
        if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED { return StoreError.busy }
        return StoreError.database(describe(error))
    }

    /// The schema version: the names of the migrations applied, in order.
    public func appliedMigrations() throws -> [String] {
        try read { db in try Self.migrator.appliedMigrations(db) }
    }

    /// Writes a consistent copy of the database to `target` with SQLite's online backup, while others
    /// may go on reading and writing. The target must not exist.
    public func backup(to target: String) throws {
        if FileManager.default.fileExists(atPath: target) {
            throw StoreError.cannotOpen(path: target, reason: "the file exists; choose a new name")
        }
        do {
            try Self.copy(writer, to: target)
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: target)
            throw Self.storeError(error)
        }
    }
}

/// When a wait for another writer began; shared by the busy handler's calls.
private final class BusyClock: @unchecked Sendable {
    private let lock = NSLock()
    private var start = Date()

    func reset() {
        lock.lock()
        start = Date()
        lock.unlock()
    }

    var elapsed: Double {
        lock.lock()
        defer { lock.unlock() }
        return Date().timeIntervalSince(start)
    }
}
