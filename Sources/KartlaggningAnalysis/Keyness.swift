import Foundation

/// Term frequencies by group and log-likelihood keyness (Dunning's G²) of each group against the rest:
/// how an analyst finds what people in one district or of one kind talk about that others do not.
public struct Keyness: Sendable {
    /// Term counts per group.
    public private(set) var counts: [String: [String: Int]] = [:]

    public init() {}

    /// Keyness over term counts already made, by group.
    public init(counts: [String: [String: Int]]) {
        self.counts = counts
    }

    /// Adds a text's terms to `group`: tokens lowercased, Swedish stop words, digits and one-letter words left out.
    public mutating func add(_ text: String, to group: String) {
        for term in Self.terms(in: text) { counts[group, default: [:]][term, default: 0] += 1 }
    }

    /// The terms of `text` that keyness counts, in order (see `add(_:to:)`).
    public static func terms(in text: String) -> [String] {
        Tokenizer.tokens(in: text).map(\.text).filter(counts)
    }

    /// Keyness of one group against the rest, from the rest's and the whole's counts: `whole − group` is the rest.
    public static func group(_ group: [String: Int], within whole: [String: Int]) -> Keyness {
        var rest: [String: Int] = [:]
        for (term, n) in whole {
            let left = n - (group[term] ?? 0)
            if left > 0 { rest[term] = left }
        }
        return Keyness(counts: ["group": group, "rest": rest])
    }

    static func counts(_ term: String) -> Bool {
        term.unicodeScalars.count > 1 && !SwedishStopWords.words.contains(term) && !term.allSatisfy(\.isNumber)
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
        return own.map { term, a in
            let b = rest[term] ?? 0
            return TermKeyness(term: term, count: a, rest: b, logLikelihood: Self.logLikelihood(a: a, b: b, c: c, d: d))
        }
    }
}
