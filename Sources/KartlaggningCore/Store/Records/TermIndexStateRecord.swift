import GRDB

/// The term index's one `termIndexState` row: the key of the way its terms were made (tokeniser version and the
/// names redacted), another key empties the index; and the data version at which the index was last found to hold
/// every free text (nil: not known), with the largest answer id it held every text up to then (nil: not known, or a
/// text changed in place since).
struct TermIndexStateRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "termIndexState"

    var id: Int64 = 1
    var key: String
    var completeAt: String? = nil
    var completeThrough: Int64? = nil
}
