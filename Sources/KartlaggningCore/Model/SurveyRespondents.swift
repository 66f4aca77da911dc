/// A survey's respondents within a report's selection, and its interview dates.
public struct SurveyRespondents: Sendable, Equatable {
    public var survey: String
    public var respondents: Int
    public var firstDate: String?
    public var lastDate: String?
}
