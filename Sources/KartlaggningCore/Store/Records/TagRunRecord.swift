import GRDB

/// A row of the `tagRun` table: that an answer was auto-tagged by a revision of a codebook (so a later run skips it),
/// and how many auto tags that gave it.
struct TagRunRecord: Codable, FetchableRecord, PersistableRecord, RowInserting {
    static let databaseTableName = "tagRun"

    enum Columns {
        static let answerId = Column(CodingKeys.answerId)
        static let codebookId = Column(CodingKeys.codebookId)
        static let revision = Column(CodingKeys.revision)
        static let autoTags = Column(CodingKeys.autoTags)
    }

    var answerId: Int64
    var codebookId: String
    var revision: Int
    var autoTags: Int

    static let insertColumns: [Column] = [Columns.answerId, Columns.codebookId, Columns.revision, Columns.autoTags]

    func bind(_ row: inout BoundRow) {
        row.add(answerId)
        row.add(codebookId)
        row.add(revision)
        row.add(autoTags)
    }
}
