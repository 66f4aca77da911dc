import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel
import KartlaggningReport

extension TagCommand {
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
}
