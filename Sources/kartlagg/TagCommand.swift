import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel
import KartlaggningReport

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag free-text answers with the codebook's themes; add, remove and import manual coding.",
        discussion:
            "`kartlagg tag` auto-tags every text answer not yet tagged by the codebook's latest revision. A new revision replaces older auto tags; manual tags are never touched, and a coder's \"not this theme\" (`tag remove`) overrules an auto tag.",
        subcommands: [Run.self, Add.self, Remove.self, Import.self, TagReviewCommand.self],
        defaultSubcommand: Run.self)

    static func set(database: WritingDatabaseOptions, codebook: String?, tag: ManualTag) throws {
        let store = try database.open(creating: false)
        try store.setManualTags([tag], codebook: try store.codebook(id: codebook))
    }
}
