import KartlaggningCore
import KartlaggningModel

/// A checkbox question's answers as form tools write them: the chosen options joined by a separator (`, ` in Google
/// Forms, `;` in Microsoft Forms) while an option's own label may hold the separator (`Jordbruk, skog, fiske`). The
/// options are what splits a cell, longest first; the separator only where no option fits.
enum CheckboxAnswers {
    /// The parts of `cell`: at each place the longest option holding the separator that ends at a separator or the
    /// cell's end, else the text up to the next separator. Options are matched as `ValueReader.option` then names them.
    static func split(_ cell: String, separator: String, options: [String]) -> [String] {
        // `, ` is matched as `,` followed by any spacing, so `A,B` and `A,  B` split as `A, B` does.
        let spaceless = separator.filter { $0 != " " }
        let bare = spaceless.isEmpty ? separator : spaceless
        guard !bare.isEmpty else { return [cell] }
        // Only an option holding the separator needs looking for; the import's hot path has none and just splits.
        let joined = options.filter { holds($0, bare) }.sorted { $0.count > $1.count }
        guard !joined.isEmpty, holds(cell, bare) else {
            return cell.components(separatedBy: bare).map(\.trimmedCell).filter { !$0.isEmpty }
        }
        let keys = joined.map(MatchKey.header)
        var parts: [String] = []
        var rest = Substring(cell)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.isEmpty { break }
            let found = joined.indices.first { i in
                guard rest.count >= joined[i].count else { return false }
                let head = rest.prefix(joined[i].count)
                let tail = rest.dropFirst(joined[i].count).drop { $0 == " " }
                return (tail.isEmpty || tail.hasPrefix(bare)) && (head == joined[i] || MatchKey.header(String(head)) == keys[i])
            }
            if let found {
                parts.append(joined[found])
                let tail = rest.dropFirst(joined[found].count).drop { $0 == " " }
                rest = tail.dropFirst(tail.isEmpty ? 0 : bare.count)
            } else if let range = rest.range(of: bare) {
                parts.append(String(rest[..<range.lowerBound]).trimmedCell)
                rest = rest[range.upperBound...]
            } else {
                parts.append(String(rest).trimmedCell)
                rest = ""
            }
        }
        return parts.filter { !$0.isEmpty }
    }

    /// Whether `text` holds `separator`: a byte scan for the usual one-byte separators.
    private static func holds(_ text: String, _ separator: String) -> Bool {
        let bytes = separator.utf8
        if bytes.count == 1, let byte = bytes.first { return text.utf8.contains(byte) }
        return text.contains(separator)
    }

    /// The options of a column whose cells may join several: the values that are not a join of shorter ones, found
    /// from the shortest up; a joined value whose parts are mostly options gives its other parts as options too (an
    /// option nobody chose alone). Nil when no cell joins two options, or the options would be too many to be a
    /// question's.
    static func options(of counts: [String: Int], separator: String, maxOptions: Int = 40) -> [String]? {
        let values = counts.keys.sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
        var atoms: [String] = []
        var unseenAlone = 0
        var lowercaseUnseen = false
        var joined = 0
        for value in values {
            let parts = split(value, separator: separator, options: atoms)
            if parts.count >= 2 && parts.contains(where: atoms.contains) {
                joined += counts[value, default: 0]
                for part in parts where !atoms.contains(part) {
                    atoms.append(part)
                    if counts[part] == nil {
                        unseenAlone += 1
                        if part.first?.isLowercase == true { lowercaseUnseen = true }
                    }
                }
            } else {
                atoms.append(value)
            }
            if atoms.count > maxOptions { return nil }
        }
        // Most options are chosen alone somewhere, and an option starts as a label does: free text (`Bra`, `Bra, men
        // dyrt`, `Dåligt, tyvärr`) leaves sentence tails nobody wrote alone.
        guard joined >= 2, atoms.count >= 2, unseenAlone * 2 <= atoms.count, !lowercaseUnseen else { return nil }
        // Every option is itself no join of others (an option first seen alone after a join that held it).
        return atoms.filter { atom in
            let others = atoms.filter { $0 != atom }
            let parts = split(atom, separator: separator, options: others)
            return parts.count < 2 || !parts.allSatisfy(others.contains)
        }
    }
}
