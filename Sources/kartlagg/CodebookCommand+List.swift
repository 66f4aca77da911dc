import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel
import KartlaggningReport

extension CodebookCommand {
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
}
