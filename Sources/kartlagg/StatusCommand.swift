import ArgumentParser
import KartlaggningImport

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "What the database holds: surveys, respondents by kind × district, answers, imports.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        try Console.run {
            let status = try database.open(creating: false).status()
            print(format == .json ? try Console.json(status) : StatusText.status(status), terminator: format == .json ? "\n" : "")
        }
    }
}
