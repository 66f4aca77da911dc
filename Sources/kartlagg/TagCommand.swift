import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningImport
import KartlaggningReport

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag free-text answers with the codebook's themes; add, remove and import manual coding.",
        discussion:
            "`kartlagg tag` auto-tags every text answer not yet tagged by the codebook's latest revision. A new revision replaces older auto tags; manual tags are never touched, and a coder's \"not this theme\" (`tag remove`) overrules an auto tag.",
        subcommands: [Run.self, Add.self, Remove.self, Import.self, TagReviewCommand.self],
        defaultSubcommand: Run.self)

    struct CodebookOption: ParsableArguments {
        @Option(help: "The codebook (default: the only one loaded).") var codebook: String?
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Auto-tag the text answers (the default).")
        @OptionGroup var database: WritingDatabaseOptions
        @OptionGroup var codebook: CodebookOption
        @Option(help: "text or json.") var format: OutputFormat = .text

        func run() throws {
            try Console.run {
                let store = try database.open(creating: false)
                let stored = try store.codebook(id: codebook.codebook)
                let summary = try AutoTagging.run(store: store, codebook: stored, progress: Console.progress("answers tagged"))
                Console.clearProgress()
                try Console.emit(summary, as: format, text: TagRunText.render)
            }
        }
    }

    /// One coder's decision on one answer and theme.
    struct Decision: ParsableArguments {
        @OptionGroup var database: WritingDatabaseOptions
        @OptionGroup var codebook: CodebookOption
        @Option(help: "The answer id (see `kartlagg query`).") var answer: Int64
        @Option(help: "The theme id.") var theme: String
        @Option(help: "Who codes.") var coder: String
        @Option(help: "Why.") var note: String?

        func record(negative: Bool) throws {
            try TagCommand.set(
                database: database, codebook: codebook.codebook,
                tag: ManualTag(answer: .id(answer), theme: theme, coder: coder, negative: negative, note: note))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A coder tags an answer with a theme.")
        @OptionGroup var decision: Decision

        func run() throws {
            try Console.run {
                try decision.record(negative: false)
                print("answer \(decision.answer): \(decision.coder) tags \(decision.theme)")
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A coder says an answer is not about a theme (overrules the auto tag).")
        @OptionGroup var decision: Decision

        func run() throws {
            try Console.run {
                try decision.record(negative: true)
                print("answer \(decision.answer): \(decision.coder) says not \(decision.theme)")
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Import coding done in a spreadsheet: CSV with answer (or survey, respondent, question), theme, coder, and optionally note and not."
        )
        @OptionGroup var database: WritingDatabaseOptions
        @OptionGroup var codebook: CodebookOption
        @Argument(help: "The CSV file.") var file: String

        func run() throws {
            try Console.run {
                let tags = try ManualCodingReader.read(path: file)
                let store = try database.open(creating: false)
                try store.setManualTags(tags, codebook: try store.codebook(id: codebook.codebook))
                let coders = Set(tags.map(\.coder)).sorted()
                print("\(file): \(tags.count) decisions by \(coders.joined(separator: ", "))")
            }
        }
    }

    static func set(database: WritingDatabaseOptions, codebook: String?, tag: ManualTag) throws {
        let store = try database.open(creating: false)
        try store.setManualTags([tag], codebook: try store.codebook(id: codebook))
    }
}
