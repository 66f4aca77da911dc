import CKartlaggSQLite
import GRDB
import GRDBSQLite

/// The answers an import writes, gathered in C memory and moved into `answer` a batch at a time by one
/// `INSERT … SELECT … FROM kartlagg_answer_batch(?)` (a table-valued function over the batch, in `CKartlaggSQLite`).
/// Row by row, SQLite pays a statement's fixed costs for every answer: its cursors on the table, its two indexes and
/// both parent keys, and the AUTOINCREMENT counter written back; a batch pays them once, and reads the texts where they
/// lie. The answers keep the order they came in, so they get the ids they would have got one by one, and every
/// constraint and foreign key is checked as before.
///
/// Batches are large because a statement that can fail halfway keeps a statement journal of the pages it changes that
/// the transaction had already written: a few pages at the table's and indexes' right edges per batch, not per row
/// (an `INSERT … VALUES` of a hundred rows at a time wrote 4.8 million pages to it at 200,000 respondents).
final class AnswerStage {
    /// Answers moved at a time.
    static let batchSize = 8_192

    private let db: Database
    private let batch: OpaquePointer
    private let insert: Statement

    /// Answers waiting.
    var count: Int { Int(kartlagg_answer_batch_count(batch)) }

    init(_ db: Database) throws {
        self.db = db
        let code = kartlagg_register_answer_batch(db.sqliteConnection)
        guard code == SQLITE_OK, let batch = kartlagg_answer_batch_new() else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code == SQLITE_OK ? SQLITE_NOMEM : code), message: "answer batch")
        }
        self.batch = batch
        do {
            insert = try db.makeStatement(
                sql: """
                    INSERT INTO answer (respondentId, questionKey, raw, valueText, valueNumber, isFreeText)
                    SELECT respondentId, questionKey, raw, valueText, valueNumber, isFreeText FROM kartlagg_answer_batch(?)
                    """)
        } catch {
            kartlagg_answer_batch_free(batch)
            throw error
        }
    }

    deinit { kartlagg_answer_batch_free(batch) }

    /// Adds an answer, moving the batch into `answer` when it is full; returns the ids the answers moved got, if any.
    func add(_ answer: AnswerRecord) throws -> ClosedRange<Int64>? {
        var raw = answer.raw
        var valueText = answer.valueText
        // The texts are copied into the batch (an empty buffer may have no address: its length, 0, is what counts).
        let code = raw.withUTF8 { rawBytes in
            Self.withOptionalUTF8(&valueText) { textBytes in
                rawBytes.withMemoryRebound(to: CChar.self) { raw in
                    Self.withCChars(textBytes) { text in
                        kartlagg_answer_batch_add(
                            batch, answer.respondentId, answer.questionKey, raw.baseAddress, Int32(raw.count), text?.baseAddress,
                            Int32(text?.count ?? 0), answer.valueNumber == nil ? 0 : 1, answer.valueNumber ?? 0, answer.isFreeText ? 1 : 0)
                    }
                }
            }
        }
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "answer batch") }
        return count >= Self.batchSize ? try flush() : nil
    }

    private static func withOptionalUTF8<T>(_ text: inout String?, _ body: (UnsafeBufferPointer<UInt8>?) -> T) -> T {
        guard var value = text else { return body(nil) }
        return value.withUTF8 { body($0) }
    }

    private static func withCChars<T>(_ bytes: UnsafeBufferPointer<UInt8>?, _ body: (UnsafeBufferPointer<CChar>?) -> T) -> T {
        guard let bytes else { return body(nil) }
        return bytes.withMemoryRebound(to: CChar.self) { body($0) }
    }

    /// Moves the waiting answers into `answer`, in the order they came, and returns the ids they got (nil: none
    /// waited, or the ids are not one run — never so while this transaction holds the write lock, but then the
    /// caller counts from the rows). A batch the table refuses is refused whole, and leaves the stage.
    func flush() throws -> ClosedRange<Int64>? {
        let moving = Int64(count)
        guard moving > 0 else { return nil }
        defer { kartlagg_answer_batch_clear(batch) }
        let before = try Self.lastId(db)
        // GRDB runs the statement (its observers see the rows); the batch is bound by pointer after GRDB's own
        // placeholder value, and GRDB's reset keeps bindings. A refused batch leaves its error with the statement
        // until it is reset: reset here first, its error already thrown.
        sqlite3_reset(insert.sqliteStatement)
        insert.setUncheckedArguments([nil])
        let bound = kartlagg_bind_answer_batch(insert.sqliteStatement, 1, batch)
        guard bound == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: bound), message: "answer batch") }
        try insert.execute()
        let moved = Int64(db.changesCount)
        let after = try Self.lastId(db)
        guard moved == moving, after - before == moving else { return nil }
        return (before + 1)...after
    }

    /// The last answer id given out (AUTOINCREMENT: never given again).
    private static func lastId(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'answer'") ?? 0
    }
}
