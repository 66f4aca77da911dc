/// What an auto-tagging run did.
public struct TagRunSummary: Codable, Sendable, Equatable {
    public var codebook: String
    public var revision: Int
    /// Text answers tagged in this run (new, or last tagged by an older revision).
    public var answersTagged = 0
    /// Text answers already tagged by this revision: left as they were.
    public var answersUpToDate = 0
    /// Of those tagged now, how many got at least one theme.
    public var answersWithThemes = 0
    /// Tags written (one per answer, theme and pattern).
    public var tagsWritten = 0
    /// Auto tags of older revisions removed.
    public var tagsReplaced = 0

    public init(codebook: String, revision: Int) {
        self.codebook = codebook
        self.revision = revision
    }
}
