import Foundation

/// The lenient comparison key for names typed by people: case, diacritics and spacing folded.
///
/// `" Nätra "`, `"NATRA"` and `"natra"` share the key `natra`. Used for districts, service towns,
/// kinds and column headers — never for free text, where å, ä and ö are letters of their own.
public enum MatchKey {
    public static func make(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Case and spacing folded, diacritics kept: for column headers, where `Å` and `A` differ.
    public static func header(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
