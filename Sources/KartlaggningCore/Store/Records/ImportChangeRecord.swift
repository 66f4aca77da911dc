import GRDB
import KartlaggningModel

/// A row of the `importChange` table: a value an import replaced (a respondent's fields or one answer), before and
/// after as JSON, so the import can be undone.
struct ImportChangeRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "importChange"

    var id: Int64?
    var batchId: Int64
    var externalId: String
    var questionId: String?
    var before: String?
    var after: String?
}
