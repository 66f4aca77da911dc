import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel
import KartlaggningReport

extension CodebookCommand {
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
}
