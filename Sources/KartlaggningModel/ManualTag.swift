/// A coder's decision on one answer and theme: the theme applies, or (`negative`) it does not.
public struct ManualTag: Sendable, Equatable {
    public var answer: AnswerReference
    public var theme: String
    public var coder: String
    /// "Not this theme": overrules an auto tag for the answer.
    public var negative: Bool
    public var note: String?
    /// Where the decision came from (a line of a coding file), for error messages.
    public var line: Int?

    public init(answer: AnswerReference, theme: String, coder: String, negative: Bool = false, note: String? = nil, line: Int? = nil) {
        self.answer = answer
        self.theme = theme
        self.coder = coder
        self.negative = negative
        self.note = note
        self.line = line
    }
}
