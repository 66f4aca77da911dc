import ArgumentParser
import KartlaggningCore
import KartlaggningReport
import KartlaggningReportBuilder

struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "The most frequent and most distinctive terms per group (log-likelihood keyness against the rest).",
        discussion:
            "Swedish stop words are left out. With --untagged, only answers the codebook found no theme in: how to find what the codebook misses."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "district, kind, survey or wave.") var by: TermGrouping = .district
    @Flag(help: "Only answers without a theme of the codebook.") var untagged = false
    @Option(help: "The codebook for --untagged (default: the only one loaded).") var codebook: String?
    @Option(help: "Terms per list.") var top: Int = 10
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        try Console.run {
            var query = TermsQuery()
            (query.grouping, query.untagged, query.codebook, query.top) = (by, untagged, codebook, top)
            let groups = try query.run(store: try database.openForReading())
            print(try TermsTable.render(groups, json: format == .json), terminator: "")
        }
    }
}

extension TermGrouping: ExpressibleByArgument {}
