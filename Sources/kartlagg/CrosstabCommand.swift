import ArgumentParser
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel
import KartlaggningReport
import KartlaggningReportBuilder

struct CrosstabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosstab",
        abstract: "Cross-tabulate themes and closed questions by district, respondent kind, wave … — right numbers, safe cells.",
        discussion:
            "DIM is theme, district, service-town, kind, sector (ideell/privat/offentlig), survey, wave, interviewer, or a closed question's id (survey/question where several surveys have it). Respondents are counted once per cell by default. Cells with 0 < n < --min-cell are suppressed, with enough others that none can be worked out from the totals."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("The row dimension.", valueName: "dim")) var rows: String
    @Option(help: ArgumentHelp("The column dimension.", valueName: "dim")) var cols: String
    @Option(help: "respondents, answers or mentions.") var count: CountUnit = .respondents
    @Option(help: "col, row, total or none.") var percent: PercentBase = .col
    @Flag(help: "Leave out respondents with no answer to a closed question (default: an \"(ej svar)\" category).") var dropMissing = false
    @Option(
        name: .customLong("where"),
        help: ArgumentHelp("KEY=VALUE filter, KEY a dimension (repeatable; same key: or, different keys: and).", valueName: "key=value"))
    var filters: [String] = []
    @Option(help: "The codebook whose tags count (default: the only one loaded).") var codebook: String?
    @Option(help: "Only answers to this question count for themes.") var question: String?
    @Flag(help: "Pearson χ², df, p and Cramér's V (per value for multi-response dimensions).") var stats = false
    @Option(help: "Suppress cells with fewer than this many (0: off).") var minCell: Int = CrossSpec.defaultMinCell
    @Option(
        help: ArgumentHelp(
            "Districts with fewer than this many in the table are shown together, in their registry group or \"Övriga områden\", "
                + "as the overview shows them (0: each on its own)."))
    var minBase: Int = 0
    @Flag(help: "After the table, each suppressed value's range as the table's numbers allow it (JSON: \"audit\").") var audit = false
    @Option(help: ArgumentHelp("Bin edges for integer and decimal questions, e.g. 0,10,50,250.", valueName: "edges")) var bins: String?
    @Option(help: ArgumentHelp("Percentage-point change per cell between two waves, e.g. 2015,2017.", valueName: "a,b")) var compareWaves:
        String?
    @Option(help: "text, csv, json, markdown or sav (an SPSS file of the protected cells: needs --output).") var format: CrossTableFormat =
        .text
    @Option(name: .shortAndLong, help: ArgumentHelp("--format sav: the file to write.", valueName: "file")) var output: String?
    @Flag(help: "Record the table in the publication ledger beside the database, as reports do: later outputs protect it.")
    var publish = false
    @Flag(help: "Start a new publication ledger first (the old one is kept beside it); implies --publish.") var fresh = false

    func validate() throws {
        if minCell < 0 || minBase < 0 { throw ValidationError("--min-cell and --min-base are 0 (off) or more") }
        if let compareWaves, compareWaves.split(separator: ",").count != 2 { throw ValidationError("--compare-waves takes two waves: A,B") }
        if let bins, bins.split(separator: ",").contains(where: { Double($0.trimmingCharacters(in: .whitespaces)) == nil }) {
            throw ValidationError("--bins takes numbers separated by commas")
        }
    }

    func run() throws {
        try Console.run {
            var query = CrossTabQuery(rows: CrossDimension(rows), cols: CrossDimension(cols))
            query.spec.unit = count
            query.spec.percent = percent
            query.spec.dropMissing = dropMissing
            query.codebook = codebook
            query.spec.themeQuestion = question
            query.spec.stats = stats
            query.spec.minCell = minCell
            query.spec.audit = audit
            query.spec.bins = bins?.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            query.filterText = filters
            query.publish = publish
            query.freshLedger = fresh
            query.minBase = minBase
            for filter in filters {
                let parts = filter.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw ValidationError("--where takes KEY=VALUE, not \"\(filter)\"") }
                query.spec.filters[CrossDimension(parts[0]), default: []].append(parts[1])
            }
            if let waves = compareWaves?.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }), waves.count == 2 {
                query.compareWaves = (waves[0], waves[1])
            }
            if format == .sav {
                guard let output else { throw ValidationError("--format sav writes a binary file: name it with --output") }
                guard query.compareWaves == nil else { throw ValidationError("--format sav writes one table, not --compare-waves") }
                guard case .table(let table) = try query.run(store: try database.openForReading()) else { return }
                try StatWriter.write(table, format: .sav, title: "\(table.rows) × \(table.cols)", to: output)
                Console.note("\(output): SPSS file of \(table.rows) × \(table.cols), suppressed cells system-missing")
                return
            }
            print(try query.render(store: try database.openForReading(), format: format), terminator: "")
        }
    }
}

extension CountUnit: ExpressibleByArgument {}
extension PercentBase: ExpressibleByArgument {}
extension CrossTableFormat: ExpressibleByArgument {}
