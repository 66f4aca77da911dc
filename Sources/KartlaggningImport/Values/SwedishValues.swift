import Foundation
import KartlaggningCore
import KartlaggningModel

/// Reads typed values the way Swedish spreadsheets write them: decimal comma, space or non-breaking
/// space between thousands, Ja/Nej, ISO and common Swedish dates.
public enum SwedishValues {
    /// A whole number: `12`, `12 000`, `−3`, and `6.0` or `6,00` as a spreadsheet writes a whole number (one or two
    /// zeros after the mark; `1.000` is a thousand or one, so it is not read as either). Nil when the text is not one.
    public static func integer(_ text: String) -> Int? {
        var compact = stripGrouping(text)
        if let mark = compact.utf8.lastIndex(where: { $0 == 0x2E || $0 == 0x2C }) {
            let fraction = compact.utf8[compact.utf8.index(after: mark)...]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0 == 0x30 }), mark != compact.utf8.startIndex else { return nil }
            compact = String(compact[..<mark])
        }
        guard !compact.isEmpty, compact.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }),
            compact.dropFirst().allSatisfy(\.isNumber)
        else { return nil }
        return Int(compact)
    }

    /// A decimal number: `3,5`, `1 234,5`, `1.234,5`, `1,234.5`, `3.5`. Nil when the text is not one.
    /// - Parameter mark: the column's decimal mark when known: the other mark then only groups thousands.
    public static func decimal(_ text: String, mark: String? = nil) -> Double? {
        var compact = stripGrouping(text)
        if let mark, mark == "," || mark == "." {
            let grouping = mark == "," ? "." : ","
            if compact.contains(grouping) {
                let groups =
                    compact.split(separator: Character(mark)).first?.split(separator: Character(grouping), omittingEmptySubsequences: false)
                    ?? []
                guard groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
                compact = compact.replacingOccurrences(of: grouping, with: "")
            }
            guard compact.filter({ String($0) == mark }).count <= 1 else { return nil }
            compact = compact.replacingOccurrences(of: mark, with: ".")
            guard compact.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }), let value = Double(compact), value.isFinite
            else { return nil }
            return value
        }
        guard !compact.isEmpty else { return nil }
        let commas = compact.filter { $0 == "," }.count
        let dots = compact.filter { $0 == "." }.count
        if commas > 0 && dots > 0 {
            // The later mark is the decimal one; the other groups thousands.
            guard let lastComma = compact.lastIndex(of: ","), let lastDot = compact.lastIndex(of: ".") else { return nil }
            let (decimalMark, grouping): (Character, Character) = lastComma > lastDot ? (",", ".") : (".", ",")
            guard compact.filter({ $0 == decimalMark }).count == 1 else { return nil }
            compact = compact.replacingOccurrences(of: String(grouping), with: "")
            compact = compact.replacingOccurrences(of: String(decimalMark), with: ".")
        } else if commas == 1 {
            compact = compact.replacingOccurrences(of: ",", with: ".")
        } else if commas > 1 || dots > 1 {
            let mark: Character = commas > 1 ? "," : "."
            let groups = compact.split(separator: mark, omittingEmptySubsequences: false)
            guard groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            compact = compact.replacingOccurrences(of: String(mark), with: "")
        }
        guard compact.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }), let value = Double(compact),
            value.isFinite
        else { return nil }
        return value
    }

    /// A whole number on a scale, optionally followed by its label: `4`, `4 - Ganska nöjd`, `5 = Mycket`.
    public static func scalePoint(_ text: String) -> Int? {
        if let value = integer(text) { return value }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let value = Int(digits) else { return nil }
        let rest = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        guard let mark = rest.first, "-–=:.)".contains(mark) else { return nil }
        // A label follows the mark (`4 - Ganska nöjd`, `4.`); a number does not: `55-64` is an age band and
        // `47.115097` a decimal, never a point on a scale.
        let label = rest.dropFirst().trimmingCharacters(in: .whitespaces)
        if let first = label.first, !first.isLetter { return nil }
        if label.isEmpty && !".)".contains(mark) { return nil }
        return value
    }

    /// Ja/Nej and their kin. Nil when the text is neither.
    public static func boolean(_ text: String) -> Bool? {
        switch MatchKey.make(text) {
        case "ja", "j", "yes", "y", "true", "sant", "1": true
        case "nej", "n", "no", "false", "falskt", "0": false
        default: nil
        }
    }

    static let months = [
        "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4, "maj": 5,
        "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// A calendar date as ISO 8601 (`2025-03-14`) from `2025-03-14`, `2025-03-14 10:30`, `2025-03-14T10:30:00`,
    /// `2025/3/14`, `20250314`, `14/3/2025`, `14.3.2025`, `14/3 2025`, `14 mars 2025`, or `Apr 26, 2018` and
    /// `Apr 26, 2018 8:58:20 AM` as Java and ODK write them. Nil when not a real date.
    public static func date(_ text: String) -> String? {
        var trimmed = text.trimmedCell
        if let iso = isoDate(trimmed) { return iso }
        if let monthFirst = monthFirstDate(trimmed) { return monthFirst }
        if let cut = trimmed.firstIndex(where: { $0 == "T" || $0 == " " }), trimmed.prefix(4).allSatisfy(\.isNumber),
            trimmed.count > 10
        {
            trimmed = String(trimmed[..<cut])
        }
        let parts = trimmed.split(whereSeparator: { "-/. ".contains($0) }).map(String.init)
        var year = 0
        var month = 0
        var day = 0
        if parts.count == 1, trimmed.count == 8, Int(trimmed) != nil {
            guard let y = Int(trimmed.prefix(4)), let m = Int(trimmed.dropFirst(4).prefix(2)), let d = Int(trimmed.suffix(2)) else {
                return nil
            }
            year = y
            month = m
            day = d
        } else if parts.count == 3 {
            if parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) {
                year = y
                month = m
                day = d
            } else if let d = Int(parts[0]), let y = Int(parts[2]), parts[2].count == 4 {
                guard let m = Int(parts[1]) ?? months[parts[1].lowercased()] else { return nil }
                year = y
                month = m
                day = d
            } else {
                return nil
            }
        } else {
            return nil
        }
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else {
            return nil
        }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// `Apr 26, 2018`, `April 26, 2018 8:58:20 AM`: the month's name, the day, a comma, the year, maybe a time.
    static func monthFirstDate(_ text: String) -> String? {
        guard let first = text.first, first.isLetter, let comma = text.firstIndex(of: ",") else { return nil }
        let head = text[..<comma].split(separator: " ")
        let tail = text[text.index(after: comma)...].split(separator: " ")
        guard head.count == 2, let day = Int(head[1]), let yearText = tail.first, yearText.count == 4, let year = Int(yearText),
            let month = months[head[0].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))]
                ?? englishMonths[head[0].lowercased()],
            (1900...2200).contains(year), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        // What follows is a time of day (`8:58:20 AM`) or nothing.
        let rest = tail.dropFirst()
        guard rest.isEmpty || (rest.first?.contains(":") == true && rest.count <= 2) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    static let englishMonths = [
        "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10, "oct": 10,
    ]

    /// The fast path for the common `2025-03-14`, without splitting or formatting.
    static func isoDate(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        var parts = [0, 0, 0]
        for (part, range) in [(0, 0..<4), (1, 5..<7), (2, 8..<10)] {
            for index in range {
                guard (0x30...0x39).contains(bytes[index]) else { return nil }
                parts[part] = parts[part] * 10 + Int(bytes[index] - 0x30)
            }
        }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else {
            return nil
        }
        return text
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Removes spaces, non-breaking and narrow spaces used between thousands, and reads `−` as minus.
    static func stripGrouping(_ text: String) -> String {
        var out = ""
        for character in text where !(character.isWhitespace || character == "\u{00A0}" || character == "\u{202F}") {
            out.append(character == "−" ? "-" : character)
        }
        return out
    }
}
