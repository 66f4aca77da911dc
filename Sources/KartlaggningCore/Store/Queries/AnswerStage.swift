import GRDB

/// The answers an import writes, a batch at a time (`BatchedInsert`), with the ids each batch got: the import's tally
/// of what it added notes them (`AddedRowTally`). Answer ids are AUTOINCREMENT: a batch's are the run after the last
/// id given out before it.
final class AnswerStage {
    private let db: Database
    private let rows: BatchedInsert<AnswerRecord>

    /// Answers waiting.
    var count: Int { rows.count }

    init(_ db: Database) throws {
        self.db = db
        rows = try BatchedInsert(db)
    }

    /// Whether a batch is full (the caller writes it, after the respondents its answers name).
    var isFull: Bool { rows.isFull }

    /// Adds an answer, without writing it.
    func append(_ answer: AnswerRecord) throws {
        try rows.append(answer)
    }

    /// Writes the waiting answers, in the order they came, and returns the ids they got (nil: none waited, or the ids
    /// are not one run — never so while this transaction holds the write lock, but then the caller counts from the
    /// rows). A batch the table refuses is refused whole, and leaves the stage.
    func flush() throws -> ClosedRange<Int64>? {
        let moving = Int64(rows.count)
        guard moving > 0 else { return nil }
        let before = try Self.lastId(db)
        let moved = Int64(try rows.flush())
        let after = try Self.lastId(db)
        guard moved == moving, after - before == moving else { return nil }
        return (before + 1)...after
    }

    /// The last answer id given out (AUTOINCREMENT: never given again).
    private static func lastId(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'answer'") ?? 0
    }
}
