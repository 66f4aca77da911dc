import GRDB

/// A record a hot path writes many times in a row (import, tagging). Its INSERT is made once, by `PreparedInsert`,
/// from the record's table and `insertColumns`; each row then binds its values (`bind`) in that order straight to
/// SQLite, without GRDB's per-row encoding. Everywhere else the record is written as any `PersistableRecord` is.
/// `RecordInsertTests` proves that every way writes the same row.
protocol RowInserting: PersistableRecord {
    /// The columns an insert writes, in `bind` order.
    static var insertColumns: [Column] { get }
    /// Adds the row's values, in `insertColumns` order.
    func bind(_ row: inout BoundRow)
}

extension RowInserting {
    /// The row's values as GRDB arguments, in `insertColumns` order.
    var insertValues: StatementArguments {
        var row = BoundRow()
        bind(&row)
        return row.arguments
    }
}
