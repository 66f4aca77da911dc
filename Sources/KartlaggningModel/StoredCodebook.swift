/// A codebook as stored: its definition and the revision the database gave it.
public struct StoredCodebook: Sendable, Equatable {
    public var codebook: Codebook
    /// 1 for the first file loaded under this id, then one more for each changed file.
    public var revision: Int
    /// ISO 8601 time of loading.
    public var loadedAt: String

    public init(codebook: Codebook, revision: Int, loadedAt: String) {
        self.codebook = codebook
        self.revision = revision
        self.loadedAt = loadedAt
    }
}
