import GRDB

/// A row of `termTotal`: how often a form of a lemma stands in all the texts the term index holds.
struct TermTotalRecord: Codable, FetchableRecord, PersistableRecord, RowInserting {
    static let databaseTableName = "termTotal"

    enum Columns {
        static let lemma = Column(CodingKeys.lemma)
        static let surface = Column(CodingKeys.surface)
        static let n = Column(CodingKeys.n)
    }

    var lemma: String
    var surface: String
    var n: Int

    /// A form of a lemma, as the totals are keyed.
    struct Key: Hashable {
        var lemma: String
        var surface: String
    }

    static let insertColumns: [Column] = [Columns.lemma, Columns.surface, Columns.n]

    func bind(_ row: inout BoundRow) {
        row.add(lemma)
        row.add(surface)
        row.add(n)
    }
}
