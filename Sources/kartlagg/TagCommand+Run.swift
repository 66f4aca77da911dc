import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel
import KartlaggningReport

extension TagCommand {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Auto-tag the text answers (the default).")
        @OptionGroup var database: WritingDatabaseOptions
        @OptionGroup var codebook: CodebookOption
        @Option(help: "text or json.") var format: OutputFormat = .text

        func run() throws {
            try Console.run {
                let store = try database.open(creating: false)
                let stored = try store.codebook(id: codebook.codebook)
                // The term index first: a codebook's first run gathers its theme digest from it as it tags.
                try TermIndexing.update(store: store, progress: Console.progress("texts indexed"))
                let summary = try AutoTagging.run(store: store, codebook: stored, progress: Console.progress("answers tagged"))
                Console.clearProgress()
                try Console.emit(summary, as: format, text: TagRunText.render)
            }
        }
    }
}
