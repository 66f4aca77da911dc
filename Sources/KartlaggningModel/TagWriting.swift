/// What auto-tagging needs of a store, and all it may do there: find the codebooks applied before, and write one
/// codebook's tags for the answers its latest revision has not tagged, with a tagger the caller supplies.
/// `KartlaggningStore` implements it; the analysis layer's `AutoTagging` works through it, so the matching itself
/// stays a pure function (`AutoTagging.tagger`) and the writing sits at the edge.
public protocol TagWriting {
    /// The codebooks whose tags were ever written, at their latest revisions.
    func appliedCodebooks() throws -> [StoredCodebook]
    /// Tags every free-text answer not yet tagged by `stored`'s revision with what `tagger` finds in its text: the
    /// store hands it a batch of answers (text and question id) and writes the tags it gives back, in order. It may
    /// call `tagger` from another thread (one batch at a time), matching the next batch while it writes.
    func autoTag(
        _ stored: StoredCodebook, tagger: @escaping @Sendable (_ batch: [TagInput]) -> [[AutoTag]], progress: ((Int) -> Void)?
    ) throws -> TagRunSummary
}
