import Foundation
import KartlaggningModel

/// Makes quotes identify no one: e-mail addresses, phone numbers, personnummer, samordningsnummer and
/// organisationsnummer, street addresses, the names of people and organisations the database holds, and people's
/// names by their shape, are replaced by `[e-post]`, `[telefon]`, `[personnummer]`, `[samordningsnummer]`,
/// `[organisationsnummer]`, `[adress]`, `[person]` and `[organisation]` before any text reaches a report. A name by
/// its shape is a common first name (`PersonalName`) with a capitalised surname or initial after it (`Anna Berg`,
/// `Olle S.`), or such a first name alone (`grannen Olle vet`, `Anna tycker`) unless it starts a sentence and is a
/// word too (`Bo i byn`); a street address is a street
/// word and a number (`Storgatan 12`, `Bredbyvägen 4 B`, `Box 45`). Identity numbers are recognised by their shape (a plausible date, or an
/// organisation's group digits), whatever their check digit: people mistype, and a mistyped number still
/// points at one person. `redact` blanks the same spans, for word lists built from the texts.
///
/// ```swift
/// let clean = Pseudonymizer(people: ["Karin Lund"], organisations: ["Bredbyns Såg AB"])
/// clean.apply("Ring Karin på 0660-880 18")  // "Ring [person] på [telefon]"
/// ```
public struct Pseudonymizer: Sendable {
    private let names: NameList

    /// - Parameters:
    ///   - people: names of respondents and interviewers; each name and each of its parts of three letters or more
    ///     (Karin, Lund) is replaced.
    ///   - organisations: names of companies and associations, replaced whole.
    public init(people: [String] = [], organisations: [String] = []) {
        // Whole names match in any case; a part of a person's name only as a name is written, capitalised, so
        // that "Per" goes but "per dag" stays.
        var entries: [NameList.Entry] = []
        for organisation in organisations where organisation.trimmedName.count >= 3 {
            entries.append(NameList.Entry(name: organisation.trimmedName, replacement: "[organisation]", anyCase: true))
        }
        for person in people where !person.trimmedName.isEmpty {
            entries.append(NameList.Entry(name: person.trimmedName, replacement: "[person]", anyCase: true))
            for part in person.split(whereSeparator: { !$0.isLetter && $0 != "-" }) where part.count >= 3 && part.first?.isUppercase == true
            {
                entries.append(NameList.Entry(name: String(part), replacement: "[person]", anyCase: false))
            }
        }
        names = NameList(entries)
    }

    /// The cleaner for everything shown from `store`: the people's and organisations' names it holds. The one way
    /// outputs and the term index build it.
    public static func hiding(namesIn store: some TermIndexWriting) throws -> Pseudonymizer {
        let names = try store.namesToHide()
        return Pseudonymizer(people: names.people, organisations: names.organisations)
    }

    /// What this cleaner removes beyond its fixed rules: the names it was given, as a short stable text. Two
    /// cleaners with the same fingerprint clean every text alike (the term index is kept by it).
    public var fingerprint: String { names.fingerprint }

    static let email = regex("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")
    /// Ten or twelve digits, with or without a hyphen or plus: 19701231-1234, 701231-1234, 556677-8899.
    static let identityNumber = regex("(?<![\\d-])(?:(?:18|19|20)\\d{2}|\\d{2})\\d{4}[-+ ]?\\d{4}(?![\\d-])")
    /// Swedish phone numbers: 0660-880 18, 070-123 45 67, 08-123 456 78, +46 70 123 45 67, 0046 70 1234567.
    static let phone = regex(
        "(?<![\\w+])(?:\\+46|0046|0)[\\s-]?\\(?0?\\)?\\d{1,3}[\\s-]?\\d{2,4}(?:[\\s-]?\\d{2,4}){0,3}(?![\\w])")

    /// A street, road, lane … and its number: `Storgatan 12`, `Skolvägen 4B`, `Kyrkbacken 3 A`; a post box.
    static let streetAddress = regex(
        "(?<![\\p{L}\\p{N}])(?:\\p{Lu}[\\p{L}-]*(?:gatan|gata|vägen|väg|gränd|gränden|stigen|backen|backe|torget|torg|allén|allé|"
            + "leden|platsen|plan|gången|slingan|liden|kajen|stranden|strand|veien|vej|gade|tie|katu)|Box)\\s+\\d{1,4}"
            + "(?:(?:[A-Za-z]|\\s[A-Z])(?![\\p{L}\\p{N}]))?(?![\\p{N}])")
    /// A capitalised word, maybe hyphenated (`Anna-Karin`).
    static let capitalisedWord = regex("(?<![\\p{L}\\p{N}-])\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?(?![\\p{L}\\p{N}-])")
    /// A surname after a first name: a space, then a capitalised word (`Berg`, `Berg-Lund`, `O'Neill`) or an initial (`S.`).
    static let surname = regex("\\s\\p{Lu}(?:\\p{Ll}[\\p{Ll}']*(?:-\\p{Lu}\\p{Ll}+)?|\\.)(?![\\p{L}\\p{N}-])")

    /// The patterns are constants of this file; one that would not compile matches nothing rather than crash.
    private static func regex(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern)
    }

    /// `text` with every identifying detail replaced.
    public func apply(_ text: String) -> String {
        transform(text) { label in label }
    }

    /// `text` with every identifying detail blanked out, for counting words: no part of an address, number or
    /// name can become a "distinctive word".
    public func redact(_ text: String) -> String {
        transform(text) { _ in " " }
    }

    private func transform(_ text: String, _ replacement: (String) -> String) -> String {
        // Most answers have no @ and fewer than seven digits: then no address, identity or phone number can match,
        // and the regular expressions (the costly part) are not run.
        var digits = 0
        var at = false
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 { digits += 1 } else if byte == 0x40 { at = true }
        }
        var out = at ? Self.replace(Self.email, in: text) { _ in replacement("[e-post]") } : text
        if digits >= 7 {
            out = Self.replace(Self.identityNumber, in: out) { match in Self.identityKind(match).map(replacement) }
            out = Self.replace(Self.phone, in: out) { match in match.filter(\.isNumber).count >= 7 ? replacement("[telefon]") : nil }
        }
        if digits > 0 { out = Self.replace(Self.streetAddress, in: out) { _ in replacement("[adress]") } }
        // Names by shape before the registry's, whose parts would otherwise split `Anna-Karin Öberg`.
        out = Self.maskNamesByShape(out) { replacement("[person]") }
        out = names.replacing(in: out, replacement)
        return out
    }

    /// People's names by their shape: a common first name followed by a capitalised surname or initial, or a common
    /// first name capitalised where a sentence does not start (a word at a sentence's start is capitalised anyway:
    /// "Bo i byn" is no name).
    static func maskNamesByShape(_ text: String, _ replacement: () -> String) -> String {
        // Most texts hold no common first name at all: found so with one pass over the letters, no regular expression.
        guard mayHoldFirstName(text), let word = capitalisedWord, let surname else { return text }
        let whole = NSRange(text.startIndex..., in: text)
        var out = ""
        var last = text.startIndex
        for match in word.matches(in: text, range: whole) {
            guard let range = Range(match.range, in: text), range.lowerBound >= last else { continue }
            let given = text[range].split(separator: "-").first.map(String.init) ?? ""
            guard PersonalName.firstNames.contains(given) else { continue }
            // Up to two surnames or initials right after it.
            var end = match.range.location + match.range.length
            var surnames = 0
            while surnames < 2,
                let next = surname.firstMatch(in: text, options: .anchored, range: NSRange(location: end, length: whole.length - end))
            {
                end = next.range.location + next.range.length
                surnames += 1
            }
            if surnames == 0 && startsSentence(text, at: range.lowerBound) && alsoWords.contains(given) { continue }
            guard let span = Range(NSRange(location: match.range.location, length: end - match.range.location), in: text) else { continue }
            out += text[last..<span.lowerBound] + replacement()
            last = span.upperBound
        }
        return last == text.startIndex ? text : out + text[last...]
    }

    /// Whether a capitalised word of `text` (its part before a hyphen) is a common first name. One pass over the
    /// UTF-8 bytes: a word is a run of ASCII letters and non-ASCII bytes; it is capitalised where it starts with A–Z or
    /// with À–Þ (0xC3 0x80–0x9E); only those are looked up.
    static func mayHoldFirstName(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { scanForFirstName($0) }
    }

    private static func scanForFirstName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isWordByte(_ byte: UInt8) -> Bool { byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) }
        var i = 0
        let count = bytes.count
        while i < count {
            guard isWordByte(bytes[i]) else {
                i += 1
                continue
            }
            let start = i
            let capital = (bytes[i] >= 0x41 && bytes[i] <= 0x5A) || (bytes[i] == 0xC3 && i + 1 < count && bytes[i + 1] <= 0x9E)
            while i < count && isWordByte(bytes[i]) { i += 1 }
            if capital && i - start >= 2 && i - start <= 24,
                PersonalName.firstNames.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
            {
                return true
            }
        }
        return false
    }

    /// First names that are Swedish words too (`Bo i byn`, `Stig längs ån`, `Klara sig`): alone at a sentence's start,
    /// where every word is capitalised, they are taken as the word.
    static let alsoWords: Set<String> = [
        "Bo", "Stig", "Saga", "Liv", "Per", "Tor", "Odd", "Inge", "Gun", "Rune", "Sten", "Björn", "Klara", "Ola", "Ask", "Vera",
        "Ellen", "Mona", "Siv", "Rosa", "Hanna", "Ida", "Ebba", "Axel",
    ]

    /// Whether `index` starts a sentence: the text's start, or only spaces after `.`, `!`, `?`, `:`, a line break or
    /// an opening quote.
    private static func startsSentence(_ text: String, at index: String.Index) -> Bool {
        var i = index
        while i > text.startIndex {
            i = text.index(before: i)
            let c = text[i]
            if c == " " || c == "\t" { continue }
            return ".!?:\n\r\"“”'(-–".contains(c)
        }
        return true
    }

    /// What a ten- or twelve-digit number is, by its shape: `[personnummer]` for a plausible date of birth,
    /// `[samordningsnummer]` for a date with 60 added to the day, `[organisationsnummer]` for 20 or more where a
    /// month would stand; or any of them when the check digit holds. Nil for a number that is none of these.
    static func identityKind(_ match: String) -> String? {
        let digits = match.filter(\.isNumber)
        let ten = String(digits.suffix(10))
        let values = ten.compactMap(\.wholeNumberValue)
        guard values.count == 10 else { return nil }
        let month = values[2] * 10 + values[3]
        let day = values[4] * 10 + values[5]
        if month >= 20 { return "[organisationsnummer]" }
        if (1...12).contains(month) && (1...31).contains(day) { return "[personnummer]" }
        if (1...12).contains(month) && (61...91).contains(day) { return "[samordningsnummer]" }
        return luhn(ten) ? "[personnummer]" : nil
    }

    /// Replaces each match for which `replacement` gives a text; leaves the others.
    static func replace(_ regex: NSRegularExpression?, in text: String, _ replacement: (String) -> String?) -> String {
        guard let regex else { return text }
        var out = ""
        var last = text.startIndex
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text), let new = replacement(String(text[range])) else { continue }
            out += text[last..<range.lowerBound] + new
            last = range.upperBound
        }
        return out + text[last...]
    }

    /// The Luhn checksum Swedish personnummer and organisationsnummer carry in their last digit.
    static func luhn(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == 10 else { return false }
        var sum = 0
        for (index, value) in values.enumerated() {
            let product = value * (index % 2 == 0 ? 2 : 1)
            sum += product > 9 ? product - 9 : product
        }
        return sum % 10 == 0
    }
}

extension String {
    fileprivate var trimmedName: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
