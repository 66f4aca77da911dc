/// A coder's tag kept after its answer went away (a re-import without it, or a tag dropped on review).
public struct ArchivedTag: Codable, Sendable, Equatable {
    public var id: Int64
    public var survey: String
    public var respondent: String
    public var question: String
    /// The answer's text when the tag was archived.
    public var text: String
    public var codebook: String
    public var theme: String
    public var coder: String
    public var negative: Bool
    public var note: String?
    public var createdAt: String
    public var archivedAt: String
    /// Why it was archived.
    public var reason: String

    public init(
        id: Int64, survey: String, respondent: String, question: String, text: String, codebook: String, theme: String,
        coder: String, negative: Bool, note: String?, createdAt: String, archivedAt: String, reason: String
    ) {
        self.id = id
        self.survey = survey
        self.respondent = respondent
        self.question = question
        self.text = text
        self.codebook = codebook
        self.theme = theme
        self.coder = coder
        self.negative = negative
        self.note = note
        self.createdAt = createdAt
        self.archivedAt = archivedAt
        self.reason = reason
    }
}
