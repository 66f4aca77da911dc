import Foundation
import GRDB
import KartlaggningModel
import Testing

@testable import KartlaggningCore

/// The import's answer stage (`AnswerStage`, over the C batch `kartlagg_answer_batch`) writes the answers it is given, a batch at a time, exactly as inserting
/// them one by one would: the same values and types, in the order given, with the ids one by one would have given
/// them, and the batches' ids told to the caller. A batch the table refuses is refused whole.
struct AnswerStageTests {
    static func answer(_ n: Int) -> AnswerRecord {
        switch n % 4 {
        case 0: AnswerRecord(respondentId: Int64(n), questionKey: 1, raw: "", valueText: nil, valueNumber: nil, isFreeText: true)
        case 1: AnswerRecord(respondentId: Int64(n), questionKey: 1, raw: "3", valueText: "3", valueNumber: 3, isFreeText: false)
        case 2:
            AnswerRecord(
                respondentId: Int64(n), questionKey: 1, raw: "Bussen går sällan 😀 \(n)", valueText: nil, valueNumber: nil, isFreeText: true)
        default: AnswerRecord(respondentId: Int64(n), questionKey: 1, raw: "2,5", valueText: "2,5", valueNumber: 2.5, isFreeText: false)
        }
    }

    /// The rows of `answer` as SQLite holds them, by id.
    static func stored(_ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT id || '|' || respondentId || '|' || questionKey || '|' || hex(raw) || '|' || typeof(raw) || '|' || quote(valueText)
                    || '|' || quote(valueNumber) || '|' || typeof(valueNumber) || '|' || isFreeText
                FROM answer ORDER BY id
                """)
    }

    /// Deletes the answers written, their free texts indexed first as the import indexes them (the delete trigger
    /// takes them out of the full-text index).
    static func clear(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO answerText(rowid, raw) SELECT id, raw FROM answer WHERE isFreeText; DELETE FROM answer")
    }

    @Test func batchesWriteWhatOneByOneWrites() throws {
        let count = 2 * BatchedInsert<AnswerRecord>.batchSize + 5
        let store = try KartlaggningStore.inMemory()
        try store.write { db in
            // The answers name respondents and a question the test does not make: checked at commit, when they are gone.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            let insert = try PreparedInsert<AnswerRecord>(db)
            for n in 1...count { try insert.insert(Self.answer(n)) }
            let oneByOne = try Self.stored(db)
            try Self.clear(db)
            // AUTOINCREMENT: the stage's ids start above those given before.
            let stage = try AnswerStage(db)
            var ranges: [ClosedRange<Int64>] = []
            for n in 1...count {
                try stage.append(Self.answer(n))
                if stage.isFull, let written = try stage.flush() { ranges.append(written) }
            }
            #expect(stage.count == 5)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer") == 2 * BatchedInsert<AnswerRecord>.batchSize)
            if let last = try stage.flush() { ranges.append(last) }
            #expect(stage.count == 0)
            #expect(try stage.flush() == nil)
            let size = Int64(BatchedInsert<AnswerRecord>.batchSize)
            let first = Int64(count) + 1
            #expect(
                ranges == [
                    first...(first + size - 1), (first + size)...(first + 2 * size - 1), (first + 2 * size)...(first + 2 * size + 4),
                ])
            // The same rows, their ids moved by the count written before.
            let staged = try Self.stored(db).map { row -> String in
                let parts = row.split(separator: "|", maxSplits: 1)
                return "\((Int(parts[0]) ?? 0) - count)|\(parts[1])"
            }
            #expect(staged == oneByOne)
            try Self.clear(db)
        }
    }

    @Test func aRefusedBatchIsRefusedWhole() throws {
        let store = try KartlaggningStore.inMemory()
        try store.write { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            let stage = try AnswerStage(db)
            try stage.append(Self.answer(1))
            try stage.append(Self.answer(2))
            // The same respondent and question twice: the table's UNIQUE constraint refuses it.
            try stage.append(Self.answer(1))
            let refused = #expect(throws: DatabaseError.self) { try stage.flush() }
            #expect(refused?.resultCode == .SQLITE_CONSTRAINT)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer") == 0)
            // The refused batch is gone from the stage: the next one is written alone.
            try stage.append(Self.answer(5))
            #expect(try stage.flush() != nil)
            #expect(try Int64.fetchAll(db, sql: "SELECT respondentId FROM answer") == [5])
            try Self.clear(db)
        }
    }
}
