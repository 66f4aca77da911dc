/// A survey's respondents within a report's selection, and its interview dates.
public struct SurveyRespondents: Sendable, Equatable {
    public init(survey: String, respondents: Int, firstDate: String? = nil, lastDate: String? = nil) {
        self.survey = survey
        self.respondents = respondents
        self.firstDate = firstDate
        self.lastDate = lastDate
    }

    public var survey: String
    public var respondents: Int
    public var firstDate: String?
    public var lastDate: String?
}
