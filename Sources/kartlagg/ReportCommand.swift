import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport
import KartlaggningReportBuilder

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a Markdown report: the whole mapping (overview), one or more themes, or one district's profile.",
        discussion: """
            overview: who was heard (kind × district, surveys, period), themes ranked and by district, closed questions per district, \
            the differences from the whole municipality that hold (groups of --min-group or more, --correction for the many comparisons, with 95 % intervals), and a method box. theme: for a thematic-group meeting — how \
            many raised each --theme and where, related themes, distinctive words, the questions they ask, quotes per district. \
            district: one --district against the whole municipality.

            Numbers are crosstab's, with the same small-cell protection; quotes are pseudonymised and chosen deterministically. \
            Charts (SVG) go to FILE-figurer/ beside the report; --html adds FILE.html with the charts inline. The same database \
            and options give the same files. --template takes a Mustache template (copy a built-in one with --print-template).
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Where to write the report.", valueName: "file.md")) var out: String?
    @Option(help: "overview, theme or district (default: theme with --theme, else overview).") var kind: ReportKind?
    @Option(help: ArgumentHelp("A theme of a theme report (repeatable).", valueName: "id")) var theme: [String] = []
    @Option(help: ArgumentHelp("Only respondents in this district (repeatable); the district of a district report.", valueName: "name"))
    var district: [String] = []
    @Option(help: ArgumentHelp("Only respondents of this survey (repeatable).", valueName: "id")) var survey: [String] = []
    @Option(help: ArgumentHelp("Only respondents of this wave (repeatable).", valueName: "wave")) var wave: [String] = []
    @Option(help: "The codebook (default: the only one loaded).") var codebook: String?
    @Option(help: "A title (default: one for the kind).") var title: String?
    @Option(help: "Quotes per district (theme) or per theme (district).") var quotes: Int = 2
    @Option(help: "Suppress counts below this (0: off).") var minCell: Int = CrossSpec.defaultMinCell
    @Option(
        help: ArgumentHelp(
            "Overview: an area is shown on its own for a question from this many answers; fewer, and it is counted in its "
                + "registry group or in \"Övriga områden\" (0: every area on its own)."))
    var minBase: Int = 10
    @Option(help: "Differences from the whole: only where the district and the rest both have at least this many respondents.")
    var minGroup: Int = 30
    @Option(help: "Differences from the whole: the multiple-comparison correction, holm, bh (Benjamini–Hochberg) or none.")
    var correction: MultipleComparison = .holm
    @Option(
        help: ArgumentHelp(
            "The order of the areas: registry (as districts.yaml lists them), size (most respondents first), name, or share:THEME "
                + "(that theme's share, highest first; in a theme report plain share sorts each theme's table by its own). "
                + "Hidden figures sort last. Districts with a group in the registry are listed under it.",
            valueName: "order"))
    var areaOrder: AreaOrder = .registry
    @Option(help: "sv or en.") var lang: ReportLanguage = .sv
    @Option(help: ArgumentHelp("The report's date (default: today).", valueName: "yyyy-mm-dd")) var date: String?
    @Option(help: ArgumentHelp("A Mustache template to use instead of the built-in one.", valueName: "file")) var template: String?
    @Flag(help: "Also write a standalone HTML page (FILE.html) with the charts inline.") var html = false
    @Flag(help: "Print the built-in template of --kind and --lang, to copy and edit, and stop.") var printTemplate = false
    @Flag(
        inversion: .prefixedNo,
        help: "Record what the report shows in the publication ledger beside the database (kartlaggning.sqlite.publicerat).")
    var publish = true
    @Flag(help: "Start a new publication ledger (the old one is kept beside it): earlier outputs no longer count; the method box says so.")
    var fresh = false

    /// --kind, or what the other options imply: a theme report when themes are given.
    var resolvedKind: ReportKind { kind ?? (theme.isEmpty ? .overview : .theme) }

    func validate() throws {
        if quotes < 0 || minCell < 0 || minBase < 0 { throw ValidationError("--quotes, --min-cell and --min-base are 0 or more") }
        if minGroup < 1 { throw ValidationError("--min-group is 1 or more") }
        if printTemplate { return }
        if out == nil { throw ValidationError("give --out FILE.md") }
        let kind = resolvedKind
        if kind == .theme && theme.isEmpty { throw ValidationError("a theme report needs --theme ID (repeatable)") }
        if kind != .theme && !theme.isEmpty { throw ValidationError("--theme is for --kind theme") }
        if kind == .district && district.count != 1 { throw ValidationError("a district report needs exactly one --district NAME") }
        if let date, date.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) == nil { throw ValidationError("--date takes yyyy-mm-dd, not \"\(date)\"") }
    }

    func run() throws {
        let kind = resolvedKind
        if printTemplate {
            print(ReportTemplate.builtIn(kind, lang), terminator: "")
            return
        }
        try Console.run {
            let store = try database.openForReading()
            var request = ReportRequest(
                kind: kind, out: out ?? "",
                date: date ?? ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate]))
            request.themes = theme
            request.scope = ReportScope(districts: district, surveys: survey, waves: wave)
            request.codebook = codebook
            request.title = title
            request.quotes = quotes
            request.minCell = minCell
            request.minBase = minBase
            request.differenceRule = DifferenceRule(minGroup: minGroup, correction: correction)
            request.language = lang
            request.html = html
            request.areaOrder = areaOrder
            request.publish = publish
            request.freshLedger = fresh
            if let template { try request.useTemplate(at: template) }
            let outcome = try ReportBuilder.write(request, store: store)
            for warning in outcome.warnings { Console.note("warning: \(warning)") }
            print(outcome.summary)
        }
    }
}

extension ReportKind: ExpressibleByArgument {}
extension MultipleComparison: ExpressibleByArgument {}
extension ReportLanguage: ExpressibleByArgument {}
extension AreaOrder: ExpressibleByArgument {
    public init?(argument: String) { self.init(areaOrder: argument) }
}
