import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel

/// `kartlagg codebook suggest` as a library call: candidate keywords the codebook lacks, from every free-text
/// answer (identifying questions left out), with example answers pseudonymised. Reads only.
public struct CodebookSuggestQuery: Sendable {
    /// The codebook; nil: the only one loaded.
    public var codebook: String?
    /// Candidates per list.
    public var top = 10
    /// A term must be in at least this many answers of its group.
    public var minCount = 3
    /// Example answers are cut to this many characters.
    public var exampleLength = 160

    public init() {}

    public func run(store: KartlaggningStore) throws -> CodebookSuggestions {
        let stored = try store.codebook(id: codebook)
        let matcher = try CodebookMatcher(codebook: stored.codebook)
        let carrying = try stored.codebook.themes.map {
            ($0.id, try store.answersCarrying(themes: stored.codebook.descendants(of: $0.id), codebook: stored))
        }
        let cleaner = try store.pseudonymizer()
        var answers: [CodebookSuggestions.Answer] = []
        try store.forEachFreeText { id, text in
            // Names and addresses never become candidates, nor appear in the examples.
            let clean = cleaner.apply(text)
            answers.append(.init(id: id, text: clean, themes: Set(carrying.filter { $0.1.contains(id) }.map(\.0))))
        }
        var suggestions = CodebookSuggestions.make(answers, codebook: stored, matcher: matcher, top: top, minCount: minCount)
        func cut(_ candidates: inout [CodebookSuggestions.Candidate]) {
            for index in candidates.indices {
                candidates[index].examples = candidates[index].examples.map { text in
                    let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
                    return flat.count <= exampleLength ? flat : String(flat.prefix(exampleLength - 1)) + "…"
                }
            }
        }
        cut(&suggestions.newThemes)
        for index in suggestions.existingThemes.indices { cut(&suggestions.existingThemes[index].candidates) }
        return suggestions
    }
}
