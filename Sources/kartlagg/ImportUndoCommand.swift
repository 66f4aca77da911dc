import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

struct ImportUndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Take an import back: what it added goes, what it replaced comes back.",
        discussion: """
            Respondents the import added are removed; those it updated get back their fields and answers as they were \
            before it. Coders' work follows: review flags the import raised on changed texts are cleared (the text is \
            again what the coder saw), coders' tags it archived with removed answers come back, and tags on answers that \
            go now are kept in the archive. Restored free texts are tagged again by the codebooks in use. Imports of a \
            survey are undone last first. Afterwards the file can be imported again. `kartlagg imports` lists the imports.
            """)

    @OptionGroup var database: WritingDatabaseOptions
    @Argument(help: ArgumentHelp("The import's number, as `kartlagg imports` lists it.", valueName: "N")) var id: Int64
    @Option(help: "text or json.") var outputFormat: OutputFormat = .text

    func run() throws {
        try Console.run {
            let store = try database.open(creating: false)
            let undo = try store.undoImport(id: id)
            let tagging = try AutoTagging.catchUp(store: store)
            try TermIndexing.update(store: store)
            if outputFormat == .json {
                print(try Console.json(undo))
                return
            }
            print(ImportChangeText.undo(undo))
            for run in tagging where run.answersTagged > 0 {
                Console.note("tagged \(run.answersTagged) restored answers with codebook \(run.codebook) revision \(run.revision)")
            }
        }
    }
}
