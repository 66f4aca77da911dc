/// The answers a query found (up to its limit) and how many answers and respondents match in all.
public struct AnswerQueryResult: Codable, Sendable, Equatable {
    public init(hits: [AnswerHit], answers: Int, respondents: Int) {
        self.hits = hits
        self.answers = answers
        self.respondents = respondents
    }

    public var hits: [AnswerHit]
    public var answers: Int
    public var respondents: Int
}
