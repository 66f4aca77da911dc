import GRDB
import KartlaggningModel

/// A row of the ledger's `publication` table: one output made from one version of the data.
struct PublicationRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "publication"

    var id: Int64?
    var dataVersion: String
    var output: String
    var at: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of the ledger's `publishedTable` table: one table as an output published it.
struct PublishedTableRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "publishedTable"

    var id: Int64?
    var publicationId: Int64
    var dataVersion: String
    var signature: String
    var title: String
    var body: String
}
