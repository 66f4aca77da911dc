/// A coder's tag on an answer whose text a later import changed: what the coder saw, and what is there now.
/// Made by the store (its memberwise initialiser), read by commands.
public struct TagReviewItem: Codable, Sendable, Equatable {
    /// The tag's id: what `tag review --accept` and `--drop` name.
    public var tag: Int64
    public var answer: Int64
    public var survey: String
    public var respondent: String
    public var question: String
    public var codebook: String
    public var theme: String
    public var coder: String
    /// A "not this theme" decision rather than a tag.
    public var negative: Bool
    public var note: String?
    /// The text the coder coded.
    public var previousText: String
    /// The text the answer has now.
    public var currentText: String
    public var flaggedAt: String
}
