/// One term's frequency in a group and how distinctive it is against the other groups.
public struct TermKeyness: Codable, Sendable, Equatable {
    /// The term as it was most often written.
    public var term: String
    /// Its other forms, most frequent first (counted together with it).
    public var forms: [String]
    /// What the forms are counted by: their Snowball stem (stems joined by a space for a pair of words).
    public var lemma: String
    /// Occurrences in the group.
    public var count: Int
    /// Occurrences in all other groups.
    public var rest: Int
    /// Dunning's log-likelihood G² of the group against the rest; larger is more distinctive.
    public var logLikelihood: Double
}
