/// Free-text answers a loaded codebook's latest revision has not tagged yet: an import or codebook load whose
/// tagging did not run (or was killed) leaves them, and theme counts leave them out until `kartlagg tag` runs.
public struct UntaggedAnswers: Codable, Sendable, Equatable {
    public var codebook: String
    public var revision: Int
    public var answers: Int

    public init(codebook: String, revision: Int, answers: Int) {
        self.codebook = codebook
        self.revision = revision
        self.answers = answers
    }
}
