/// Lemmas (Snowball stems) of words, remembered: answers repeat their words, so a pass over 600,000 texts stems each
/// distinct word once instead of every occurrence.
public struct Lemmatizer: Sendable {
    private var known: [String: String] = [:]
    static let limit = 500_000

    public init() {}

    /// The lemma of a lowercased word.
    public mutating func lemma(_ word: String) -> String {
        if let lemma = known[word] { return lemma }
        let lemma = SwedishStemmer.stem(word)
        if known.count >= Self.limit { known.removeAll(keepingCapacity: true) }
        known[word] = lemma
        return lemma
    }
}
