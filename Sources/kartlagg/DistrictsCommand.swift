import ArgumentParser
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel
import KartlaggningReport

struct DistrictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "districts", abstract: "Load, list and draft the district registry.",
        subcommands: [Load.self, List.self, Infer.self])

    struct Infer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a draft district registry (YAML) of the names in an export's area column, with their counts.",
            discussion:
                "Check the draft (merge names that mean one place as aliases, add service towns), then `kartlagg districts load` it.")
        @Argument(help: "A CSV, TSV, XLSX or ODS export.") var datafile: String
        @Option(help: ArgumentHelp("The area column (as `survey infer` names it).", valueName: "name")) var column: String
        @OptionGroup var read: ReadOptionGroup

        func run() throws {
            try Console.run {
                print(try DistrictDraft.infer(path: datafile, column: column, options: read.options).yaml, terminator: "")
            }
        }
    }

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the district registry (YAML or JSON), replacing the stored one, with its map if it has a `map:`.",
            discussion:
                "A `map:` block (file: a GeoJSON or TopoJSON file relative to the registry; property: the feature property naming each area; source: the credit printed under maps) gives the areas' boundaries for `kartlagg map` and the reports. Every district must match a feature (by name, alias or `code:`) and every feature a district."
        )
        @OptionGroup var database: WritingDatabaseOptions
        @Argument(help: "The registry file (see Schemas/districts.schema.json).") var file: String

        func run() throws {
            try Console.run {
                print(try DistrictLoad.run(file: file, opening: { try database.open(creating: true) }).summary)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List districts with their aliases and service towns.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "text or json.") var format: OutputFormat = .text

        func run() throws {
            try Console.run {
                try Console.emit(try database.openForReading().districtRegistry(), as: format, text: StatusText.districts)
            }
        }
    }
}
