import GRDB

/// The term index's one `termIndexState` row: the key of the way its terms were made (tokeniser version and the
/// names redacted); another key empties the index.
struct TermIndexStateRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "termIndexState"

    var id: Int64 = 1
    var key: String
}
