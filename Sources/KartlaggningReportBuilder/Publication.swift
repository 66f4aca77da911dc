import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel

/// One output's publishing: what outputs of the same data have published before (the ledger beside the database)
/// and what this one publishes. Every table the output makes is protected with both in mind — a number hidden
/// before is hidden again, a number shown before is never hidden to protect another — so a report's tables are
/// protected together (its kind totals are the same numbers in its basis table and under every theme table) and a
/// `crosstab` after a report cannot show what the report hid.
///
/// Tables that share numbers can still give a hidden count away together where each alone does not (two slicings of
/// theme × district × kind). So an output is made in rounds (`protectTogether`): after each, everything published
/// and this output's tables are audited as one set of facts (`JointAudit`), and where a count this output hides can
/// be narrowed below the rule, the cheapest number shown beside it in this output is hidden too, and the output is
/// made again — until the audit finds nothing it can mend.
///
/// Reports and the workbench append to the ledger by default (`commit()`); `crosstab` and the library when asked
/// (`--publish`). Every output consults it.
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
    /// How many times an output is made at most while the joint audit finds something to mend.
    public var rounds = 6
    private let lock = NSLock()
    /// What earlier outputs of the same data published (and this one committed: a server's earlier pages).
    private var before: [PublishedTable]
    private var beforeKnown: PublishedKnowledge
    /// What this output has published so far (this round), and the numbers earlier rounds decided to hide too.
    private var tables: [PublishedTable] = []
    private var own = PublishedKnowledge()
    private var forced = Set<String>()
    private var left: [String] = []

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
        let version = dataVersion
        let recorded = try ledger.map { try Self.decode($0.tables(dataVersion: version), ledger: $0.path) } ?? []
        var known = PublishedKnowledge()
        for table in recorded { known.add(table) }
        before = recorded
        beforeKnown = known
    }

    /// Only this output's own tables, no ledger (a database in memory, a test).
    public init(output: String, dataVersion: String = "") {
        self.output = output
        self.dataVersion = dataVersion
        ledger = nil
        appending = false
        startedFresh = false
        before = []
        beforeKnown = PublishedKnowledge()
    }

    /// The recorded tables, read back.
    static func decode(_ bodies: [String], ledger path: String) throws -> [PublishedTable] {
        let decoder = JSONDecoder()
        return try bodies.map { body in
            do {
                return try decoder.decode(PublishedTable.self, from: Data(body.utf8))
            } catch {
                throw StoreError.ledger(path: path, reason: "a recorded table cannot be read: \(error.localizedDescription)")
            }
        }
    }

    /// What is known to have been published — by earlier outputs of the same data, by this one so far — and what
    /// earlier rounds decided to hide.
    public var knowledge: PublishedKnowledge {
        lock.lock()
        defer { lock.unlock() }
        var known = beforeKnown
        known.hidden.formUnion(own.hidden)
        known.hidden.formUnion(forced)
        known.shown.formUnion(own.shown.subtracting(forced))
        return known
    }

    /// Records a table this output shows.
    public func record(_ table: CrossTable) {
        guard let published = table.publication else { return }
        lock.lock()
        defer { lock.unlock() }
        own.add(published)
        tables.append(published)
    }

    /// The tables this output has shown, in order.
    public var published: [PublishedTable] {
        lock.lock()
        defer { lock.unlock() }
        return tables
    }

    /// Makes the output (`make`, which tabulates through a `CrossTabulator` of this publication) until everything
    /// published and its tables together give no hidden count away that it can mend, at most `rounds` times.
    public func protectTogether<T>(_ make: () throws -> T) throws -> T {
        try inRounds(make) { _ in mend() }
    }

    /// As `protectTogether`, with `alongside` worked out from each round's output on a second thread while that
    /// round's joint audit runs (the output's HTML page, say): the audit settles most outputs in their first round,
    /// so what depends on the output is ready when the audit is. Returns the output and what `alongside` made of it.
    public func protectTogether<T: Sendable, U: Sendable>(
        _ make: () throws -> T, alongside: @escaping @Sendable (T) -> U
    ) throws -> (made: T, alongside: U) {
        var derived: U?
        let made = try inRounds(make) { output in
            let (mended, result) = try Concurrently.run({ self.mend() }, alongside: { alongside(output) })
            derived = result
            return mended
        }
        // The last round's, which made the output returned.
        guard let derived else { preconditionFailure("every round runs its work alongside") }
        return (made, derived)
    }

    /// The rounds: `make`, then `audit` it (`mend`, which says whether it decided more to hide), until an audit mends
    /// nothing or the rounds run out (its last findings kept in `unresolved`).
    private func inRounds<T>(_ make: () throws -> T, audit: (T) throws -> Bool) throws -> T {
        var made = try make()
        let last = max(rounds, 1)
        for round in 1...last {
            guard try audit(made) && round < last else { return made }
            lock.withLock {
                tables = []
                own = PublishedKnowledge()
            }
            made = try make()
        }
        preconditionFailure("the rounds end in the loop")
    }

    /// What the last joint audit still found that no further hiding in this output could mend (small counts that
    /// earlier outputs together already narrow, or a mending that ran out of rounds): the output says so, and
    /// `kartlagg audit` lists them.
    public var unresolved: [String] {
        lock.withLock { left }
    }

    /// The joint audit of everything published and this output's tables, over the groups of counts this output's
    /// numbers bear on.
    public func audit() -> JointAudit.Result {
        let (earlier, mine) = lock.withLock { (before, tables) }
        var keys = Set<String>()
        for table in mine { keys.formUnion(table.keys) }
        return JointAudit.audit(earlier + mine, concerning: keys)
    }

    /// Decides further numbers to hide where the joint audit finds a count this output hides that can be narrowed,
    /// or a number one of its tables hid and another showed. False when there is nothing it can mend.
    func mend() -> Bool {
        let result = audit()
        let (mine, fixed, forcedBefore) = lock.withLock { (tables, beforeKnown.shown, forced) }
        var added = Set<String>()
        // Shown by one of this output's tables, hidden by another: hidden in all of them next round.
        for key in result.shownElsewhereKeys where !fixed.contains(key) && !forcedBefore.contains(key) { added.insert(key) }
        for finding in result.findings {
            let excluding = fixed.union(forcedBefore).union(added)
            // Where this output hides the count itself: the cheapest number shown beside it.
            var partner: String?
            for table in mine {
                guard let position = table.keys.firstIndex(of: finding.key), table.published[position].hidden else { continue }
                partner = table.cheapestShownNeighbour(of: position, excluding: excluding)
                if partner != nil { break }
            }
            // Else (it is hidden by an earlier output, and this one's numbers pin it): the cheapest part of it this
            // output shows (its cell in a finer table), else a whole it is part of.
            if partner == nil {
                // A number this output shows that adds up with it somewhere (a sibling in a line of an earlier table).
                let mineShown = Set(mine.flatMap { $0.published.filter { !$0.hidden }.map(\.key) })
                partner = finding.related.first { mineShown.contains($0) && !excluding.contains($0) }
            }
            if partner == nil {
                var best: (rank: Int, key: String)?
                for table in mine {
                    if let found = table.cheapestShownRelative(of: finding.key, excluding: excluding),
                        best.map({ (found.rank, found.key) < ($0.rank, $0.key) }) ?? true
                    {
                        best = found
                    }
                }
                partner = best?.key
            }
            if let partner { added.insert(partner) }
        }
        lock.withLock { left = result.findings.map(\.value) + result.shownElsewhere }
        guard !added.isEmpty else { return false }
        lock.withLock { forced.formUnion(added) }
        return true
    }

    /// Appends what was published to the ledger (when appending), and starts over for the next page of a server.
    /// Returns the publication's number in the ledger, nil when nothing new was recorded.
    @discardableResult
    public func commit() throws -> Int64? {
        // Committed tables are earlier outputs now: a server's next pages are protected with them.
        let pending: [PublishedTable] = lock.withLock {
            defer {
                before += tables
                for table in tables { beforeKnown.add(table) }
                tables = []
                own = PublishedKnowledge()
            }
            return tables
        }
        guard appending, let ledger, !pending.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let entries = try pending.map { table in
            LedgerEntry(
                title: table.title, signature: table.signature,
                body: String(decoding: try encoder.encode(table), as: UTF8.self))
        }
        return try ledger.record(output: output, dataVersion: dataVersion, tables: entries)
    }
}
