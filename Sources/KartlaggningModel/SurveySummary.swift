/// A survey with its counts, as `survey list` and `status` show it.
public struct SurveySummary: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var wave: String?
    public var kind: String?
    public var questions: Int
    public var respondents: Int
    public var answers: Int
}
