import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel

/// The term counts distinctive words are worked out from: counted in SQL over the term index where it is current
/// (writers keep it so: `TermIndexing.update`; a writable store brings it up to date first), else by reading and
/// counting every text as the index would — a database an older kartlagg wrote, opened read-only. Both give the
/// same totals.
enum TermTotalsGatherer {
    static func totals(
        store: KartlaggningStore, cleaner: Pseudonymizer, filters: [CrossDimension: [String]], groups: [[String]],
        codebook stored: StoredCodebook?
    ) throws -> TermTotals {
        guard try indexIsCurrent(store: store, cleaner: cleaner) else {
            return try counted(store: store, cleaner: cleaner, filters: filters, groups: groups, codebook: stored)
        }
        return try store.termTotals(filters: filters, groups: groups, codebook: stored)
    }

    /// Whether the index can be read for texts cleaned by `cleaner`: current, or brought up to date where the store
    /// may be written.
    static func indexIsCurrent(store: KartlaggningStore, cleaner: Pseudonymizer) throws -> Bool {
        let key = TermIndexing.key(cleaner: cleaner)
        if try store.termIndexIsCurrent(key: key) { return true }
        guard !store.isReadOnly else { return false }
        try TermIndexing.update(store: store)
        return try store.termIndexIsCurrent(key: key)
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
