import GRDB
import KartlaggningModel

/// A row of the `tag` table: a theme on an answer, by the auto-tagger (`Coder.auto`, with the revision, pattern and
/// spans that matched) or by a coder (with `negative` for "not this theme" and a note).
struct TagRecord: Codable, FetchableRecord, PersistableRecord, RowInserting {
    static let databaseTableName = "tag"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let answerId = Column(CodingKeys.answerId)
        static let codebookId = Column(CodingKeys.codebookId)
        static let themeId = Column(CodingKeys.themeId)
        static let revision = Column(CodingKeys.revision)
        static let coder = Column(CodingKeys.coder)
        static let pattern = Column(CodingKeys.pattern)
        static let spans = Column(CodingKeys.spans)
        static let negative = Column(CodingKeys.negative)
        static let note = Column(CodingKeys.note)
        static let createdAt = Column(CodingKeys.createdAt)
    }

    /// The row id: nil until SQLite assigns it.
    var id: Int64?
    var answerId: Int64
    var codebookId: String
    var themeId: String
    /// The codebook revision an auto tag was made by (nil for a coder's tag).
    var revision: Int?
    var coder: String
    var pattern: String?
    /// Where in the text the pattern matched, as a JSON array of `[start, end]` pairs.
    var spans: String?
    var negative: Bool
    var note: String?
    var createdAt: String

    /// A coder's tag (no revision, pattern or spans).
    static func manual(
        answerId: Int64, codebookId: String, themeId: String, coder: String, negative: Bool, note: String?, createdAt: String
    ) -> TagRecord {
        TagRecord(
            id: nil, answerId: answerId, codebookId: codebookId, themeId: themeId, revision: nil, coder: coder, pattern: nil, spans: nil,
            negative: negative, note: note, createdAt: createdAt)
    }

    /// The tags of one answer's coders (auto tags left out), by the partial index `tag_manual`.
    static func manualTags(answerId: Int64) -> QueryInterfaceRequest<TagRecord> {
        filter(Columns.answerId == answerId).filter(literal: "coder <> \(sql: Coder.autoSQL)")
    }

    static let insertColumns: [Column] = [
        Columns.answerId, Columns.codebookId, Columns.themeId, Columns.revision, Columns.coder, Columns.pattern, Columns.spans,
        Columns.negative, Columns.note, Columns.createdAt,
    ]

    func bind(_ row: inout BoundRow) {
        row.add(answerId)
        row.add(codebookId)
        row.add(themeId)
        row.add(revision)
        row.add(coder)
        row.add(pattern)
        row.add(spans)
        row.add(negative)
        row.add(note)
        row.add(createdAt)
    }
}
