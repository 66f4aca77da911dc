/// One term's frequency in a group and how distinctive it is against the other groups.
public struct TermKeyness: Codable, Sendable, Equatable {
    public var term: String
    /// Occurrences in the group.
    public var count: Int
    /// Occurrences in all other groups.
    public var rest: Int
    /// Dunning's log-likelihood G² of the group against the rest; larger is more distinctive.
    public var logLikelihood: Double
}
