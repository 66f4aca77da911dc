import Foundation
import KartlaggningAnalysis
import KartlaggningCore

/// One output's publishing: what outputs of the same data have published before (the ledger beside the database)
/// and what this one has published so far. Every table the output makes is protected with both in mind — a number
/// hidden before is hidden again, a number shown before is never hidden to protect another — so a report's tables
/// are protected together (its kind totals are the same numbers in its basis table and under every theme table) and
/// a `crosstab` after a report cannot show what the report hid. `commit()` appends what was published to the ledger.
///
/// Reports and the workbench append by default; `crosstab` and the library append when asked (`--publish`). Every
/// output consults the ledger.
public final class Publication: @unchecked Sendable {
    /// What the output is called in the ledger ("overview report oversikt.md").
    public let output: String
    /// The data the output is made from (`KartlaggningStore.contentVersion()`).
    public let dataVersion: String
    /// The ledger (nil for a database in memory: nothing to keep beside).
    public let ledger: PublicationLedger?
    /// Whether `commit()` appends to the ledger.
    public let appending: Bool
    /// Whether the ledger was started anew for this output (`--fresh`): the method box says so.
    public let startedFresh: Bool
    private let lock = NSLock()
    private var known: PublishedKnowledge
    private var tables: [PublishedTable] = []

    /// The publication of `output` from `store`, reading (and, `appending`, later writing) the ledger beside it;
    /// `fresh` starts a new ledger first (the old one kept beside it).
    public init(store: KartlaggningStore, output: String, appending: Bool, fresh: Bool = false) throws {
        self.output = output
        self.appending = appending || fresh
        dataVersion = try store.contentVersion()
        if let path = store.path {
            ledger = fresh ? try PublicationLedger.startFresh(beside: path) : try PublicationLedger(beside: path, appending: self.appending)
        } else {
            ledger = nil
        }
        startedFresh = fresh
        let held = try ledger?.knowledge(dataVersion: dataVersion)
        known = PublishedKnowledge(hidden: held?.hidden ?? [], shown: held?.shown ?? [])
    }

    /// Only this output's own tables, no ledger (a database in memory, a test).
    public init(output: String, dataVersion: String = "") {
        (self.output, self.dataVersion, ledger, appending, startedFresh) = (output, dataVersion, nil, false, false)
        known = PublishedKnowledge()
    }

    /// What is known to have been published: by earlier outputs of the same data, and by this one so far.
    public var knowledge: PublishedKnowledge {
        lock.lock()
        defer { lock.unlock() }
        return known
    }

    /// Records a table this output shows.
    public func record(_ table: CrossTable) {
        guard let published = table.publication else { return }
        lock.lock()
        defer { lock.unlock() }
        known.add(published)
        tables.append(published)
    }

    /// The tables this output has shown, in order.
    public var published: [PublishedTable] {
        lock.lock()
        defer { lock.unlock() }
        return tables
    }

    /// Appends what was published to the ledger (when appending), and starts over for the next page of a server.
    /// Returns the publication's number in the ledger, nil when nothing new was recorded.
    @discardableResult
    public func commit() throws -> Int64? {
        let pending: [PublishedTable] = {
            lock.lock()
            defer { lock.unlock() }
            defer { tables = [] }
            return tables
        }()
        guard appending, let ledger, !pending.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let entries = try pending.map { table in
            LedgerEntry(
                title: table.title, signature: table.signature, keys: table.published,
                body: String(decoding: try encoder.encode(table), as: UTF8.self))
        }
        return try ledger.record(output: output, dataVersion: dataVersion, tables: entries)
    }
}
