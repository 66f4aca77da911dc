import KartlaggningCore

/// Auto-tagging as commands run it: a codebook's compiled matcher over every answer its latest revision has
/// not tagged yet.
///
/// ```swift
/// let summary = try AutoTagging.run(store: store, codebook: try store.codebook(id: "kodbok"))
/// ```
public enum AutoTagging {
    /// Tags every free-text answer not yet tagged by the codebook's latest revision.
    /// - Parameter progress: called with the answers tagged so far.
    public static func run(store: KartlaggningStore, codebook stored: StoredCodebook, progress: ((Int) -> Void)? = nil) throws
        -> TagRunSummary
    {
        let matcher = try CodebookMatcher(codebook: stored.codebook)
        return try store.autoTag(
            stored,
            tagger: { text, question in
                matcher.match(text, question: question).map { match in
                    AutoTag(theme: match.theme, pattern: match.pattern, spans: match.matches.map { $0.start..<$0.end })
                }
            }, progress: progress)
    }

    /// After an import: tags the new and changed answers with every codebook that has been applied before,
    /// so counts stay current without a separate `kartlagg tag`. Codebooks never run are left alone.
    public static func catchUp(store: KartlaggningStore, progress: ((Int) -> Void)? = nil) throws -> [TagRunSummary] {
        try store.appliedCodebooks().map { try run(store: store, codebook: $0, progress: progress) }.filter { $0.answersTagged > 0 }
    }
}
