import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

/// `kartlagg terms` as a library call: per group, the most frequent and the most distinctive terms of the free
/// texts (log-likelihood keyness against the rest), counted by lemma (`Keyness`), with e-mail addresses, numbers,
/// function words and the names the database holds left out of the lists.
public struct TermsQuery: Sendable {
    public var grouping: TermGrouping = .district
    /// Only answers without a theme of the codebook (what the codebook misses).
    public var untagged = false
    /// The codebook for `untagged`; nil: the only one loaded.
    public var codebook: String?
    /// Terms per list.
    public var top = 10
    /// 1 for words, 2 for pairs of neighbouring words (`kollektiv trafik`, `inget samarbete`).
    public var ngrams = 1

    public init() {}

    public func run(store: KartlaggningStore) throws -> [TermsTable.Group] {
        let stored = untagged ? try store.codebook(id: codebook) : nil
        let cleaner = try store.pseudonymizer()
        var keyness = Keyness(ngrams: ngrams)
        if try ngrams == 1 && TermTotalsGatherer.indexIsCurrent(store: store, cleaner: cleaner) {
            // Words: counted in SQL over the term index (pairs of words are not in it).
            let indexed = try store.termCounts(groupedBy: grouping, untaggedBy: stored)
            keyness = Keyness(counts: indexed.counts, surfaces: indexed.surfaces)
        } else {
            try store.forEachFreeText(groupedBy: grouping, untaggedBy: stored) { group, text in keyness.add(cleaner.redact(text), to: group)
            }
        }
        return keyness.counts.keys.sorted().map { group in
            TermsTable.Group(
                group: group, frequent: keyness.frequent(in: group, top: top), distinctive: keyness.distinctive(in: group, top: top))
        }
    }
}
