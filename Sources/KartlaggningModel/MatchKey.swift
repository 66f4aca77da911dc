import Foundation

/// The lenient comparison key for names typed by people: case, diacritics and spacing folded.
///
/// `" Nätra "`, `"NATRA"` and `"natra"` share the key `natra` (`make`): for kinds and the names `survey infer`
/// looks for. Place names use `place`, which keeps å, ä and ö; column headers `header`; free text none of them.
public enum MatchKey {
    public static func make(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The key of a place name: case, spacing and dash variants folded, every letter kept — `Åsa` is not `Asa` and
    /// `Möra` is not `Mora`; `Björna - Långviksmon` and `björna–långviksmon` are one name. Aliases cover the rest.
    public static func place(_ text: String) -> String {
        // One pass: lowercased, dashes made "-", whitespace runs made one space and trimmed, and no space beside a
        // dash ("Björna - Långviksmon" and "Björna–Långviksmon" are one key).
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var spaceWaiting = false
        var afterDash = false
        for character in text.lowercased() {
            if character.isWhitespace {
                spaceWaiting = !out.isEmpty
                continue
            }
            let isDash = character == "-" || dashes.contains(character)
            if spaceWaiting && !isDash && !afterDash { out.append(" ") }
            spaceWaiting = false
            out.append(isDash ? "-" : character)
            afterDash = isDash
        }
        return out
    }

    /// The dashes people type for a hyphen (hyphen, non-breaking hyphen, figure dash, en and em dash, minus).
    private static let dashes: Set<Character> = ["\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}"]

    /// Case and spacing folded, diacritics kept: for column headers, where `Å` and `A` differ.
    public static func header(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
