/// A codebook's latest revision with its counts, as `codebook list` shows it.
public struct CodebookSummary: Codable, Sendable, Equatable {
    public var id: String
    public var version: String
    public var revision: Int
    public var themes: Int
    /// Answers with at least one effective tag of this codebook.
    public var taggedAnswers: Int
    public var loadedAt: String
}
