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
        var out = ""
        for character in text.lowercased() {
            if "\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2212}".contains(character) { out.append("-") } else { out.append(character) }
        }
        let words = out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return words.replacingOccurrences(of: " - ", with: "-").replacingOccurrences(of: " -", with: "-")
            .replacingOccurrences(of: "- ", with: "-")
    }

    /// Case and spacing folded, diacritics kept: for column headers, where `Å` and `A` differ.
    public static func header(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
