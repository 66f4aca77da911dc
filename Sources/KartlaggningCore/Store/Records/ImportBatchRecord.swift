import GRDB
import KartlaggningModel

/// A row of the `importBatch` table: one file's import — what was read (name, SHA-256, format, encoding, delimiter,
/// columns), when, and its counts once it finished.
struct ImportBatchRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "importBatch"

    var id: Int64?
    var surveyId: String
    var fileName: String
    var sha256: String
    var format: String
    var encoding: String?
    var delimiter: String?
    /// The file's columns, as a JSON array.
    var columns: String
    var importedAt: String
    var rowsRead = 0
    var added = 0
    var updated = 0
    var unchanged = 0
    var rejected = 0

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
