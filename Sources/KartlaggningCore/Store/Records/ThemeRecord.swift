import GRDB
import KartlaggningModel

/// A row of the `theme` table: one theme of one codebook revision, with its parent and place.
struct ThemeRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "theme"

    enum Columns {
        static let codebookId = Column(CodingKeys.codebookId)
        static let revision = Column(CodingKeys.revision)
    }

    var codebookId: String
    var revision: Int
    var id: String
    var label: String
    var parent: String?
    var position: Int
}
