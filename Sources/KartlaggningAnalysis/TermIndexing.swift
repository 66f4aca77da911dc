import Foundation
import KartlaggningModel

/// The terms the term index keeps for each free text: its words as keyness counts them (`Keyness.terms`, by lemma,
/// each form with how often it stands there), after the cleaner has blanked addresses, numbers and the names the
/// database holds — so no part of a name or number can become a distinctive word, in the index or out of it.
public enum TermIndexing {
    /// The way terms are made: changed whenever the tokeniser, the words left out or the lemmatiser change, so an index
    /// made before is made again.
    public static let version = "terms-1"

    /// The index's key for texts cleaned by `cleaner`: the version and the names it removes.
    public static func key(cleaner: Pseudonymizer) -> String {
        "\(version)|\(cleaner.fingerprint)"
    }

    /// Brings `store`'s term index up to date, and the theme digests made from it: what every writer that changes
    /// texts or names does before it ends (import, undo, forget, tagging), so reports, which only read, find them
    /// current.
    /// - Returns: how many texts were indexed (0 when it was current).
    @discardableResult
    public static func update(store: some TermIndexWriting, progress: ((Int) -> Void)? = nil) throws -> Int {
        let cleaner = try Pseudonymizer.hiding(namesIn: store)
        let key = key(cleaner: cleaner)
        // Noted complete at this data version: nothing to index. Otherwise the indexer's own pass finds what is
        // missing (and notes the index complete), without a separate check first.
        let indexed =
            try store.termIndexIsNotedComplete(key: key)
            ? 0 : store.indexTerms(key: key, batchSize: 5_000, terms: batch(cleaner: cleaner), progress: progress)
        try store.refreshThemeDigests()
        return indexed
    }

    /// A text's terms: each lemma and form with how often it stands there, in lemma and form order.
    public static func counts(_ text: String, cleaner: Pseudonymizer, lemmatizer: inout Lemmatizer) -> [TermCount] {
        var counts: [Keyness.Term: Int] = [:]
        for term in Keyness.terms(in: cleaner.redact(text), lemmatizer: &lemmatizer) { counts[term, default: 0] += 1 }
        return counts.map { TermCount(lemma: $0.key.lemma, surface: $0.key.surface, count: $0.value) }
            .sorted { ($0.lemma, $0.surface) < ($1.lemma, $1.surface) }
    }

    /// The terms of a batch of texts, in the batch's order, made on `workers` threads at once (each with its own
    /// lemmatizer): the same as one thread makes.
    public static func batch(cleaner: Pseudonymizer, workers: Int = ProcessInfo.processInfo.activeProcessorCount)
        -> (_ texts: [IndexedText]) -> [[TermCount]]
    {
        // Each worker keeps its lemmatizer (and the lemmas it has learnt) from batch to batch.
        let lemmatizers = (0..<max(1, workers)).map { _ in WorkerLemmatizer() }
        return { texts in
            ParallelMap.map(texts, workers: lemmatizers.count, state: { lemmatizers[$0] }) { worker, text in
                counts(text.text, cleaner: cleaner, lemmatizer: &worker.lemmatizer)
            }.map { $0 ?? [] }
        }
    }
}

/// A term-indexing worker's lemmatizer: used by that worker only, so shared across threads safely.
private final class WorkerLemmatizer: @unchecked Sendable {
    var lemmatizer = Lemmatizer()
}
