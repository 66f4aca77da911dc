/// What loading a codebook file did.
public enum CodebookLoadOutcome: String, Sendable, Codable {
    /// A codebook id new to the database.
    case added
    /// The same definition as the latest revision: nothing to do.
    case unchanged
    /// A changed definition: stored as the next revision.
    case newRevision = "new-revision"
}
