import Foundation
import KartlaggningModel

/// A compiled codebook pattern: one token pattern, or several for a phrase of consecutive tokens.
public struct CodebookPattern: Hashable, Sendable {
    /// The pattern as the codebook writes it.
    public var source: String
    public var tokens: [TokenPattern]

    /// Reads the pattern language:
    /// `förening` (stem), `bredband*` (prefix), `*trafik` (suffix), `*bygd*` (infix), `=buss` (exact),
    /// `distans arbete` or `"inget samarbete"` (a phrase: consecutive tokens, each matched by the rules above).
    /// A plain word matches by `matching` (`KeywordMatching`); under `forms` and `compounds`, `*word` is the head of a
    /// compound in any of its forms.
    /// - Throws: `PatternError` saying what is wrong.
    public init(_ source: String, matching: KeywordMatching = .stem) throws {
        self.source = source
        var text = source.trimmingCharacters(in: .whitespaces)
        if text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
        var tokens: [TokenPattern] = []
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            tokens += try Self.parse(String(word), in: source, matching: matching)
        }
        guard !tokens.isEmpty else { throw PatternError(pattern: source, message: "the pattern is empty") }
        self.tokens = tokens
    }

    static func parse(_ word: String, in source: String, matching: KeywordMatching) throws -> [TokenPattern] {
        var body = word.lowercased()
        let exact = body.hasPrefix("=")
        if exact { body.removeFirst() }
        let leading = body.hasPrefix("*")
        let trailing = body.hasSuffix("*") && body.count > 1
        if leading { body.removeFirst() }
        if trailing { body.removeLast() }
        let words = Tokenizer.tokens(in: body).map(\.text)
        guard !words.isEmpty else {
            throw PatternError(pattern: source, message: "\"\(word)\" has no letters or digits to match")
        }
        if (exact || leading || trailing) && (words.count != 1 || words[0] != body) {
            throw PatternError(
                pattern: source,
                message: "\"\(word)\": wildcards and = apply to one token of letters and digits; write a phrase with spaces instead")
        }
        if exact && (leading || trailing) {
            throw PatternError(pattern: source, message: "\"\(word)\": = and * do not go together")
        }
        switch (exact, leading, trailing) {
        case (true, _, _): return [.exact(body)]
        case (_, true, true): return [.infix(body)]
        case (_, false, true): return [.prefix(body)]
        case (_, true, false): return [matching == .stem ? .suffix(body) : .head(body)]
        default:
            // "co-working" is two tokens in any text, so it is the phrase "co working".
            switch matching {
            case .stem: return words.map { .stem(SwedishStemmer.stem($0)) }
            case .forms: return words.map { .word($0, compounds: false) }
            case .compounds: return words.map { .word($0, compounds: true) }
            }
        }
    }
}
