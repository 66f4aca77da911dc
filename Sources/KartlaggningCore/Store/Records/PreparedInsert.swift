import GRDB

/// One prepared INSERT of a `RowInserting` record, made from its table and columns, for writing many rows.
struct PreparedInsert<Record: RowInserting> {
    private let statement: Statement

    /// Prepares the insert (cached by the connection) in `db`, with what SQLite does on a conflict.
    init(_ db: Database, onConflict: Database.ConflictResolution? = nil) throws {
        let columns = Record.insertColumns.map(\.name.quotedDatabaseIdentifier).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: Record.insertColumns.count).joined(separator: ", ")
        let verb = onConflict.map { "INSERT OR \($0.rawValue)" } ?? "INSERT"
        statement = try db.cachedStatement(
            sql: "\(verb) INTO \(Record.databaseTableName.quotedDatabaseIdentifier) (\(columns)) VALUES (\(placeholders))")
    }

    /// Writes one row.
    func insert(_ record: Record) throws {
        try statement.execute(arguments: record.insertValues)
    }
}
