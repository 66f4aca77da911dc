import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel

/// `kartlagg import` as a library call: several files into one survey, each in its own transaction, rejected rows
/// to a rejects file when asked; then the free texts that are new or changed are tagged at once by the codebooks
/// already in use.
///
/// ```swift
/// let run = try ImportRun(files: ["svar.xlsx"], survey: "boende-2025").run(store: store)
/// print(run.summaries.map(ImportSummaryText.render))  // KartlaggningReport
/// ```
public struct ImportRun: Sendable {
    public var files: [String]
    public var survey: String
    public var options: ImportOptions
    /// Where rejected rows go (with `options.skipInvalid`).
    public var rejects: String?

    public init(files: [String], survey: String, options: ImportOptions = ImportOptions(), rejects: String? = nil) {
        self.files = files
        self.survey = survey
        self.options = options
        self.rejects = rejects
    }

    /// What the run did: a summary per file, and the tagging that followed.
    public struct Outcome: Sendable {
        public var summaries: [FileImportSummary] = []
        public var tagging: [TagRunSummary] = []
        public var anyFailed: Bool { summaries.contains { $0.status == .failed } }
    }

    /// - Parameters:
    ///   - fileDone: called after each file (to print its summary as it lands).
    ///   - progress: rows read so far in the current file; answers tagged during the catch-up (file nil).
    /// - Throws: `StoreError.surveyNotFound`; problems with a file come back in its summary instead.
    public func run(
        store: KartlaggningStore, fileDone: ((FileImportSummary) -> Void)? = nil,
        progress: ((_ file: String?, _ count: Int) -> Void)? = nil
    ) throws -> Outcome {
        let definition = try store.survey(id: survey)
        let writer = try rejects.map { try RejectsWriter(path: $0, columns: definition.sourceColumns) }
        defer { writer?.close() }
        let importer = Importer(store: store)
        var outcome = Outcome()
        for file in files {
            let summary = try importer.importFile(at: file, survey: survey, options: options, rejects: writer) { progress?(file, $0) }
            outcome.summaries.append(summary)
            fileDone?(summary)
        }
        // Whatever this run imported, and whatever an earlier run left untagged (killed after its rows were
        // committed): every writer completes the tagging of the codebooks in use.
        if !options.dryRun && !outcome.summaries.allSatisfy({ $0.status == .failed }) {
            outcome.tagging = try AutoTagging.catchUp(store: store, progress: progress.map { report in { report(nil, $0) } })
            // The term index, where the database is in analysis (a codebook applied): the import's texts and names.
            if try !store.appliedCodebooks().isEmpty { try TermIndexing.update(store: store) }
        }
        return outcome
    }
}
