/// The words of a full-text query (SQLite FTS5: words, `"phrases"`, `prefix*`, AND, OR, NOT), to check a hit against
/// the text a reader is shown. FTS5 searches the stored text; a word that only the pseudonymised text hides (a masked
/// personnummer, a name) must not find the answer, or the search tells what the mask hides.
public struct SearchWords: Sendable {
    /// Alternatives (split at OR), each a list of words that must all be there; words after NOT are left out (FTS5
    /// has already made sure they are absent).
    public private(set) var alternatives: [[(text: String, prefix: Bool)]] = [[]]

    public init(query: String) {
        var current = ""
        var negated = false
        func flush(prefix: Bool) {
            defer { current = "" }
            guard !current.isEmpty else { return }
            switch current {
            case "OR": alternatives.append([])
            case "NOT": negated = true
            case "AND", "NEAR": break
            default:
                if !negated { alternatives[alternatives.count - 1].append((current.lowercased(), prefix)) }
                negated = false
            }
        }
        for character in query {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else {
                flush(prefix: character == "*")
            }
        }
        flush(prefix: false)
        alternatives = alternatives.filter { !$0.isEmpty }
    }

    /// Whether the words of one alternative are all in `text` (whole words, or a word's start for `prefix*`).
    public func match(_ text: String) -> Bool {
        guard !alternatives.isEmpty else { return true }
        let tokens = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        return alternatives.contains { words in
            words.allSatisfy { word in tokens.contains { word.prefix ? $0.hasPrefix(word.text) : $0 == word.text } }
        }
    }
}
