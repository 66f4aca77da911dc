import Foundation

/// Term frequencies by group and log-likelihood keyness (Dunning's G²) of each group against the rest:
/// how an analyst finds what people in one district or of one kind talk about that others do not.
///
/// Terms are counted by lemma — the Snowball stem, so that föreningen, föreningar and föreningarnas are one term —
/// and shown as their most frequent form, the others listed (`TermKeyness.forms`). Words of one letter, numbers,
/// Snowball's stop words and the function words of `SwedishFunctionWords` are left out. With `ngrams: 2` the terms
/// are pairs of neighbouring words within a clause that both count (`kollektiv trafik`, `bo kvar`), or a negation and
/// a word that counts (`inget samarbete`).
public struct Keyness: Sendable {
    /// One counted term: the lemma it is counted by, and the form it had in the text.
    public struct Term: Hashable, Sendable {
        public var lemma: String
        public var surface: String
    }

    /// Term counts per group, by lemma.
    public private(set) var counts: [String: [String: Int]] = [:]
    /// How often each lemma appeared in each form, over all groups.
    public private(set) var surfaces: [String: [String: Int]] = [:]
    /// 1 for words, 2 for pairs of neighbouring words.
    public var ngrams: Int
    private var lemmatizer = Lemmatizer()

    public init(ngrams: Int = 1) {
        self.ngrams = ngrams
    }

    /// Keyness over term counts already made, by group, with the forms seen.
    public init(counts: [String: [String: Int]], surfaces: [String: [String: Int]] = [:]) {
        self.counts = counts
        self.surfaces = surfaces
        ngrams = 1
    }

    /// Adds a text's terms to `group` (see `terms(in:ngrams:)`).
    public mutating func add(_ text: String, to group: String) {
        for term in Self.terms(in: text, ngrams: ngrams, lemmatizer: &lemmatizer) {
            counts[group, default: [:]][term.lemma, default: 0] += 1
            surfaces[term.lemma, default: [:]][term.surface, default: 0] += 1
        }
    }

    /// The terms of `text` that keyness counts, in order, with lemmas remembered across calls (`lemmatizer`).
    public static func terms(in text: String, ngrams: Int = 1, lemmatizer: inout Lemmatizer) -> [Term] {
        let tokens = Tokenizer.tokens(in: text)
        guard ngrams == 2 else {
            return tokens.map(\.text).filter(counts).map { Term(lemma: lemmatizer.lemma($0), surface: $0) }
        }
        let scalars = Array(text.unicodeScalars)
        var pairs: [Term] = []
        for (first, second) in zip(tokens, tokens.dropFirst()) {
            // Not across a clause: a full stop, comma, colon, semicolon, question or exclamation mark between them.
            if scalars[first.end..<second.start].contains(where: { ".,;:!?()\n".unicodeScalars.contains($0) }) { continue }
            let words = [first.text, second.text]
            // Two words that each count, or a negation and a word that counts (inget samarbete, inte fungerar).
            guard counts(words[1]), counts(words[0]) || negations.contains(words[0]) else { continue }
            let lemma = lemmatizer.lemma(words[0]) + " " + lemmatizer.lemma(words[1])
            pairs.append(Term(lemma: lemma, surface: words.joined(separator: " ")))
        }
        return pairs
    }

    /// Keyness of one group against the rest, from the rest's and the whole's counts: `whole − group` is the rest.
    public static func group(_ group: [String: Int], within whole: [String: Int], surfaces: [String: [String: Int]] = [:]) -> Keyness {
        var rest: [String: Int] = [:]
        for (term, n) in whole {
            let left = n - (group[term] ?? 0)
            if left > 0 { rest[term] = left }
        }
        return Keyness(counts: ["group": group, "rest": rest], surfaces: surfaces)
    }

    /// Words that turn the next one around: a pair starting with one of them is kept (`inget samarbete`).
    static let negations: Set<String> = ["inte", "ingen", "inget", "inga", "ej", "aldrig", "utan", "icke"]

    /// Whether a word is counted as a term of its own.
    static func counts(_ word: String) -> Bool {
        word.unicodeScalars.count > 1 && !SwedishStopWords.words.contains(word) && !SwedishFunctionWords.words.contains(word)
            && !word.allSatisfy(\.isNumber)
    }

    /// A lemma's forms, most frequent first (ties alphabetically); the lemma itself when none was recorded.
    func forms(of lemma: String) -> [String] {
        guard let seen = surfaces[lemma], !seen.isEmpty else { return [lemma] }
        return seen.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
    }

    /// G² for a term seen `a` times in a group of `c` tokens and `b` times in the rest's `d` tokens.
    public static func logLikelihood(a: Int, b: Int, c: Int, d: Int) -> Double {
        let (a, b, c, d) = (Double(a), Double(b), Double(c), Double(d))
        guard c + d > 0 else { return 0 }
        let e1 = c * (a + b) / (c + d)
        let e2 = d * (a + b) / (c + d)
        var g = 0.0
        if a > 0 && e1 > 0 { g += a * log(a / e1) }
        if b > 0 && e2 > 0 { g += b * log(b / e2) }
        return 2 * g
    }

    /// The `top` most frequent terms of `group` (ties by term).
    public func frequent(in group: String, top: Int) -> [TermKeyness] {
        terms(in: group).sorted { ($1.count, $0.term) < ($0.count, $1.term) }.prefix(top).map { $0 }
    }

    /// The `top` most distinctive terms of `group`: used more there than elsewhere, by G² (ties by count, then term).
    public func distinctive(in group: String, top: Int) -> [TermKeyness] {
        let c = counts[group]?.values.reduce(0, +) ?? 0
        let d = counts.filter { $0.key != group }.values.reduce(0) { $0 + $1.values.reduce(0, +) }
        return terms(in: group)
            .filter { d == 0 || Double($0.count) / Double(max(c, 1)) > Double($0.rest) / Double(d) }
            .sorted { ($1.logLikelihood, $1.count, $0.term) < ($0.logLikelihood, $0.count, $1.term) }
            .prefix(top).map { $0 }
    }

    private func terms(in group: String) -> [TermKeyness] {
        guard let own = counts[group] else { return [] }
        let c = own.values.reduce(0, +)
        var rest: [String: Int] = [:]
        var d = 0
        for (name, terms) in counts where name != group {
            for (term, n) in terms {
                rest[term, default: 0] += n
                d += n
            }
        }
        return own.map { lemma, a in
            let b = rest[lemma] ?? 0
            let forms = forms(of: lemma)
            return TermKeyness(
                term: forms[0], forms: Array(forms.dropFirst()), lemma: lemma, count: a, rest: b,
                logLikelihood: Self.logLikelihood(a: a, b: b, c: c, d: d))
        }
    }
}
