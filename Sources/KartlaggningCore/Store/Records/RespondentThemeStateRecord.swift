import GRDB
import KartlaggningModel

/// A row of the `respondentThemeState` table: which revision of a codebook the respondent themes were built from,
/// and whether they are stale.
struct RespondentThemeStateRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "respondentThemeState"

    var codebookId: String
    var revision: Int
    var stale: Bool
}
