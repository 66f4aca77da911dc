/// The text encodings kartlagg reads.
public enum TextEncoding: String, Sendable, CaseIterable, Codable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1252 = "windows-1252"
    case iso88591 = "iso-8859-1"

    /// The encoding a user named: `utf-8`, `utf8`, `utf-16` (byte order from the BOM), `windows-1252`,
    /// `cp1252`, `iso-8859-1`, `latin1`. `utf-16` without a BOM is read as little-endian.
    public static func named(_ name: String, bom: TextEncoding?) -> TextEncoding? {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": .utf8
        case "utf-16", "utf16": bom == .utf16BE ? .utf16BE : .utf16LE
        case "utf-16le", "utf16le": .utf16LE
        case "utf-16be", "utf16be": .utf16BE
        case "windows-1252", "cp1252", "win1252": .windows1252
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1": .iso88591
        default: nil
        }
    }

    /// The user-facing names `--encoding` accepts.
    public static let acceptedNames = "utf-8, utf-16, utf-16le, utf-16be, windows-1252, iso-8859-1"

    /// The Unicode code points of Windows-1252's bytes 0x80–0x9F (the rest equal ISO-8859-1).
    static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
