import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel
import KartlaggningReport

extension TagCommand {
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
}
