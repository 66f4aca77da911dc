/// A coder's tag kept after its answer went away (a re-import without it, or a tag dropped on review).
/// Made by the store (its memberwise initialiser), read by commands.
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
}
