import ArgumentParser
import KartlaggningImport

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a survey's respondents and answers back out, as CSV or JSON, or as an SPSS or Stata file.",
        discussion: """
            wide: one row per respondent, columns named as in the source, cells as read; long: one row per answer, with the \
            typed value. sav and dta (need --output): one case per respondent, the question texts as variable labels, a \
            choice question's options as value labels on its codes (--values labels: the options as text), a multi \
            question as one 0/1 variable per option, scales ordinal, dates as dates.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The survey to export.") var survey: String
    @Option(help: "csv, json, sav (SPSS) or dta (Stata).") var format: ExportFormat = .csv
    @Option(help: "sav and dta: a choice question as its codes with value labels, or as its labels as text (codes or labels).")
    var values: StatWriter.Values = .codes
    @Option(help: "sav and dta: the codebook whose themes are written as 0/1 variables (default: the only one applied).")
    var codebook: String?
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
            if let stat = format.statFormat {
                guard let output else { throw ValidationError("--format \(format.rawValue) writes a binary file: name it with --output") }
                let store = try database.openForReading()
                let applied = try store.appliedCodebooks()
                let themes = try codebook.map { try store.codebook(id: $0) } ?? (applied.count == 1 ? applied.first : nil)
                if codebook == nil && applied.count > 1 {
                    Console.note("note: several codebooks are applied; name one with --codebook to write its themes")
                }
                let omitted = try StatWriter(store: store).write(
                    survey: survey, format: stat, values: values, includeIdentifying: includeIdentifying, codebook: themes, to: output)
                Console.note("\(output): \(stat == .sav ? "SPSS" : "Stata") file of survey \(survey)")
                if !omitted.isEmpty {
                    Console.note(
                        "note: identifying column\(omitted.count == 1 ? "" : "s") left out: "
                            + omitted.map { "\"\($0)\"" }.joined(separator: ", ") + " (--include-identifying includes them)")
                }
                return
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
extension StatWriter.Values: ExpressibleByArgument {}
extension ExportLayout: ExpressibleByArgument {}
