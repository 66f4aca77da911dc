import GRDB
import KartlaggningModel

/// A row of the `survey` table: a survey's id, title, wave and kind, and its whole definition as JSON.
struct SurveyRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "survey"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let definition = Column(CodingKeys.definition)
    }

    var id: String
    var title: String
    var wave: String?
    var defaultKind: String?
    var definition: String
    var addedAt: String
}
