import GRDB

/// A row of the `tagArchive` table: a coder's tag whose answer went (a re-import without it, an undo, a tag dropped
/// on review), kept with the survey, respondent, question and text it was made on. Never deleted but by an undo
/// that puts it back.
struct TagArchiveRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "tagArchive"

    enum Columns {
        static let batchId = Column(CodingKeys.batchId)
        static let surveyId = Column(CodingKeys.surveyId)
        static let externalId = Column(CodingKeys.externalId)
        static let questionId = Column(CodingKeys.questionId)
        static let reason = Column(CodingKeys.reason)
    }

    var id: Int64?
    var surveyId: String
    var externalId: String
    var questionId: String
    /// The answer's text when the tag was archived.
    var answerRaw: String
    var codebookId: String
    var themeId: String
    var coder: String
    var negative: Bool
    var note: String?
    var createdAt: String
    var archivedAt: String
    var reason: String
    /// The import that archived it (nil for an undo or a review).
    var batchId: Int64?

    /// A tag archived with what it was made on.
    init(
        _ tag: TagRecord, surveyId: String, externalId: String, questionId: String, answerRaw: String, archivedAt: String, reason: String,
        batchId: Int64?
    ) {
        self.id = nil
        self.surveyId = surveyId
        self.externalId = externalId
        self.questionId = questionId
        self.answerRaw = answerRaw
        self.codebookId = tag.codebookId
        self.themeId = tag.themeId
        self.coder = tag.coder
        self.negative = tag.negative
        self.note = tag.note
        self.createdAt = tag.createdAt
        self.archivedAt = archivedAt
        self.reason = reason
        self.batchId = batchId
    }

    /// The coder's tag again, on the answer it is put back on.
    func restored(on answerId: Int64) -> TagRecord {
        .manual(
            answerId: answerId, codebookId: codebookId, themeId: themeId, coder: coder, negative: negative, note: note, createdAt: createdAt
        )
    }
}
