import GRDB

/// A row of the `answer` table as an import or an undo writes it (`AnswerColumns` is how queries read one).
struct AnswerRecord: Codable, FetchableRecord, PersistableRecord, RowInserting {
    static let databaseTableName = "answer"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let respondentId = Column(CodingKeys.respondentId)
        static let questionKey = Column(CodingKeys.questionKey)
        static let raw = Column(CodingKeys.raw)
        static let valueText = Column(CodingKeys.valueText)
        static let valueNumber = Column(CodingKeys.valueNumber)
        static let isFreeText = Column(CodingKeys.isFreeText)
    }

    /// The row id: nil until SQLite assigns it.
    var id: Int64?
    var respondentId: Int64
    var questionKey: Int64
    /// The cell as the file had it; a free text is stored only here.
    var raw: String
    /// A closed answer's value (nil for a free text, whose value is its trimmed raw text).
    var valueText: String?
    var valueNumber: Double?
    var isFreeText: Bool

    static let insertColumns: [Column] = [
        Columns.respondentId, Columns.questionKey, Columns.raw, Columns.valueText, Columns.valueNumber, Columns.isFreeText,
    ]

    func bind(_ row: inout BoundRow) {
        row.add(respondentId)
        row.add(questionKey)
        row.add(raw)
        row.add(valueText)
        row.add(valueNumber)
        row.add(isFreeText)
    }
}
