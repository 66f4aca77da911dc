import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel
import KartlaggningReport

extension CodebookCommand {
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which themes fire on a text, by which pattern, on which words.",
            discussion: "Offsets (start, end) count Unicode scalars from 0.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The codebook id.") var id: String
        @Argument(help: "An answer text to try.") var text: String
        @Option(help: "The question id the text answers (themes limited to other questions do not fire).") var question: String?
        @Option(
            help: ArgumentHelp(
                "Also say why the patterns near this word match it or not (forms tried, compound split, stem).", valueName: "word"))
        var why: String?
        @Option(help: "text or json.") var format: OutputFormat = .text

        func run() throws {
            try Console.run {
                let stored = try database.openForReading().codebook(id: id)
                let matcher = try CodebookMatcher(codebook: stored.codebook)
                let matches = matcher.match(text, question: question)
                let explanations = why.map(matcher.explain)
                if format == .json {
                    if let explanations {
                        print(try Console.json(TestOutput(matches: matches, why: explanations)))
                    } else {
                        print(try Console.json(matches))
                    }
                    return
                }
                print(CodebookText.test(matches, text: text), terminator: "")
                if let why, let explanations { print(CodebookText.why(explanations, word: why), terminator: "") }
            }
        }
    }
}

/// `codebook test --why --format json`: the matches and the explanations.
private struct TestOutput: Encodable {
    var matches: [ThemeMatch]
    var why: [PatternExplanation]
}
