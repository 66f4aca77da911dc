/// A question whose answers carry a theme, with how many do.
public struct ThemeSource: Sendable, Equatable {
    public var survey: String
    public var question: String
    public var answers: Int

    public init(survey: String, question: String, answers: Int) {
        self.survey = survey
        self.question = question
        self.answers = answers
    }
}
