import GRDB

/// A row of the term index `answerTerm`: how often a word (`surface`, counted by its `lemma`) stands in a free text.
struct AnswerTermRecord: Codable, FetchableRecord, PersistableRecord, RowInserting {
    static let databaseTableName = "answerTerm"

    enum Columns {
        static let answerId = Column(CodingKeys.answerId)
        static let lemma = Column(CodingKeys.lemma)
        static let surface = Column(CodingKeys.surface)
        static let n = Column(CodingKeys.n)
    }

    var answerId: Int64
    var lemma: String
    var surface: String
    var n: Int

    static let insertColumns: [Column] = [Columns.answerId, Columns.lemma, Columns.surface, Columns.n]

    func bind(_ row: inout BoundRow) {
        row.add(answerId)
        row.add(lemma)
        row.add(surface)
        row.add(n)
    }
}
