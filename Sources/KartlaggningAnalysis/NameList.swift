/// The names of people and organisations a database holds, found in a text with a hash lookup per word instead of a
/// regular expression per name, so that the time to clean a text does not grow with the number of names (200,000
/// organisation names clean a text as fast as 20).
///
/// A name matches as `Pseudonymizer` always matched it: the whole name, where neither a letter nor a digit stands
/// right before or after it, in any case (or only as written, for the parts of people's names); longer names first,
/// so "Bredbyns Såg AB" is replaced before "Bredbyns" could be.
struct NameList: Sendable {
    /// One name to replace.
    struct Entry: Sendable {
        var name: String
        var replacement: String
        /// Whether any case matches ("IF Nätra", "if nätra"), or only as written (a part of a person's name: "Per",
        /// never "per dag").
        var anyCase: Bool
    }

    /// A name as it is looked up: its core, from its first letter or digit to its last, folded; the text before and
    /// after the core (punctuation: "(Lyktan)", "Nätra IF.") is checked around a match.
    private struct Candidate: Sendable {
        var entry: Entry
        var prefix: String
        var suffix: String
        var length: Int
    }

    /// Names by their folded core.
    private var byCore: [String: [Candidate]] = [:]
    /// The folded first words of the cores: a text's word that is none of these starts no name.
    private var firstWords: Set<String> = []
    /// The most words a core has.
    private var maxWords = 0

    /// What names the list holds, as a short stable text (FNV-1a over the sorted names): two lists with the same
    /// fingerprint clean texts alike.
    let fingerprint: String

    init(_ entries: [Entry]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for line in entries.map({ "\($0.name)\u{1F}\($0.replacement)\u{1F}\($0.anyCase)" }).sorted() {
            for byte in line.utf8 + [0x1E] {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        fingerprint = String(hash, radix: 16) + "-\(entries.count)"
        var seen = Set<String>()
        for entry in entries {
            guard seen.insert(Self.fold(entry.name) + (entry.anyCase ? "" : "|" + entry.name)).inserted else { continue }
            let characters = Array(entry.name)
            guard let first = characters.firstIndex(where: Self.isWordCharacter),
                let last = characters.lastIndex(where: Self.isWordCharacter)
            else { continue }
            let core = String(characters[first...last])
            let words = Self.words(in: core)
            guard let firstWord = words.first else { continue }
            byCore[Self.fold(core), default: []].append(
                Candidate(
                    entry: entry, prefix: String(characters[..<first]), suffix: String(characters[(last + 1)...]),
                    length: characters.count))
            firstWords.insert(Self.fold(String(core[firstWord])))
            maxWords = max(maxWords, words.count)
        }
        // Longer names first among those with the same core (punctuation around it).
        for key in byCore.keys { byCore[key]?.sort { $0.length > $1.length } }
    }

    var isEmpty: Bool { byCore.isEmpty }

    /// `text` with every name replaced by `replacement(entry.replacement)`: longer names first, matches never
    /// overlapping.
    func replacing(in text: String, _ replacement: (String) -> String) -> String {
        guard !byCore.isEmpty else { return text }
        let words = Self.words(in: text)
        var found: [(range: Range<String.Index>, length: Int, label: String)] = []
        for (index, word) in words.enumerated() where firstWords.contains(Self.fold(String(text[word]))) {
            // Spans of 1…maxWords words from this one: each looked up once.
            for count in 1...maxWords where index + count <= words.count {
                let core = word.lowerBound..<words[index + count - 1].upperBound
                guard let candidates = byCore[Self.fold(String(text[core]))] else { continue }
                for candidate in candidates {
                    if let range = Self.match(candidate, core: core, in: text) {
                        found.append((range, candidate.length, candidate.entry.replacement))
                        break
                    }
                }
            }
        }
        guard !found.isEmpty else { return text }
        // Longest first, then leftmost; a match overlapping one already taken is dropped.
        var taken: [(range: Range<String.Index>, label: String)] = []
        for match in found.sorted(by: { ($0.length, $1.range.lowerBound) > ($1.length, $0.range.lowerBound) })
        where !taken.contains(where: { $0.range.overlaps(match.range) }) {
            taken.append((match.range, match.label))
        }
        var out = ""
        var last = text.startIndex
        for match in taken.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            out += text[last..<match.range.lowerBound] + replacement(match.label)
            last = match.range.upperBound
        }
        return out + text[last...]
    }

    /// The whole name's range where `candidate` matches around the text's `core`: its punctuation before and after,
    /// its case where only as written counts, and neither a letter nor a digit right outside it.
    private static func match(_ candidate: Candidate, core: Range<String.Index>, in text: String) -> Range<String.Index>? {
        var start = core.lowerBound
        for character in candidate.prefix.reversed() {
            guard start > text.startIndex else { return nil }
            let before = text.index(before: start)
            guard fold(String(text[before])) == fold(String(character)) else { return nil }
            start = before
        }
        var end = core.upperBound
        for character in candidate.suffix {
            guard end < text.endIndex, fold(String(text[end])) == fold(String(character)) else { return nil }
            end = text.index(after: end)
        }
        if start > text.startIndex, isWordCharacter(text[text.index(before: start)]) { return nil }
        if end < text.endIndex, isWordCharacter(text[end]) { return nil }
        if !candidate.entry.anyCase, text[start..<end] != candidate.entry.name { return nil }
        return start..<end
    }

    /// The runs of letters and digits of `text`.
    static func words(in text: String) -> [Range<String.Index>] {
        var words: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            if isWordCharacter(text[index]) {
                if start == nil { start = index }
            } else if let begun = start {
                words.append(begun..<index)
                start = nil
            }
            index = text.index(after: index)
        }
        if let start { words.append(start..<text.endIndex) }
        return words
    }

    /// A letter or a digit (what `\p{L}` and `\p{N}` match).
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// How names are compared in any case.
    static func fold(_ text: String) -> String {
        text.lowercased()
    }
}
