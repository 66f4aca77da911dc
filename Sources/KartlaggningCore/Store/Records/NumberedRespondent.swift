import GRDB

/// A respondent with the row id it is to have: an import gives its new respondents their ids as it reads them (the
/// next after the largest, as SQLite would), so their answers can name them before the batch that writes them is
/// written (`BatchedInsert`).
struct NumberedRespondent: PersistableRecord, RowInserting {
    static let databaseTableName = RespondentRecord.databaseTableName
    static let insertColumns: [Column] = [RespondentRecord.Columns.id] + RespondentRecord.insertColumns

    var id: Int64
    var respondent: RespondentRecord

    func encode(to container: inout PersistenceContainer) throws {
        try respondent.encode(to: &container)
        container[RespondentRecord.Columns.id] = id
    }

    func bind(_ row: inout BoundRow) {
        row.add(id)
        respondent.bind(&row)
    }
}
