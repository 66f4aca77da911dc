import GRDB
import KartlaggningModel

/// A row of the `erasure` table: that a respondent's data was erased (`forget`), with how much, and when; never who.
struct ErasureRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "erasure"

    var id: Int64?
    var surveyId: String
    var answers: Int
    var tags: Int
    var erasedAt: String
}
