import ArgumentParser
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport
import KartlaggningReportBuilder

extension CodebookCommand {
    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft candidate keywords the codebook lacks, as a YAML snippet to paste; changes nothing.",
            discussion:
                "New themes: terms (by lemma) the answers without a theme use much more than the tagged ones (log-likelihood keyness). Existing themes: terms their answers use much more than other answers that none of the theme's patterns matches. Each candidate comes with the forms seen, counts and three example answers, pseudonymised."
        )
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The codebook (default: the only one loaded).") var codebook: String?
        @Option(help: "Candidates per list.") var top: Int = 10
        @Option(help: "A term must be in at least this many answers of its group.") var minCount: Int = 3
        @Option(help: "yaml or json.") var format: SuggestFormat = .yaml

        enum SuggestFormat: String, ExpressibleByArgument { case yaml, json }

        func validate() throws {
            if top < 1 || minCount < 1 { throw ValidationError("--top and --min-count are 1 or more") }
        }

        func run() throws {
            try Console.run {
                var query = CodebookSuggestQuery()
                query.codebook = codebook
                query.top = top
                query.minCount = minCount
                let suggestions = try query.run(store: try database.openForReading())
                print(
                    format == .json ? try Console.json(suggestions) : CodebookSuggestionText.yaml(suggestions),
                    terminator: format == .json ? "\n" : "")
            }
        }
    }
}
