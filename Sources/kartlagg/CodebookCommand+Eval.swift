import ArgumentParser
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel
import KartlaggningReport

extension CodebookCommand {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score a codebook file against answers a person has labelled: precision, recall and F1 per theme.",
            discussion:
                "The labelled set is a CSV or TSV with a text column and a themes column (theme ids, comma-separated; - for none), and optionally forms (one per theme, how its keyword is written: base, infl, gen, comp, hyph, head, neg, syn) and question. Nothing is stored; no database is needed."
        )
        @Argument(help: "The codebook file (YAML or JSON).") var codebook: String
        @Option(help: ArgumentHelp("The labelled answers.", valueName: "file")) var set: String
        @Option(help: "stem, forms or compounds (default: the codebook's own rule).") var matching: KeywordMatching?
        @Flag(help: "List every false negative and false positive.") var misses = false
        @Option(help: "text or json.") var format: OutputFormat = .text

        func run() throws {
            try Console.run {
                let result = try CodebookEvaluation.run(codebook: codebook, set: set, matching: matching)
                try Console.emit(result, as: format) { CodebookEvaluationText.render($0, misses: misses) }
            }
        }
    }
}

extension KeywordMatching: ExpressibleByArgument {}
