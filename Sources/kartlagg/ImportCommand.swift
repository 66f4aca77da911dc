import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningImport

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import answer files (CSV, TSV, JSON, NDJSON, XLSX, ODS) into a survey.",
        discussion: "Each file is imported in one transaction: a file with any error writes nothing and the exit status is 1, "
            + "unless --skip-invalid imports its valid rows and writes the others to --rejects. A file imported before "
            + "(same SHA-256) is skipped; respondents seen before are updated, and every row is counted as added, updated, "
            + "unchanged or rejected. Progress is shown on a terminal.")

    @OptionGroup var database: WritingDatabaseOptions
    @Argument(help: "The files to import.") var files: [String]
    @Option(help: "The survey the files answer.") var survey: String
    @OptionGroup var read: ReadOptionGroup
    @Flag(help: "Validate and count without writing.") var dryRun = false
    @Flag(help: "Import the valid rows; write the rejected ones to --rejects.") var skipInvalid = false
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
            let store = try database.open(creating: true)
            let importer = Importer(store: store)
            let definition = try store.survey(id: survey)
            let rejectsWriter = try rejects.map { try RejectsWriter(path: $0, columns: definition.sourceColumns) }
            let options = ImportOptions(read: read.options, dryRun: dryRun, skipInvalid: skipInvalid)
            var summaries: [FileImportSummary] = []
            for file in files {
                let showProgress = Console.stderrIsTerminal && outputFormat == .text
                let summary = try importer.importFile(at: file, survey: survey, options: options, rejects: rejectsWriter) { rows in
                    if showProgress { FileHandle.standardError.write(Data("\r\(file): \(rows) rows read…".utf8)) }
                }
                if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                summaries.append(summary)
                if outputFormat == .text {
                    let text = ImportSummaryText.render(summary)
                    if summary.status == .failed { Console.note(text) } else { print(text) }
                }
            }
            rejectsWriter?.close()
            if !dryRun && summaries.contains(where: { $0.status == .imported && ($0.added > 0 || $0.updated > 0) }) {
                // New and changed free texts are tagged at once by the codebooks already in use.
                for run in try AutoTagging.catchUp(store: store, progress: Console.progress("answers tagged")) {
                    Console.clearProgress()
                    Console.note(
                        "tagged \(run.answersTagged) new or changed answers with codebook \(run.codebook) revision \(run.revision)")
                }
            }
            if outputFormat == .json { print(try Console.json(summaries)) }
            if summaries.contains(where: { $0.status == .failed }) { throw ExitCode(1) }
        }
    }
}
