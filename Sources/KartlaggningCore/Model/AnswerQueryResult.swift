/// The answers a query found (up to its limit) and how many answers and respondents match in all.
public struct AnswerQueryResult: Codable, Sendable, Equatable {
    public var hits: [AnswerHit]
    public var answers: Int
    public var respondents: Int
}
