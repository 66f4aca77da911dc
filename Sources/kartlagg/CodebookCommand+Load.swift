import ArgumentParser
import Foundation
import KartlaggningImport

extension CodebookCommand {
    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a codebook (YAML or JSON); a changed file becomes a new revision of the same codebook.")
        @OptionGroup var database: WritingDatabaseOptions
        @Argument(help: "The codebook file (see Schemas/codebook.schema.json).") var file: String

        func run() throws {
            try Console.run {
                let loaded = try CodebookLoad.run(file: file, opening: { try database.open(creating: true) })
                print(loaded.summary)
                if let tagging = loaded.tagging {
                    Console.note(
                        "tagged \(tagging.answersTagged) answers with revision \(tagging.revision), as the codebook is in use")
                }
            }
        }
    }
}
