import GRDB

/// A row of `termIndexed`: that a free text's terms are in the index (a text with no term that counts has none).
struct TermIndexedRecord: Codable, FetchableRecord, PersistableRecord, RowInserting {
    static let databaseTableName = "termIndexed"

    enum Columns {
        static let answerId = Column(CodingKeys.answerId)
    }

    var answerId: Int64

    static let insertColumns: [Column] = [Columns.answerId]

    func bind(_ row: inout BoundRow) { row.add(answerId) }
}
