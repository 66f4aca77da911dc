import Foundation

/// File names made from ids: letters, digits, `-` and `_` kept, anything else `-`.
public enum FileName {
    /// `Nätra` → `Natra`, `a/b` → `a-b`.
    public static func safe(_ id: String) -> String {
        let folded = id.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(folded.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
    }
}
