import KartlaggningCore
import KartlaggningModel

/// How to read a file when detection should not decide.
public struct ReadOptions: Sendable, Equatable {
    /// The file's format; nil to go by the file name and content.
    public var format: SourceFormat?
    /// The cell delimiter (`,` `;` `\t` or `tab`, `|`); nil to detect.
    public var delimiter: String?
    /// The text encoding; nil to detect.
    public var encoding: String?
    /// The line (a sheet's row number, from 1) that holds the header; lines above it are skipped. Nil: the survey
    /// definition's `header_row`, else 1 (or, for `survey infer`, found from the file).
    public var headerRow: Int?
    /// Rows after the header that are more header; nil: the definition's `skip_after_header`, else 0.
    public var skipAfterHeader: Int?
    /// The sheet of a workbook, by name or number from 1; nil: the definition's `sheet`, else the first sheet.
    public var sheet: String?
    /// Read quotes as Excel does (`"a"b` as `ab`, `a"b` as it stands) instead of refusing the file.
    public var lenientQuotes: Bool
    /// How large a cell, a row and a header may be.
    public var limits: ReadLimits

    public init(
        format: SourceFormat? = nil, delimiter: String? = nil, encoding: String? = nil, headerRow: Int? = nil, skipAfterHeader: Int? = nil,
        sheet: String? = nil, lenientQuotes: Bool = false, limits: ReadLimits = ReadLimits()
    ) {
        self.skipAfterHeader = skipAfterHeader
        self.sheet = sheet
        self.format = format
        self.delimiter = delimiter
        self.encoding = encoding
        self.headerRow = headerRow
        self.lenientQuotes = lenientQuotes
        self.limits = limits
    }

    /// The shape to read a file with: these options over the survey definition's file shape.
    func shape(for survey: SurveyDefinition? = nil) -> TableShape {
        TableShape(
            headerRow: headerRow ?? survey?.headerRow ?? 1, skipAfterHeader: skipAfterHeader ?? survey?.skipAfterHeader ?? 0)
    }

    /// These options with the survey definition's sheet where none is asked for.
    func applying(_ survey: SurveyDefinition) -> ReadOptions {
        var options = self
        if options.sheet == nil { options.sheet = survey.sheet }
        return options
    }

    func delimiterByte(file: String) throws -> UInt8? {
        if format == .tsv && delimiter == nil { return 0x09 }
        guard let delimiter else { return nil }
        switch delimiter {
        case "\\t", "\t", "tab", "TAB": return 0x09
        case ",", ";", "|", ":": return delimiter.utf8.first
        default:
            throw ImportError.unreadable(file: file, reason: "unsupported delimiter \"\(delimiter)\"; use , ; | or tab")
        }
    }
}
