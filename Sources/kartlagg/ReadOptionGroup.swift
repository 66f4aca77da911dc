import ArgumentParser
import KartlaggningImport

/// How to read input files, when detection should not decide.
struct ReadOptionGroup: ParsableArguments {
    @Option(help: "csv, tsv, json or ndjson (default: from the file name).") var format: String?
    @Option(help: ArgumentHelp("The cell delimiter: , ; | or tab (default: detected).", valueName: "c")) var delimiter: String?
    @Option(help: "utf-8, utf-16, windows-1252 or iso-8859-1 (default: detected).") var encoding: String?
    @Option(help: ArgumentHelp("The row that holds the header; rows above it are skipped.", valueName: "n")) var headerRow: Int = 1
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
            format: format, delimiter: delimiter, encoding: encoding, headerRow: headerRow, lenientQuotes: lenientQuotes, limits: limits)
    }

    func validate() throws {
        if headerRow < 1 { throw ValidationError("--header-row counts from 1") }
        for (flag, value) in [("--max-cell-size", maxCellSize), ("--max-row-size", maxRowSize)] {
            if let value, ReadLimits.parseBytes(value) == nil {
                throw ValidationError("\(flag) takes a size in bytes, or with K, M or G: 1048576, 512K, 4M")
            }
        }
        if let maxColumns, maxColumns < 1 { throw ValidationError("--max-columns takes a number from 1") }
    }
}
