import GRDB

/// The answers an import writes, gathered in a temporary table and moved into `answer` a batch at a time by one
/// `INSERT … SELECT`. Row by row, SQLite pays a statement's fixed costs for every answer: its cursors on the table, its
/// two indexes and both parent keys, and the AUTOINCREMENT counter written back; a batch pays them once. The answers
/// keep the order they came in, so they get the ids they would have got one by one, and every constraint and foreign
/// key is checked as before.
///
/// Batches are large because a statement that can fail halfway keeps a statement journal of the pages it changes that
/// the transaction had already written: a few pages at the table's and indexes' right edges per batch, not per row
/// (an `INSERT … VALUES` of a hundred rows at a time wrote 4.8 million pages to it at 200,000 respondents).
final class AnswerStage {
    /// Answers moved at a time.
    static let batchSize = 8_192

    private let db: Database
    private let stage: Statement
    /// Answers waiting.
    private(set) var count = 0

    init(_ db: Database) throws {
        self.db = db
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS answerStage (
                    respondentId INTEGER NOT NULL, questionKey INTEGER NOT NULL, raw TEXT NOT NULL, valueText TEXT,
                    valueNumber REAL, isFreeText INTEGER NOT NULL);
                DELETE FROM temp.answerStage;
                """)
        stage = try db.makeStatement(sql: "INSERT INTO temp.answerStage VALUES (?, ?, ?, ?, ?, ?)")
    }

    /// Adds an answer, moving the batch into `answer` when it is full; returns the ids the answers moved got, if any.
    func add(_ answer: AnswerRecord) throws -> ClosedRange<Int64>? {
        try stage.stepBound(db) { answer.bind(&$0) }
        count += 1
        return count >= Self.batchSize ? try flush() : nil
    }

    /// Moves the waiting answers into `answer`, in the order they came, and returns the ids they got (nil: none
    /// waited, or the ids are not one run — never so while this transaction holds the write lock, but then the
    /// caller counts from the rows).
    func flush() throws -> ClosedRange<Int64>? {
        guard count > 0 else { return nil }
        let moving = Int64(count)
        count = 0
        let before = try Self.lastId(db)
        let moved: Int64
        do {
            try db.execute(
                sql: """
                    INSERT INTO answer (respondentId, questionKey, raw, valueText, valueNumber, isFreeText)
                    SELECT respondentId, questionKey, raw, valueText, valueNumber, isFreeText FROM temp.answerStage ORDER BY rowid;
                    """)
            moved = Int64(db.changesCount)
        } catch {
            // A refused batch is refused whole (SQLite undoes the statement) and leaves the stage.
            try? db.execute(sql: "DELETE FROM temp.answerStage")
            throw error
        }
        try db.execute(sql: "DELETE FROM temp.answerStage")
        let after = try Self.lastId(db)
        guard moved == moving, after - before == moving else { return nil }
        return (before + 1)...after
    }

    /// The last answer id given out (AUTOINCREMENT: never given again).
    private static func lastId(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'answer'") ?? 0
    }
}
