import ArgumentParser
import KartlaggningReport

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "What the database holds: surveys, respondents by kind × district, answers, imports.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "text or json.") var format: OutputFormat = .text
    @Flag(
        help:
            "Check the invariants instead: every answer has a respondent and an import, tag spans lie inside their answers, the full-text index holds exactly the free texts, derived tables are current (exit status 1 when one fails)."
    )
    var verify = false

    func run() throws {
        try Console.run {
            let store = try database.openForReading()
            guard verify else {
                try Console.emit(try store.status(), as: format, text: StatusText.status)
                return
            }
            let checks = try store.verify()
            try Console.emit(checks, as: format) { checks in
                checks.map { "\($0.passed ? "ok     " : "FAILED ") \($0.name): \($0.detail)" }.joined(separator: "\n") + "\n"
            }
            if checks.contains(where: { !$0.passed }) { throw ExitCode(1) }
        }
    }
}
