import KartlaggningModel

/// A codebook compiled once into indexes, so that matching a text costs the same however many themes
/// there are: each token is looked up (by stem, exact form, its prefixes, suffixes and infixes) in maps
/// from token to pattern, never tested theme by theme.
///
/// ```swift
/// let matcher = try CodebookMatcher(codebook: codebook)
/// matcher.match("Vi saknar bredbandsutbyggnad i byn")  // [ThemeMatch(theme: "bredband", pattern: "bredband*", …)]
/// ```
public struct CodebookMatcher {
    /// One pattern of one theme, keyword or exclude.
    struct Entry: Sendable {
        var theme: Int
        var source: String
        var order: Int
        var tokens: [Int]
        var isExclude: Bool
    }

    public let codebook: Codebook
    private(set) var tokenPatterns: [TokenPattern] = []
    private var stems: [String: [Int]] = [:]
    private var exacts: [String: [Int]] = [:]
    private var prefixes: [String: [Int]] = [:]
    private var suffixes: [String: [Int]] = [:]
    private var infixes: [String: [Int]] = [:]
    private var infixLengths: [Int] = []
    /// Plain keywords' inflected forms (`.word`).
    private var forms: [String: [Int]] = [:]
    /// How plain keywords begin a compound (`.word` with compounds), and the lengths there are.
    private var compoundStarts: [String: [Int]] = [:]
    private var compoundStartLengths: [Int] = []
    private(set) var entries: [Entry] = []
    /// Entries by the id of their first token pattern.
    private var entriesByFirstToken: [Int: [Int]] = [:]
    private var themeQuestions: [Set<String>?] = []
    /// What each distinct token satisfied: answers repeat their words, so most tokens are looked up once.
    private var cache = TokenCache()

    /// The same compiled codebook with a cache of its own: one per thread that matches at the same time (the cache
    /// is the one thing matching changes).
    public func independentCopy() -> CodebookMatcher {
        var copy = self
        copy.cache = TokenCache()
        return copy
    }

    final class TokenCache {
        /// Keyed by the token's bytes (`ByteString` says why): two spellings of "ä" are looked up as themselves.
        var patterns: [ByteString: [Int]] = [:]
        static let limit = 500_000
    }

    /// Compiles every keyword and exclude pattern of `codebook`.
    /// - Throws: `PatternError` naming the theme and pattern that cannot be read.
    public init(codebook: Codebook) throws {
        self.codebook = codebook
        var ids: [TokenPattern: Int] = [:]
        for (themeIndex, theme) in codebook.themes.enumerated() {
            themeQuestions.append(theme.questions.map(Set.init))
            for (isExclude, sources) in [(false, theme.keywords), (true, theme.exclude ?? [])] {
                for (order, source) in sources.enumerated() {
                    let pattern: CodebookPattern
                    do {
                        pattern = try CodebookPattern(source, matching: codebook.rule)
                    } catch var error as PatternError {
                        error.theme = theme.id
                        throw error
                    }
                    let tokenIds = pattern.tokens.map { token -> Int in
                        if let id = ids[token] { return id }
                        let id = tokenPatterns.count
                        ids[token] = id
                        tokenPatterns.append(token)
                        switch token {
                        case .stem(let s): stems[s, default: []].append(id)
                        case .exact(let s): exacts[s, default: []].append(id)
                        case .prefix(let s): prefixes[s, default: []].append(id)
                        case .suffix(let s): suffixes[s, default: []].append(id)
                        case .infix(let s): infixes[s, default: []].append(id)
                        case .word(let word, let compounds):
                            for form in SwedishInflection.forms(of: word) { forms[form, default: []].append(id) }
                            if compounds {
                                for start in SwedishInflection.compoundStarts(of: word) { compoundStarts[start, default: []].append(id) }
                            }
                        case .head(let word):
                            for form in SwedishInflection.forms(of: word) { suffixes[form, default: []].append(id) }
                        }
                        return id
                    }
                    entriesByFirstToken[tokenIds[0], default: []].append(entries.count)
                    entries.append(Entry(theme: themeIndex, source: source, order: order, tokens: tokenIds, isExclude: isExclude))
                }
            }
        }
        infixLengths = Set(infixes.keys.map { $0.unicodeScalars.count }).sorted()
        compoundStartLengths = Set(compoundStarts.keys.map { $0.unicodeScalars.count }).sorted()
    }

    /// The token patterns that `token` satisfies, remembered.
    private func satisfied(by token: String) -> [Int] {
        let key = ByteString(token)
        if let known = cache.patterns[key] { return known }
        let found = lookUp(token)
        if cache.patterns.count >= TokenCache.limit { cache.patterns.removeAll(keepingCapacity: true) }
        cache.patterns[key] = found
        return found
    }

    private func lookUp(_ token: String) -> [Int] {
        var found: [Int] = []
        if !stems.isEmpty, let ids = stems[SwedishStemmer.stem(token)] { found += ids }
        if let ids = exacts[token] { found += ids }
        if let ids = forms[token] { found += ids }
        // The token's scalar boundaries: each piece below is cut from the token's own bytes (a piece made scalar by
        // scalar through generic code cost most of a new token's lookup).
        let view = token.unicodeScalars
        var bounds = Array(view.indices)
        bounds.append(view.endIndex)
        let count = bounds.count - 1
        func piece(_ start: Int, _ end: Int) -> String { String(Substring(view[bounds[start]..<bounds[end]])) }
        // A compound: a keyword's start, then a word of its own (not a derivation's or an inflection's ending).
        for length in compoundStartLengths where length < count {
            if let ids = compoundStarts[piece(0, length)], SwedishInflection.isCompoundRest(Substring(piece(length, count))) {
                found += ids
            }
        }
        if count > 0 && (!prefixes.isEmpty || !suffixes.isEmpty) {
            for length in 1...count {
                if !prefixes.isEmpty, let ids = prefixes[piece(0, length)] { found += ids }
                if !suffixes.isEmpty, let ids = suffixes[piece(count - length, count)] { found += ids }
            }
        }
        for length in infixLengths where length <= count {
            var seen = Set<Int>()
            for start in 0...(count - length) {
                if let ids = infixes[piece(start, start + length)] {
                    for id in ids where seen.insert(id).inserted { found.append(id) }
                }
            }
        }
        // A token may satisfy one pattern several ways (its stem and a form): once is enough.
        return found.count > 1 ? Array(Set(found)).sorted() : found
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The themes whose patterns match `text`, in codebook order, each pattern with the words it matched.
    /// - Parameter question: the answer's question id; themes limited to other questions do not fire.
    public func match(_ text: String, question: String? = nil) -> [ThemeMatch] {
        let found = fired(in: text, question: question)
        guard !found.isEmpty else { return [] }
        let scalars = Array(text.unicodeScalars)
        return found.map { entry, spans in
            ThemeMatch(
                theme: codebook.themes[entries[entry].theme].id, pattern: entries[entry].source,
                matches: spans.map { ThemeMatch.Span(start: $0.lowerBound, end: $0.upperBound, text: Self.string(scalars[$0])) })
        }
    }

    /// What `match` gives, as tags: each pattern's spans without the words' texts, which a tagging run does not keep
    /// (making them cost a tenth of matching a new text).
    public func autoTags(_ text: String, question: String? = nil) -> [AutoTag] {
        fired(in: text, question: question).map { entry, spans in
            AutoTag(theme: codebook.themes[entries[entry].theme].id, pattern: entries[entry].source, spans: spans)
        }
    }

    /// The patterns (as entries) that fire on `text`, in codebook order, each with the spans it matched (in scalars)
    /// that no exclude pattern of its theme covers.
    private func fired(in text: String, question: String?) -> [(entry: Int, spans: [Range<Int>])] {
        let tokens = Tokenizer.tokens(in: text)
        guard !tokens.isEmpty else { return [] }
        let sets = tokens.map { satisfied(by: $0.text) }
        var hits: [Int: [Range<Int>]] = [:]
        var excluded: [Int: [Range<Int>]] = [:]
        for (i, ids) in sets.enumerated() {
            for id in ids {
                for entryIndex in entriesByFirstToken[id] ?? [] {
                    let length = entries[entryIndex].tokens.count
                    let last = i + length - 1
                    guard last < tokens.count else { continue }
                    var matched = true
                    for k in 1..<length where !sets[i + k].contains(entries[entryIndex].tokens[k]) {
                        matched = false
                        break
                    }
                    guard matched else { continue }
                    let span = tokens[i].start..<tokens[last].end
                    if entries[entryIndex].isExclude {
                        excluded[entries[entryIndex].theme, default: []].append(span)
                    } else {
                        hits[entryIndex, default: []].append(span)
                    }
                }
            }
        }
        var results: [(theme: Int, order: Int, entry: Int, spans: [Range<Int>])] = []
        for (entryIndex, spans) in hits {
            let entry = entries[entryIndex]
            if let question, let allowed = themeQuestions[entry.theme], !allowed.contains(question) { continue }
            let cancelled = excluded[entry.theme] ?? []
            var kept: [Range<Int>] = []
            for span in spans
            where !cancelled.contains(where: { $0.lowerBound <= span.lowerBound && span.upperBound <= $0.upperBound })
                && !kept.contains(span)
            {
                kept.append(span)
            }
            guard !kept.isEmpty else { continue }
            results.append((entry.theme, entry.order, entryIndex, kept))
        }
        return results.sorted { ($0.theme, $0.order) < ($1.theme, $1.order) }.map { ($0.entry, $0.spans) }
    }
}
