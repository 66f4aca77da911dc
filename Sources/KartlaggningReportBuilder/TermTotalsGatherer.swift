import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel

/// The term counts distinctive words are worked out from: counted in SQL over the term index, which is brought up to
/// date first (only texts it does not hold yet are read, on every core); from a database opened read-only, whose
/// index cannot be written, by reading and counting every text as the index would. Both give the same totals.
enum TermTotalsGatherer {
    static func totals(
        store: KartlaggningStore, cleaner: Pseudonymizer, filters: [CrossDimension: [String]], groups: [[String]],
        codebook stored: StoredCodebook?
    ) throws -> TermTotals {
        guard !store.isReadOnly else {
            return try counted(store: store, cleaner: cleaner, filters: filters, groups: groups, codebook: stored)
        }
        try ensureIndex(store: store, cleaner: cleaner)
        return try store.termTotals(filters: filters, groups: groups, codebook: stored)
    }

    /// Brings the term index up to date for texts cleaned by `cleaner`.
    static func ensureIndex(store: KartlaggningStore, cleaner: Pseudonymizer) throws {
        let key = TermIndexing.key(cleaner: cleaner)
        guard try !store.termIndexIsCurrent(key: key) else { return }
        try store.indexTerms(key: key, terms: TermIndexing.batch(cleaner: cleaner))
    }

    /// The same totals, by reading every text.
    static func counted(
        store: KartlaggningStore, cleaner: Pseudonymizer, filters: [CrossDimension: [String]], groups: [[String]],
        codebook stored: StoredCodebook?
    ) throws -> TermTotals {
        let carrying = try groups.map { themes in try stored.map { try store.answersCarrying(themes: themes, codebook: $0) } ?? [] }
        var totals = TermTotals(groups: Array(repeating: [:], count: groups.count))
        var lemmatizer = Lemmatizer()
        try store.forEachFreeText(filters: filters) { answer, text in
            let terms = TermIndexing.counts(text, cleaner: cleaner, lemmatizer: &lemmatizer)
            for term in terms {
                totals.whole[term.lemma, default: 0] += term.count
                totals.surfaces[term.lemma, default: [:]][term.surface, default: 0] += term.count
            }
            for (index, answers) in carrying.enumerated() where answers.contains(answer) {
                for term in terms { totals.groups[index][term.lemma, default: 0] += term.count }
            }
        }
        return totals
    }
}
