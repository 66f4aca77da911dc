import ArgumentParser
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport
import KartlaggningReportBuilder

struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "The most frequent and most distinctive terms per group (log-likelihood keyness against the rest).",
        discussion:
            "Terms are counted by lemma (föreningen, föreningar and föreningarnas together), shown as their most frequent form with the others in brackets. Swedish stop words and function words that name no theme (kommer, finns, också, bara, många …) are left out. With --untagged, only answers the codebook found no theme in: how to find what the codebook misses."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "district, kind, survey or wave.") var by: TermGrouping = .district
    @Flag(help: "Only answers without a theme of the codebook.") var untagged = false
    @Option(help: "The codebook for --untagged (default: the only one loaded).") var codebook: String?
    @Option(help: "Terms per list.") var top: Int = 10
    @Option(help: "1: words; 2: pairs of neighbouring words (kollektiv trafik, inget samarbete).") var ngrams: Int = 1
    @Option(help: "text or json.") var format: OutputFormat = .text

    func validate() throws {
        if ![1, 2].contains(ngrams) { throw ValidationError("--ngrams is 1 (words) or 2 (pairs of words)") }
        if top < 1 { throw ValidationError("--top is 1 or more") }
    }

    func run() throws {
        try Console.run {
            var query = TermsQuery()
            query.grouping = by
            query.untagged = untagged
            query.codebook = codebook
            query.top = top
            query.ngrams = ngrams
            let groups = try query.run(store: try database.openForReading())
            print(try TermsTable.render(groups, json: format == .json), terminator: "")
        }
    }
}

extension TermGrouping: ExpressibleByArgument {}
