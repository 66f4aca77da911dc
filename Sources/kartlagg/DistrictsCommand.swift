import ArgumentParser
import KartlaggningCore
import KartlaggningImport

struct DistrictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "districts", abstract: "Load and list the district registry.",
        subcommands: [Load.self, List.self])

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the district registry (YAML or JSON), replacing the stored one.")
        @OptionGroup var database: WritingDatabaseOptions
        @Argument(help: "The registry file (see Schemas/districts.schema.json).") var file: String

        func run() throws {
            try Console.run {
                let registry = try DefinitionLoader.districts(at: file)
                let summary = try database.open(creating: true).loadDistricts(registry)
                print(
                    "districts: \(summary.districts) loaded, \(summary.aliases) aliases, \(summary.serviceTowns) service towns"
                        + (summary.removed.isEmpty ? "" : "; removed \(summary.removed.joined(separator: ", "))"))
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
