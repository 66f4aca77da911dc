import ArgumentParser
import Foundation
import KartlaggningModel
import KartlaggningReport
import KartlaggningReportBuilder

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw a theme's or an answer's share per area on the registry's map (SVG or PNG), protected like crosstab.",
        discussion: """
            The shares are those of `kartlagg crosstab --rows THEME|QUESTION --cols district` with the same --where, --min-cell \
            and codebook (a question's table leaves out those who did not answer it): a cell crosstab hides is hatched, never \
            coloured; an area with fewer than --min-base respondents is drawn pale, without a share. Needs a `map:` block in \
            districts.yaml. --difference colours each area by its difference from the whole municipality (percentage points).
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("The theme whose share of each area's respondents to map.", valueName: "id")) var theme: String?
    @Option(
        help: ArgumentHelp(
            "A closed question and the answer whose share to map (VALUE may be left out for a two-answer question).",
            valueName: "id[=value]"))
    var question: String?
    @Option(
        name: .customLong("where"),
        help: ArgumentHelp("KEY=VALUE filter, KEY a dimension, as crosstab takes it (repeatable).", valueName: "key=value"))
    var filters: [String] = []
    @Option(help: "The codebook whose tags count (default: the only one loaded).") var codebook: String?
    @Option(help: "Areas with fewer respondents than this are drawn pale, without a share (0: off).") var minBase: Int = 0
    @Option(help: "Suppress cells with fewer than this many (0: off).") var minCell: Int = CrossSpec.defaultMinCell
    @Flag(help: "Show areas below --min-base together, in their registry group or \"Övriga områden\", as the reports do.") var pool = false
    @Flag(help: "Colour by the difference from the whole municipality (a diverging palette) instead of the share.") var difference = false
    @Flag(help: "Record the table in the publication ledger beside the database, as reports do.") var publish = false
    @Option(name: .shortAndLong, help: ArgumentHelp("The map to write: .svg or .png.", valueName: "file")) var out: String

    func validate() throws {
        if (theme == nil) == (question == nil) { throw ValidationError("give either --theme ID or --question ID[=VALUE]") }
        if minCell < 0 || minBase < 0 { throw ValidationError("--min-cell and --min-base are 0 (off) or more") }
        let ext = (out as NSString).pathExtension.lowercased()
        if ext != "svg" && ext != "png" { throw ValidationError("--out names a .svg or .png file") }
        if pool && minBase < 2 { throw ValidationError("--pool shows together the areas below --min-base: give --min-base") }
    }

    func run() throws {
        try Console.run {
            let subject: MapQuery.Subject
            if let theme {
                subject = .theme(theme)
            } else {
                let parts = (question ?? "").split(separator: "=", maxSplits: 1).map(String.init)
                subject = .question(parts[0], value: parts.count == 2 ? parts[1] : nil)
            }
            var query = MapQuery(subject: subject)
            query.codebook = codebook
            query.minBase = minBase
            query.minCell = minCell
            query.pool = pool
            query.palette = difference ? .diverging : .sequential
            query.publish = publish
            query.filterText = filters
            for filter in filters {
                let parts = filter.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw ValidationError("--where takes KEY=VALUE, not \"\(filter)\"") }
                query.filters[CrossDimension(parts[0]), default: []].append(parts[1])
            }
            let store = try database.openForReading()
            let svg = try query.svg(store: store)
            if out.lowercased().hasSuffix(".png") {
                try SVGRasteriser.writePNG(svg, to: out)
            } else {
                try Data(svg.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            }
            Console.note("\(out): map written (\(svg.utf8.count / 1024) kB SVG)")
        }
    }
}
