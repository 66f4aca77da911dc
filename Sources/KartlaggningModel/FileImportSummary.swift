/// What importing one file did: where each row went, and every problem found.
public struct FileImportSummary: Codable, Sendable, Equatable {
    /// How the file's import ended.
    public enum Status: String, Codable, Sendable {
        /// Written to the database.
        case imported
        /// Validated and counted, nothing written (`--dry-run`).
        case dryRun = "dry-run"
        /// The same bytes were imported into this survey before; nothing to do.
        case alreadyImported = "already-imported"
        /// Errors: nothing from this file was written.
        case failed
    }

    public var file: String
    public var survey: String
    public var status: Status
    public var format: String?
    public var encoding: String?
    public var delimiter: String?
    /// The sheet read, for a workbook.
    public var sheet: String?
    public var sha256: String?
    public var rows = 0
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0
    /// Answers with coders' tags whose text changed: the tags are kept and flagged for review.
    public var codedAnswersChanged = 0
    /// Coders' tags archived because their answer is not in the file any more.
    public var manualTagsArchived = 0
    /// The import's number (`kartlagg imports`, `kartlagg import undo N`), once it is written.
    public var importId: Int64?
    /// What the import replaced in respondents seen before, up to a cap; `changeCount` counts them all.
    public var changes: [ImportChange] = []
    public var changeCount = 0
    /// The row errors, up to a cap; `errorCount` has them all.
    public var errors: [ImportIssue] = []
    public var errorCount = 0
    /// A problem with the file as a whole (unreadable, bad header, JSON syntax…), already formatted.
    public var fileError: String?
    public var warnings: [String] = []

    package init(file: String, survey: String, status: Status) {
        self.file = file
        self.survey = survey
        self.status = status
    }

    /// How row errors name their place: the file, or `file:Sheet!` for a workbook (`svar.xlsx:Blad1!14`).
    public var rowLocation: String { sheet.map { "\(file):\($0)!" } ?? file }

    package var counts: ImportCounts {
        get { ImportCounts(rows: rows, added: added, updated: updated, unchanged: unchanged, rejected: rejected) }
        set {
            rows = newValue.rows
            added = newValue.added
            updated = newValue.updated
            unchanged = newValue.unchanged
            rejected = newValue.rejected
        }
    }
}
