/// What `survey remove` removed, and the copy of the database written before (when it had answers).
public struct SurveyRemoval: Codable, Sendable, Equatable {
    public init(survey: String, respondents: Int, answers: Int, manualTags: Int, backup: String? = nil) {
        self.survey = survey
        self.respondents = respondents
        self.answers = answers
        self.manualTags = manualTags
        self.backup = backup
    }

    public var survey: String
    public var respondents: Int
    public var answers: Int
    public var manualTags: Int
    public var backup: String?
}
