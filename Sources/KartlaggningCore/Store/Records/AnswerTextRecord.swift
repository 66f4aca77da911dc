import GRDB

/// A row of the full-text index `answerText` (FTS5, external content): a free-text answer's raw text under the
/// answer's id. Triggers keep it in step with `answer` once a row is indexed; an import indexes in bulk.
struct AnswerTextRecord: PersistableRecord {
    static let databaseTableName = "answerText"

    /// The answer's id.
    var rowid: Int64
    var raw: String

    func encode(to container: inout PersistenceContainer) {
        container["rowid"] = rowid
        container["raw"] = raw
    }
}
