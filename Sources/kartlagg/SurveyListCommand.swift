import ArgumentParser
import KartlaggningImport

struct SurveyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the surveys with their counts.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        try Console.run {
            let surveys = try database.open(creating: false).surveys()
            print(format == .json ? try Console.json(surveys) : StatusText.surveys(surveys), terminator: format == .json ? "\n" : "")
        }
    }
}
