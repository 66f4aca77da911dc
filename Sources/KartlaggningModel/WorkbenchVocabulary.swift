/// The values a workbench filter may take, as the database holds them: what a request's parameters are checked
/// against (a value not here is refused, never passed on).
public struct WorkbenchVocabulary: Sendable, Equatable {
    /// A free-text question: its survey, id and text (its column where it has none).
    public struct Question: Sendable, Equatable {
        public var survey: String
        public var id: String
        public var text: String

        public init(survey: String, id: String, text: String) {
            self.survey = survey
            self.id = id
            self.text = text
        }
    }

    public var surveys: [String]
    public var waves: [String]
    public var kinds: [String]
    /// Districts in registry order, then any respondents name that the registry lacks.
    public var areas: [String]
    public var questions: [Question]

    public init(surveys: [String], waves: [String], kinds: [String], areas: [String], questions: [Question]) {
        self.surveys = surveys
        self.waves = waves
        self.kinds = kinds
        self.areas = areas
        self.questions = questions
    }
}
