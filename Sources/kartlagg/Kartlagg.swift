import ArgumentParser
import KartlaggningCore
import KartlaggningModel

@main
struct Kartlagg: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kartlagg",
        abstract: "Kartläggning: import survey and interview answers into one SQLite database, and query them.",
        discussion: """
            The database is ./kartlaggning.sqlite unless --db or KARTLAGG_DB names another.
            A typical start:
              kartlagg districts load SampleSurveys/districts.yaml
              kartlagg survey add SampleSurveys/foretag-2025.survey.yaml
              kartlagg import SampleSurveys/foretag-2025.csv --survey foretag-2025
              kartlagg status
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, SurveyCommand.self, DistrictsCommand.self, ImportCommand.self, ImportsCommand.self, ExportCommand.self,
            StatusCommand.self, CodebookCommand.self, TagCommand.self, QueryCommand.self, ThemesCommand.self, TermsCommand.self,
            AgreementCommand.self, CrosstabCommand.self, MapCommand.self, ReportCommand.self, ServeCommand.self, StemCommand.self,
            BackupCommand.self,
            ForgetCommand.self, AuditCommand.self,
        ]
    )

    /// The entry point: messages from the libraries name their remedies as this tool's commands and flags.
    static func main() async {
        Remedy.wording = CommandLineWording()
        await main(nil)
    }
}
