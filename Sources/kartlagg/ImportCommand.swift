import ArgumentParser
import Foundation
import KartlaggningImport
import KartlaggningReport

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import answer files (CSV, TSV, JSON, NDJSON, XLSX, ODS, SPSS, Stata) into a survey, or undo an import.",
        discussion: """
            kartlagg import FILE… --survey ID   imports (the default subcommand, `files`)
            kartlagg import undo N              takes import N back (`kartlagg imports` lists them)
            """,
        subcommands: [ImportFilesCommand.self, ImportUndoCommand.self],
        defaultSubcommand: ImportFilesCommand.self)
}

struct ImportFilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "files",
        abstract: "Import answer files (CSV, TSV, JSON, NDJSON, XLSX, ODS, SPSS, Stata) into a survey.",
        discussion: "Each file is imported in one transaction: a file with any error writes nothing and the exit status is 1, "
            + "unless --skip-invalid imports its valid rows and writes the others to --rejects. The same bytes as the "
            + "survey's latest import are skipped; respondents seen before are updated, and every row is counted as added, "
            + "updated, unchanged or rejected. A re-import lists each value it changed (respondent, question, old → new); "
            + "`kartlagg imports N` lists them all and `kartlagg import undo N` takes the import back. Progress is shown on "
            + "a terminal.")

    @OptionGroup var database: WritingDatabaseOptions
    @Argument(help: "The files to import.") var files: [String]
    @Option(help: "The survey the files answer.") var survey: String
    @OptionGroup var read: ReadOptionGroup
    @Flag(help: "Validate and count without writing.") var dryRun = false
    @Flag(help: "Import the valid rows; write the rejected ones to --rejects.") var skipInvalid = false
    @Flag(help: "A row that repeats an earlier row's respondent id replaces it (default: an error naming both lines).")
    var lastWins = false
    @Option(help: ArgumentHelp("Where --skip-invalid writes rejected rows with their reasons (CSV).", valueName: "file.csv"))
    var rejects: String?
    @Option(help: "text or json.") var outputFormat: OutputFormat = .text

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to import") }
        if skipInvalid && rejects == nil { throw ValidationError("--skip-invalid needs --rejects FILE.csv, so no row is lost unseen") }
        if rejects != nil && !skipInvalid { throw ValidationError("--rejects goes with --skip-invalid") }
    }

    func run() throws {
        try Console.run {
            let showProgress = Console.stderrIsTerminal && outputFormat == .text
            let tagged = Console.progress("answers tagged")
            let run = ImportRun(
                files: files, survey: survey,
                options: ImportOptions(
                    read: read.options, dryRun: dryRun, skipInvalid: skipInvalid, lastWins: lastWins),
                rejects: rejects)
            let outcome = try run.run(
                store: try database.open(creating: true),
                fileDone: { summary in
                    if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                    guard outputFormat == .text else { return }
                    let text = ImportSummaryText.render(summary)
                    if summary.status == .failed { Console.note(text) } else { print(text) }
                },
                progress: { file, count in
                    if let file {
                        if showProgress { FileHandle.standardError.write(Data("\r\(file): \(count) rows read…".utf8)) }
                    } else {
                        tagged?(count)
                    }
                })
            Console.clearProgress()
            for tagging in outcome.tagging {
                Console.note(
                    "tagged \(tagging.answersTagged) new or changed answers with codebook \(tagging.codebook) revision \(tagging.revision)")
            }
            if outputFormat == .json { print(try Console.json(outcome.summaries)) }
            if outcome.anyFailed { throw ExitCode(1) }
        }
    }
}
