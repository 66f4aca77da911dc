import GRDB

/// A record a hot path writes many times in a row (import, tagging). Its INSERT is made once, by `PreparedInsert`,
/// from the record's table and `insertColumns`; each row then binds `insertValues` in that order, without GRDB's
/// per-row encoding. Everywhere else the record is written as any `PersistableRecord` is. `RecordInsertTests` proves
/// that both ways write the same row.
protocol RowInserting: PersistableRecord {
    /// The columns an insert writes, in `insertValues` order.
    static var insertColumns: [Column] { get }
    /// The row's values, in `insertColumns` order.
    var insertValues: StatementArguments { get }
}
