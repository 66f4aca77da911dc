import KartlaggningModel

/// One table as an output published it: every number's key (`FactKeys`), its count, whether it was hidden, and the
/// facts a reader has about how the numbers add up — what the publication ledger keeps so that `kartlagg audit` can
/// work out, over every table published, what a reader could narrow each hidden count to.
public struct PublishedTable: Codable, Sendable, Equatable {
    /// What the table is, for people: "theme × district, kind=förening".
    public var title: String
    public var minCell: Int
    /// The key of each number, in `TableFacts`' order (cells row by row, row totals, column totals).
    public internal(set) var keys: [String]
    var table: SuppressionAudit.Table
    /// The table's dimensions whose values partition the units (each unit in exactly one: kind, district, a
    /// single-choice question; not themes), with those values as keys name them: readers know such a dimension's
    /// counts add up under any other conditions, whatever a table shows.
    var partitions: [String: [String]]

    init(title: String, minCell: Int, keys: [String], table: SuppressionAudit.Table, partitions: [String: [String]] = [:]) {
        self.title = title
        self.minCell = minCell
        self.keys = keys
        self.table = table
        self.partitions = partitions
    }

    /// Each number's key and whether the table hid it.
    public var published: [(key: String, hidden: Bool)] {
        let hidden = Array(table.hidden.joined()) + table.hiddenRowTotal + table.hiddenColTotal
        return zip(keys, hidden).map { ($0, $1) }
    }

    /// The key of the number shown beside the hidden one at `position` that costs least to hide: the smallest
    /// positive count among the cells of its row and column (for a total, the cells of its line), none of `excluding`.
    public func cheapestShownNeighbour(of position: Int, excluding: Set<String>) -> String? {
        let (rows, cols) = (table.rowBase.count, table.colBase.count)
        let counts = Array(table.counts.joined())
        let hidden = published.map(\.hidden)
        var candidates: [Int] = []
        if position < rows * cols {
            let (r, c) = (position / cols, position % cols)
            candidates = (0..<cols).map { r * cols + $0 } + (0..<rows).map { $0 * cols + c }
        } else if position < rows * cols + rows {
            let r = position - rows * cols
            candidates = (0..<cols).map { r * cols + $0 }
        } else {
            let c = position - rows * cols - rows
            candidates = (0..<rows).map { $0 * cols + c }
        }
        return candidates.filter { !hidden[$0] && counts[$0] > 0 && !excluding.contains(keys[$0]) }
            .min { (counts[$0], $0) < (counts[$1], $1) }.map { keys[$0] }
    }

    /// The shown number of this table that costs least to hide among those related to `key` (hidden elsewhere): a
    /// part of it (its cell in this finer table; ranked by its count), else a whole it is part of (ranked after every
    /// part). None of `excluding`.
    public func cheapestShownRelative(of key: String, excluding: Set<String>) -> (rank: Int, key: String)? {
        let counts = Array(table.counts.joined()) + table.rowBase + table.colBase
        var best: (rank: Int, key: String)?
        for (position, (candidate, hidden)) in published.enumerated()
        where !hidden && counts[position] > 0 && !excluding.contains(candidate) {
            let rank: Int
            if FactKeys.isPart(candidate, of: key) {
                rank = counts[position]
            } else if FactKeys.isPart(key, of: candidate) {
                rank = counts[position] + table.grand + 1
            } else {
                continue
            }
            if best.map({ (rank, candidate) < ($0.rank, $0.key) }) ?? true { best = (rank, candidate) }
        }
        return best
    }

    /// Identifies the table and what it showed (FNV-1a, 64 bits, of its keys, flags and counts): the same table
    /// published twice is one record.
    public var signature: String {
        var fingerprint = Fingerprint()
        fingerprint.add("\(minCell)")
        for (key, hidden) in published { fingerprint.add((hidden ? "h" : "s") + key) }
        for count in Array(table.counts.joined()) + table.rowBase + table.colBase + [table.grand] { fingerprint.add(String(count)) }
        return fingerprint.hex()
    }
}

/// What outputs of the same data have already published: numbers hidden (an output of them must hide them too)
/// and numbers shown (they are known, so hiding them protects nothing: never chosen to protect another).
public struct PublishedKnowledge: Sendable, Equatable {
    public var hidden: Set<String>
    public var shown: Set<String>

    public init(hidden: Set<String> = [], shown: Set<String> = []) {
        self.hidden = hidden
        self.shown = shown
    }

    public var isEmpty: Bool { hidden.isEmpty && shown.isEmpty }

    /// Adds what `table` published.
    public mutating func add(_ table: PublishedTable) {
        for (key, isHidden) in table.published {
            if isHidden { hidden.insert(key) } else { shown.insert(key) }
        }
    }
}
