import ArgumentParser
import KartlaggningImport

/// How to read input files, when detection should not decide.
struct ReadOptionGroup: ParsableArguments {
    @Option(help: "csv, tsv, json or ndjson (default: from the file name).") var format: String?
    @Option(help: ArgumentHelp("The cell delimiter: , ; | or tab (default: detected).", valueName: "c")) var delimiter: String?
    @Option(help: "utf-8, utf-16, windows-1252 or iso-8859-1 (default: detected).") var encoding: String?
    @Option(help: ArgumentHelp("The row that holds the header; rows above it are skipped.", valueName: "n")) var headerRow: Int = 1

    var options: ReadOptions {
        ReadOptions(format: format, delimiter: delimiter, encoding: encoding, headerRow: headerRow)
    }

    func validate() throws {
        if headerRow < 1 { throw ValidationError("--header-row counts from 1") }
    }
}
