import GRDB

/// A row of `answerTheme`: a theme an answer has in effect for a codebook (its auto tags, unless a coder decided
/// otherwise). Derived: the store makes these rows again from the tags whenever they are in doubt.
struct AnswerThemeRecord: Codable, FetchableRecord, PersistableRecord, RowInserting {
    static let databaseTableName = "answerTheme"

    enum Columns {
        static let codebookId = Column(CodingKeys.codebookId)
        static let themeId = Column(CodingKeys.themeId)
        static let answerId = Column(CodingKeys.answerId)
    }

    var codebookId: String
    var themeId: String
    var answerId: Int64

    static let insertColumns: [Column] = [Columns.codebookId, Columns.themeId, Columns.answerId]

    func bind(_ row: inout BoundRow) {
        row.add(codebookId)
        row.add(themeId)
        row.add(answerId)
    }
}
