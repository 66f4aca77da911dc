/// What `kartlagg import undo N` did: the import it took back, and what it restored.
public struct ImportUndo: Codable, Sendable, Equatable {
    public var batch: ImportBatch
    /// Respondents the import added, removed again.
    public var respondentsRemoved = 0
    /// Respondents the import updated, their fields and answers as they were before it.
    public var respondentsRestored = 0
    /// Answers the import changed, set back.
    public var answersRestored = 0
    /// Answers the import added to known respondents, removed again.
    public var answersRemoved = 0
    /// Answers the import removed (its file no longer had them), put back.
    public var answersReinstated = 0
    /// Coders' tags the import flagged for review because it changed their text: the text is back, the flag gone.
    public var coderFlagsCleared = 0
    /// Coders' tags the import archived with their answer, back on the reinstated answer.
    public var coderTagsRestored = 0
    /// Coders' tags on answers the undo removes: kept in the archive.
    public var coderTagsArchived = 0

    public init(batch: ImportBatch) {
        self.batch = batch
    }
}
