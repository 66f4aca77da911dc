import ArgumentParser
import Foundation
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

struct ImportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports",
        abstract: "List the imports, or show every value one import changed.",
        discussion: """
            kartlagg imports            one line per import: its number, survey, file, time and row counts
            kartlagg imports N          import N and every value it replaced (respondent, question, old → new)
            Values of identifying columns, organisations and interviewers are never shown, only that they changed. \
            `kartlagg import undo N` takes an import back.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("An import's number, to show what it changed.", valueName: "N")) var id: Int64?
    @Option(help: "Only this survey's imports.") var survey: String?
    @Option(help: "text or json.") var outputFormat: OutputFormat = .text

    func run() throws {
        try Console.run {
            let store = try database.openForReading()
            if let id {
                let batch = try store.importBatch(id: id)
                let changes = try store.importChanges(batchId: id)
                if outputFormat == .json {
                    print(try Console.json(ImportDetail(batch: batch, changes: changes)))
                } else {
                    print(ImportChangeText.detail(batch, changes: changes))
                }
                return
            }
            if let survey { _ = try store.survey(id: survey) }
            let batches = try store.imports(surveyId: survey)
            print(outputFormat == .json ? try Console.json(batches) : ImportChangeText.list(batches))
        }
    }

    /// `kartlagg imports N --output-format json`.
    struct ImportDetail: Encodable {
        var batch: ImportBatch
        var changes: [ImportChange]
    }
}
