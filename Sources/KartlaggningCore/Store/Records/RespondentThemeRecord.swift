import GRDB

/// A row of `respondentTheme`: a theme (or an ancestor of one) a respondent has for a codebook, through any of their
/// answers. Derived, like `answerTheme`.
struct RespondentThemeRecord: Codable, FetchableRecord, PersistableRecord, RowInserting {
    static let databaseTableName = "respondentTheme"

    enum Columns {
        static let codebookId = Column(CodingKeys.codebookId)
        static let themeId = Column(CodingKeys.themeId)
        static let respondentId = Column(CodingKeys.respondentId)
    }

    var codebookId: String
    var themeId: String
    var respondentId: Int64

    static let insertColumns: [Column] = [Columns.codebookId, Columns.themeId, Columns.respondentId]

    func bind(_ row: inout BoundRow) {
        row.add(codebookId)
        row.add(themeId)
        row.add(respondentId)
    }
}
