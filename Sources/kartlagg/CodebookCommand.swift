import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningImport
import KartlaggningReport

struct CodebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook", abstract: "Load, list, show and try out codebooks of themes.",
        subcommands: [Load.self, List.self, Show.self, Test.self])

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a codebook (YAML or JSON); a changed file becomes a new revision of the same codebook.")
        @OptionGroup var database: WritingDatabaseOptions
        @Argument(help: "The codebook file (see Schemas/codebook.schema.json).") var file: String

        func run() throws {
            try Console.run {
                let codebook = try DefinitionLoader.codebook(at: file)
                _ = try CodebookMatcher(codebook: codebook)
                let (outcome, revision) = try database.open(creating: true).loadCodebook(codebook)
                print(
                    "codebook \(codebook.id) \(codebook.version): \(outcome.rawValue), revision \(revision) (\(codebook.themes.count) themes)"
                )
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the codebooks (latest revisions).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "text or json.") var format: OutputFormat = .text

        func run() throws {
            try Console.run {
                try Console.emit(try database.openForReading().codebooks(), as: format) { codebooks in
                    StatusText.table(
                        ["codebook", "version", "revision", "themes", "tagged answers", "loaded"],
                        codebooks.map {
                            [$0.id, $0.version, String($0.revision), String($0.themes), String($0.taggedAnswers), $0.loadedAt]
                        },
                        numeric: [2, 3, 4])
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a codebook's themes and patterns.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The codebook id.") var id: String
        @Option(help: "text or json.") var format: OutputFormat = .text

        func run() throws {
            try Console.run {
                let stored = try database.openForReading().codebook(id: id)
                if format == .json {
                    print(try Console.json(stored.codebook))
                    return
                }
                print(CodebookText.tree(stored), terminator: "")
            }
        }
    }

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
