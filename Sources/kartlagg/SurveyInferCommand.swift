import ArgumentParser
import Foundation
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel

struct SurveyInferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infer",
        abstract: "Print a draft survey definition (YAML) inferred from a data file.",
        discussion:
            "Edit the draft where it says `check`, then `kartlagg survey add` it. The header row, extra header rows, missing-value tokens and a workbook's sheets are found and written into the draft. The district registry in --db, if any, is used to recognise the district column."
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "A CSV, TSV, JSON, NDJSON, XLSX or ODS export.") var datafile: String
    @OptionGroup var read: ReadOptionGroup

    func run() throws {
        try Console.run {
            // The registry, when there is a database to read it from; infer never creates or changes one.
            let registry =
                FileManager.default.fileExists(atPath: database.path)
                ? try database.openForReading().districtRegistry() : DistrictRegistry(districts: [])
            let draft = try SurveyInferrer(registry: registry).infer(path: datafile, options: read.options)
            print(draft.yaml, terminator: "")
        }
    }
}
