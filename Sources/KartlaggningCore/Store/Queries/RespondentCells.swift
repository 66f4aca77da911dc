import GRDB

/// The respondents grouped by the fields counts are kept by: each combination that occurs (a cell), how many
/// respondents it has, and which cell each respondent is in — so the kept counts are made in one pass over the
/// answers or the respondent themes, counted in a hash table, instead of SQLite sorting every row by seven columns.
struct RespondentCells {
    /// Each cell's field values, in `KartlaggningStore.keptFields` order.
    private(set) var fields: [[String?]] = []
    /// Each cell's respondents.
    private(set) var respondents: [Int] = []
    /// Each cell's first and last interview date (nil: none has one), in SQLite's text order (bytes).
    private(set) var period: [DatePeriod] = []
    private var cellOfFields: [[String?]: Int32] = [:]
    /// Each respondent's cell, by id − `firstId` (ids are dense: SQLite's rowids), -1 where no respondent is.
    private var cellOfId: [Int32] = []
    private var firstId: Int64 = 0

    /// Reads every respondent's cell.
    static func read(_ db: Database) throws -> RespondentCells {
        var cells = RespondentCells()
        let bounds = try Row.fetchOne(db, sql: "SELECT MIN(id), MAX(id) FROM respondent")
        guard let low = bounds?[0] as Int64?, let high = bounds?[1] as Int64? else { return cells }
        cells.firstId = low
        cells.cellOfId = Array(repeating: -1, count: Int(high - low + 1))
        let rows = try Row.fetchCursor(db, sql: "SELECT id, \(KartlaggningStore.keptFieldNames), date FROM respondent")
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let values: [String?] = (1...6).map { row[$0] }
            let cell: Int32
            if let known = cells.cellOfFields[values] {
                cell = known
            } else {
                cell = Int32(cells.fields.count)
                cells.cellOfFields[values] = cell
                cells.fields.append(values)
                cells.respondents.append(0)
                cells.period.append(DatePeriod())
            }
            cells.respondents[Int(cell)] += 1
            cells.period[Int(cell)].include(row[7])
            cells.cellOfId[Int(id - low)] = cell
        }
        return cells
    }

    /// The respondent's cell (nil for an id no respondent has).
    func cell(of respondent: Int64) -> Int? {
        let offset = respondent - firstId
        guard offset >= 0, offset < Int64(cellOfId.count), cellOfId[Int(offset)] >= 0 else { return nil }
        return Int(cellOfId[Int(offset)])
    }
}
