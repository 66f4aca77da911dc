/// How to read a file when detection should not decide.
public struct ReadOptions: Sendable, Equatable {
    /// `csv`, `tsv`, `json` or `ndjson`; nil to go by the file name and content.
    public var format: String?
    /// The cell delimiter (`,` `;` `\t` or `tab`, `|`); nil to detect.
    public var delimiter: String?
    /// The text encoding; nil to detect.
    public var encoding: String?
    /// The row (from 1) that holds the header; rows above it are skipped.
    public var headerRow: Int
    /// Read quotes as Excel does (`"a"b` as `ab`, `a"b` as it stands) instead of refusing the file.
    public var lenientQuotes: Bool
    /// How large a cell, a row and a header may be.
    public var limits: ReadLimits

    public init(
        format: String? = nil, delimiter: String? = nil, encoding: String? = nil, headerRow: Int = 1, lenientQuotes: Bool = false,
        limits: ReadLimits = ReadLimits()
    ) {
        self.format = format
        self.delimiter = delimiter
        self.encoding = encoding
        self.headerRow = headerRow
        self.lenientQuotes = lenientQuotes
        self.limits = limits
    }

    func delimiterByte(file: String) throws -> UInt8? {
        if format?.lowercased() == "tsv" && delimiter == nil { return 0x09 }
        guard let delimiter else { return nil }
        switch delimiter {
        case "\\t", "\t", "tab", "TAB": return 0x09
        case ",", ";", "|", ":": return delimiter.utf8.first
        default:
            throw ImportError.unreadable(file: file, reason: "unsupported delimiter \"\(delimiter)\"; use , ; | or tab")
        }
    }
}
