/// A free-text answer that may be quoted in a report, with how many of its words the theme's patterns matched.
public struct QuoteCandidate: Codable, Sendable, Equatable {
    public var answer: Int64
    public var text: String
    public var kind: String
    /// The respondent's district, `""` when none was given.
    public var district: String
    public var survey: String
    public var question: String
    public var wave: String?
    /// Matched spans of the theme's automatic tags (0 for answers only a coder tagged).
    public var matched: Int
}
