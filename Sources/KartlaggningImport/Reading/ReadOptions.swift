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

    public init(format: String? = nil, delimiter: String? = nil, encoding: String? = nil, headerRow: Int = 1) {
        self.format = format
        self.delimiter = delimiter
        self.encoding = encoding
        self.headerRow = headerRow
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
