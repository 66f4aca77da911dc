import KartlaggningAnalysis
import KartlaggningModel

/// `codebook show` and `codebook test` as terminal text.
public enum CodebookText {
    /// The codebook's themes as an indented tree, each with its keywords, exclusions and questions.
    public static func tree(_ stored: StoredCodebook) -> String {
        var out = "\(stored.codebook.id) \(stored.codebook.version) (revision \(stored.revision), loaded \(stored.loadedAt))\n"
        func show(_ parent: String?, _ depth: Int) {
            for theme in stored.codebook.themes where theme.parent == parent {
                let indent = String(repeating: "  ", count: depth + 1)
                out += "\(indent)\(theme.id) — \(theme.label)\n"
                if !theme.keywords.isEmpty { out += "\(indent)  keywords: \(theme.keywords.joined(separator: ", "))\n" }
                if let exclude = theme.exclude, !exclude.isEmpty { out += "\(indent)  exclude: \(exclude.joined(separator: ", "))\n" }
                if let questions = theme.questions { out += "\(indent)  questions: \(questions.joined(separator: ", "))\n" }
                show(theme.id, depth + 1)
            }
        }
        show(nil, 0)
        return out
    }

    /// Which themes fire on `text`, by which pattern, on which words; then each token with its stem.
    public static func test(_ matches: [ThemeMatch], text: String) -> String {
        var out = matches.isEmpty ? "no theme fires\n" : ""
        for match in matches {
            let words = match.matches.map { "\"\($0.text)\" \($0.start)–\($0.end)" }.joined(separator: ", ")
            out += "\(match.theme)  \(match.pattern)  \(words)\n"
        }
        let stems = Tokenizer.tokens(in: text).map { "\($0.text)→\(SwedishStemmer.stem($0.text))" }
        return out + "tokens: \(stems.joined(separator: " "))\n"
    }

    /// Why the patterns near `word` match it or not (`codebook test --why`).
    public static func why(_ explanations: [PatternExplanation], word: String) -> String {
        var out = "why \"\(word)\" (Snowball stem \(SwedishStemmer.stem(word.lowercased()))):\n"
        if explanations.isEmpty { return out + "  no pattern of the codebook comes near it\n" }
        for e in explanations {
            let part = e.part.map { " (word \($0) of the phrase)" } ?? ""
            out += "  \(e.theme)  \(e.pattern)\(part)  \(e.matches ? "matches" : "no"): \(e.reason)\n"
        }
        return out
    }
}
