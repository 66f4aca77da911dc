import KartlaggningModel

/// Auto-tagging: a codebook's compiled matcher as a pure function from an answer's text and question to its tags
/// (``tagger(for:)``), run over every answer its latest revision has not tagged yet by a store that writes them
/// (`TagWriting`, which the store implements).
///
/// ```swift
/// let summary = try AutoTagging.run(store: store, codebook: try store.codebook(id: "kodbok"))
/// ```
public enum AutoTagging {
    /// The tags `codebook`'s patterns give an answer's text (to the question with this id): pure, the same for the
    /// same text, question and codebook.
    public static func tagger(for codebook: Codebook) throws -> (_ text: String, _ question: String) -> [AutoTag] {
        let matcher = try CodebookMatcher(codebook: codebook)
        return { text, question in
            matcher.match(text, question: question).map { match in
                AutoTag(theme: match.theme, pattern: match.pattern, spans: match.matches.map { $0.start..<$0.end })
            }
        }
    }

    /// Tags every free-text answer not yet tagged by the codebook's latest revision.
    /// - Parameter progress: called with the answers tagged so far.
    public static func run(store: some TagWriting, codebook stored: StoredCodebook, progress: ((Int) -> Void)? = nil) throws
        -> TagRunSummary
    {
        try store.autoTag(stored, tagger: try tagger(for: stored.codebook), progress: progress)
    }

    /// After an import: tags the new and changed answers with every codebook that has been applied before,
    /// so counts stay current without a separate tagging run. Codebooks never run are left alone.
    public static func catchUp(store: some TagWriting, progress: ((Int) -> Void)? = nil) throws -> [TagRunSummary] {
        try store.appliedCodebooks().map { try run(store: store, codebook: $0, progress: progress) }.filter { $0.answersTagged > 0 }
    }
}
