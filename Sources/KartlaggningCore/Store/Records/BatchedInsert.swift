import CKartlaggSQLite
import GRDB
import GRDBSQLite

/// Many rows of a `RowInserting` record written a batch at a time: gathered in C memory (`CKartlaggSQLite`'s row
/// batch) and moved into the table by one `INSERT … SELECT c0, c1, … FROM kartlagg_rows(?)`, a table-valued function
/// over the batch that hands SQLite the texts where they lie.
///
/// Row by row (`PreparedInsert`), SQLite pays a statement's fixed costs for every row: its cursors on the table, each
/// index and each parent key, an AUTOINCREMENT counter written back. A batch pays them once. The rows keep the order
/// they were added in, so they get the ids they would have got one by one, and every constraint, conflict rule and
/// foreign key is checked as before; GRDB runs the statement, so the transaction's observers see the rows.
///
/// Batches are large because a statement that can fail halfway keeps a statement journal of the pages it changes that
/// the transaction had already written: a few pages at the table's and indexes' right edges per batch, not per row
/// (an `INSERT … VALUES` of a hundred rows at a time wrote 4.8 million pages to it at 200,000 respondents).
///
/// Nothing of the table reads the rows added until `flush`: a writer flushes before it reads or changes them.
final class BatchedInsert<Record: RowInserting> {
    /// Rows moved at a time.
    static var batchSize: Int { 8_192 }
    /// Bytes of text moved at a time, at most (past one row's): 8,192 rows of long free texts (interview notes near
    /// the 1 MB cell limit) would otherwise hold gigabytes before they are written.
    static var byteBudget: Int { 8 << 20 }

    private let db: Database
    private let batch: OpaquePointer
    private let insert: Statement

    /// Makes `kartlagg_rows` known to a connection: once, as it opens (the store's configuration does).
    static func register(_ db: Database) throws {
        let code = kartlagg_register_row_batch(db.sqliteConnection)
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "kartlagg_rows") }
    }

    /// Prepares the insert in `db`, with what SQLite does on a conflict.
    init(_ db: Database, onConflict: Database.ConflictResolution? = nil) throws {
        self.db = db
        let columns = Record.insertColumns.map(\.name)
        guard let batch = kartlagg_row_batch_new(Int32(columns.count)) else {
            throw DatabaseError(resultCode: .SQLITE_NOMEM, message: "a batch of \(columns.count) columns")
        }
        self.batch = batch
        let verb = onConflict.map { "INSERT OR \($0.rawValue)" } ?? "INSERT"
        let values = columns.indices.map { "c\($0)" }.joined(separator: ", ")
        do {
            insert = try db.makeStatement(
                sql: """
                    \(verb) INTO \(Record.databaseTableName.quotedDatabaseIdentifier) \
                    (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", "))) SELECT \(values) FROM kartlagg_rows(?)
                    """)
        } catch {
            kartlagg_row_batch_free(batch)
            throw error
        }
    }

    deinit { kartlagg_row_batch_free(batch) }

    /// Rows waiting.
    var count: Int { Int(kartlagg_row_batch_rows(batch)) }

    /// Bytes of text waiting.
    var textBytes: Int { Int(kartlagg_row_batch_text_bytes(batch)) }

    /// Whether a batch is full: by rows, or by the bytes of its texts.
    var isFull: Bool { count >= Self.batchSize || textBytes >= Self.byteBudget }

    /// Adds a row to the batch, without writing it.
    func append(_ record: Record) throws {
        var row = BoundRow(appendingTo: batch)
        record.bind(&row)
        if let failure = row.failure { throw DatabaseError(resultCode: ResultCode(rawValue: failure), message: "a batch row") }
        assert(row.count == Record.insertColumns.count, "\(row.count) values for \(Record.insertColumns.count) columns")
    }

    /// Adds a row, writing the batch when it is full.
    func add(_ record: Record) throws {
        try append(record)
        if isFull { try flush() }
    }

    /// Writes the rows waiting, in the order they were added; returns how many the table took (fewer where a
    /// conflict rule ignored some). A batch the table refuses is refused whole, and leaves the batch.
    @discardableResult
    func flush() throws -> Int {
        guard count > 0 else { return 0 }
        defer { kartlagg_row_batch_clear(batch) }
        // A refused batch leaves its error with the statement until it is reset: reset first (its error was thrown).
        // GRDB's own placeholder value is bound, then the batch by pointer over it; GRDB's reset keeps bindings.
        sqlite3_reset(insert.sqliteStatement)
        insert.setUncheckedArguments([nil])
        let bound = kartlagg_bind_row_batch(insert.sqliteStatement, 1, batch)
        guard bound == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: bound), message: "kartlagg_rows") }
        try insert.execute()
        return db.changesCount
    }
}
