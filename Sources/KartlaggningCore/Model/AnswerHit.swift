/// A free-text answer a query found, with who gave it and the themes it carries.
public struct AnswerHit: Codable, Sendable, Equatable {
    public var answer: Int64
    public var respondent: String
    public var kind: String
    public var district: String?
    public var serviceTown: String?
    public var survey: String
    public var wave: String?
    public var question: String
    /// Effective theme ids, in codebook order.
    public var themes: [String]
    public var text: String
    /// Where the auto tags matched, in Unicode scalars from 0, sorted.
    public var spans: [[Int]]
}
