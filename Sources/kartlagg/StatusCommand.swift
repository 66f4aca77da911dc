import ArgumentParser
import KartlaggningImport

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "What the database holds: surveys, respondents by kind × district, answers, imports.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        try Console.run {
            try Console.emit(try database.openForReading().status(), as: format, text: StatusText.status)
        }
    }
}
