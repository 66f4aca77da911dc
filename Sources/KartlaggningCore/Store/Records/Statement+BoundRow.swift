import GRDB
import GRDBSQLite

extension Statement {
    /// Runs the statement once with the values `bind` adds, straight through SQLite's C interface: no argument array,
    /// no `DatabaseValue` per value, no observation bookkeeping per row.
    ///
    /// GRDB's transaction observers are told of a statement's changes only when GRDB runs it, so a statement that
    /// changes rows is run through `execute(arguments:)` at least once per transaction before this (`PreparedInsert`
    /// does): the kept counts' watch (`CountedChanges`, `RewrittenRows`) needs to see the first change of each kind
    /// and no more.
    /// - Returns: the first column of the row the statement gives, as an integer, or nil when it gives none.
    @discardableResult
    func stepBound(_ db: Database, _ bind: (inout BoundRow) -> Void) throws -> Int64? {
        let handle = sqliteStatement
        sqlite3_reset(handle)
        var row = BoundRow(binding: handle)
        bind(&row)
        // SQLite keeps a parameter's last value across resets: a row that bound too few would reuse the last row's.
        assert(row.count == Int(sqlite3_bind_parameter_count(handle)), "bound \(row.count) values to \(sql)")
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_DONE:
            sqlite3_reset(handle)
            return nil
        case SQLITE_ROW:
            let first = sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
            sqlite3_reset(handle)
            return first
        default:
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            let extended = sqlite3_extended_errcode(db.sqliteConnection)
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: extended), message: message, sql: sql)
        }
    }
}
