/// Where every row read went. `added + updated + unchanged + rejected == rows`.
public struct ImportCounts: Codable, Sendable, Equatable {
    public var rows = 0
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0

    public init(rows: Int = 0, added: Int = 0, updated: Int = 0, unchanged: Int = 0, rejected: Int = 0) {
        self.rows = rows
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
        self.rejected = rejected
    }

    /// Counts one stored row.
    public mutating func record(_ outcome: UpsertOutcome) {
        switch outcome {
        case .added: added += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        case .repeated: rejected += 1
        }
    }
}
