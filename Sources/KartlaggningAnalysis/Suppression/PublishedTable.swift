/// One table as an output published it: every number's key (`FactKeys`), its count, whether it was hidden, and the
/// facts a reader has about how the numbers add up — what the publication ledger keeps so that `kartlagg audit` can
/// work out, over every table published, what a reader could narrow each hidden count to.
public struct PublishedTable: Codable, Sendable, Equatable {
    /// What the table is, for people: "theme × district, kind=förening".
    public var title: String
    public var minCell: Int
    /// The key of each number, in `TableFacts`' order (cells row by row, row totals, column totals).
    var keys: [String]
    var table: SuppressionAudit.Table

    init(title: String, minCell: Int, keys: [String], table: SuppressionAudit.Table) {
        self.title = title
        self.minCell = minCell
        self.keys = keys
        self.table = table
    }

    /// Each number's key and whether the table hid it.
    public var published: [(key: String, hidden: Bool)] {
        let hidden = Array(table.hidden.joined()) + table.hiddenRowTotal + table.hiddenColTotal
        return zip(keys, hidden).map { ($0, $1) }
    }

    /// Identifies the table and what it showed (FNV-1a, 64 bits, of its keys, flags and counts): the same table
    /// published twice is one record.
    public var signature: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            hash ^= 0x1C
            hash = hash &* 0x0000_0100_0000_01b3
        }
        mix("\(minCell)")
        for (key, hidden) in published { mix((hidden ? "h" : "s") + key) }
        for count in Array(table.counts.joined()) + table.rowBase + table.colBase + [table.grand] { mix(String(count)) }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
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
