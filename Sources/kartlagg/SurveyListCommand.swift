import ArgumentParser
import KartlaggningReport

struct SurveyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the surveys with their counts.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        try Console.run {
            try Console.emit(try database.openForReading().surveys(), as: format, text: StatusText.surveys)
        }
    }
}
