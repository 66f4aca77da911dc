import ArgumentParser
import KartlaggningReport
import KartlaggningReportBuilder

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit everything published from the data as it is now: can any hidden value be worked out?",
        discussion: """
            Reports, the workbench and `crosstab --publish` record what they show in the publication ledger beside the \
            database (kartlaggning.sqlite.publicerat). This runs the linear-programming audit over all of it at once, as \
            a reader holding every output could, and lists any hidden count that can be narrowed to fewer than min-cell \
            possibilities, or that one output hid and another showed (exit status 1). Outputs made before the data last \
            changed are not audited. `--fresh` on a report, `serve` or `crosstab` starts a new ledger.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        try Console.run {
            let outcome = try PublicationAudit.run(store: try database.openForReading())
            try Console.emit(outcome, as: format) { LedgerAuditText.render(ledger: $0.ledger, audit: $0.audit) }
            if outcome.failed { throw ExitCode(1) }
        }
    }
}
