import GRDB

/// A row of `answerTheme`: a theme an answer has in effect for a codebook (its auto tags, unless a coder decided
/// otherwise), with the words the theme's auto tags matched in it (what quotes are chosen by). Derived: the store makes
/// these rows again from the tags whenever they are in doubt.
struct AnswerThemeRecord: Codable, FetchableRecord, PersistableRecord, RowInserting {
    static let databaseTableName = "answerTheme"

    enum Columns {
        static let codebookId = Column(CodingKeys.codebookId)
        static let themeId = Column(CodingKeys.themeId)
        static let answerId = Column(CodingKeys.answerId)
        static let matched = Column(CodingKeys.matched)
    }

    var codebookId: String
    var themeId: String
    var answerId: Int64
    /// The spans of the theme's auto tags (of the codebook's latest revision) on the answer; 0 for a coder's tag alone.
    var matched: Int

    static let insertColumns: [Column] = [Columns.codebookId, Columns.themeId, Columns.answerId, Columns.matched]

    func bind(_ row: inout BoundRow) {
        row.add(codebookId)
        row.add(themeId)
        row.add(answerId)
        row.add(matched)
    }
}
