import ArgumentParser
import KartlaggningImport

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a survey's respondents and answers back out, as CSV or JSON.",
        discussion:
            "wide: one row per respondent, columns named as in the source, cells as read; long: one row per answer, with the typed value.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The survey to export.") var survey: String
    @Option(help: "csv or json.") var format: ExportFormat = .csv
    @Option(help: "wide or long.") var layout: ExportLayout = .wide
    @Option(help: ArgumentHelp("The CSV delimiter.", valueName: "c")) var delimiter: String = ","
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output:
        String?
    @Flag(help: "Include the columns the survey marks identifying (names, e-mail addresses, phone numbers).")
    var includeIdentifying = false
    @Flag(help: "Swedish Excel's CSV: ; between cells, a byte-order mark, CRLF, numbers with a decimal comma.") var excel = false
    @Option(help: ArgumentHelp("Write this for an unanswered question (wide layout; default: an empty cell).", valueName: "token"))
    var missingAs: String?

    func run() throws {
        try Console.run {
            guard let character = delimiter == "tab" || delimiter == "\\t" ? "\t" : delimiter.first,
                delimiter.count == 1 || character == "\t"
            else {
                throw ValidationError("--delimiter takes one character or tab")
            }
            let writer = try output.map { try TextFileWriter(path: $0) } ?? TextFileWriter()
            let omitted = try Exporter(store: try database.openForReading()).export(
                survey: survey, format: format, layout: layout, delimiter: character, includeIdentifying: includeIdentifying,
                missingAs: missingAs, excel: excel, to: writer)
            writer.flush()
            if !omitted.isEmpty {
                Console.note(
                    "note: identifying column\(omitted.count == 1 ? "" : "s") left out: "
                        + omitted.map { "\"\($0)\"" }.joined(separator: ", ") + " (--include-identifying includes them)")
            }
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
extension ExportLayout: ExpressibleByArgument {}
