import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningImport
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
        @Option(help: "text or json.") var format: OutputFormat = .text

        func run() throws {
            try Console.run {
                let stored = try database.openForReading().codebook(id: id)
                let matches = try CodebookMatcher(codebook: stored.codebook).match(text, question: question)
                if format == .json {
                    print(try Console.json(matches))
                    return
                }
                print(CodebookText.test(matches, text: text), terminator: "")
            }
        }
    }
}
