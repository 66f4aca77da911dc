/// What `kartlagg forget` erased: counts only, never the erased data.
/// Made by the store (its memberwise initialiser), read by commands.
public struct ErasureSummary: Codable, Sendable, Equatable {
    public init(survey: String, answers: Int, tags: Int, archivedTags: Int) {
        self.survey = survey
        self.answers = answers
        self.tags = tags
        self.archivedTags = archivedTags
    }

    public var survey: String
    public var answers: Int
    /// Tags (auto and coders') on the respondent's answers.
    public var tags: Int
    /// Coders' tags in the archive that held the respondent's text.
    public var archivedTags: Int
}
