/// One typed answer as read, ready to be stored.
public struct AnswerDraft: Sendable, Equatable {
    public var questionId: String
    /// The cell exactly as written (after decoding), kept for export and audit.
    public var raw: String
    /// The typed value as text: the canonical option, a JSON array of options, an ISO date, `ja`/`nej`, or the text.
    public var valueText: String?
    /// The typed value as a number: integer, decimal, scale, or 1/0 for booleans.
    public var valueNumber: Double?
    /// Whether the answer is free text, indexed for full-text search.
    public var isFreeText: Bool

    public init(questionId: String, raw: String, valueText: String? = nil, valueNumber: Double? = nil, isFreeText: Bool = false) {
        self.questionId = questionId
        self.raw = raw
        self.valueText = valueText
        self.valueNumber = valueNumber
        self.isFreeText = isFreeText
    }
}
