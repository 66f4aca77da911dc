import ArgumentParser
import KartlaggningImport

/// How to read input files, when detection should not decide.
struct ReadOptionGroup: ParsableArguments {
    @Option(help: "csv, tsv, json, ndjson, xlsx, ods, sav, por or dta (default: from the file name).") var format: SourceFormat?
    @Option(
        help: ArgumentHelp(
            "The sheet of a workbook: its name or number (default: the survey's `sheet`, else the first).", valueName: "name|n"))
    var sheet: String?
    @Option(help: ArgumentHelp("The cell delimiter: , ; | or tab (default: detected).", valueName: "c")) var delimiter: String?
    @Option(help: "utf-8, utf-16, windows-1252 or iso-8859-1 (default: detected).") var encoding: String?
    @Option(
        help: ArgumentHelp(
            "The line (a sheet's row) of the header, counted as error messages count; lines above it are skipped (default: the survey's `header_row`, else 1; infer finds it).",
            valueName: "n"))
    var headerRow: Int?
    @Option(
        help: ArgumentHelp(
            "Rows right after the header that are more header, not answers (default: the survey's `skip_after_header`, else 0).",
            valueName: "n"))
    var skipAfterHeader: Int?
    @Flag(help: "Read quotes RFC 4180 does not allow (\"a\"b, a\"b) as Excel does, instead of refusing the file.")
    var lenientQuotes = false
    @Option(help: ArgumentHelp("The largest cell to read, e.g. 4M (default: 1M).", valueName: "size")) var maxCellSize: String?
    @Option(help: ArgumentHelp("The most cells a row may have (default: 5000).", valueName: "n")) var maxColumns: Int?
    @Option(help: ArgumentHelp("The longest row to read, e.g. 64M (default: 16M).", valueName: "size")) var maxRowSize: String?

    var options: ReadOptions {
        var limits = ReadLimits()
        if let size = maxCellSize.flatMap(ReadLimits.parseBytes) { limits.cellBytes = size }
        if let maxColumns { limits.columns = maxColumns }
        if let size = maxRowSize.flatMap(ReadLimits.parseBytes) { limits.rowBytes = size }
        return ReadOptions(
            format: format, delimiter: delimiter, encoding: encoding, headerRow: headerRow, skipAfterHeader: skipAfterHeader,
            sheet: sheet, lenientQuotes: lenientQuotes, limits: limits)
    }

    func validate() throws {
        if let headerRow, headerRow < 1 { throw ValidationError("--header-row counts from 1") }
        if let skipAfterHeader, skipAfterHeader < 0 { throw ValidationError("--skip-after-header takes a number from 0") }
        for (flag, value) in [("--max-cell-size", maxCellSize), ("--max-row-size", maxRowSize)] {
            if let value, ReadLimits.parseBytes(value) == nil {
                throw ValidationError("\(flag) takes a size in bytes, or with K, M or G: 1048576, 512K, 4M")
            }
        }
        if let maxColumns, maxColumns < 1 { throw ValidationError("--max-columns takes a number from 1") }
    }
}

/// `--format csv`, `--format XLSX`: any case.
extension SourceFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
