import GRDB
import TestSupport
import Testing

@testable import KartlaggningCore

/// The two fact feeders read a closed answer by one rule: the Swift and the SQL form of a scale's category agree, and
/// a multi answer's options are each counted once.
struct ClosedAnswerValuesTests {
    @Test func aScalesCategoryIsTheSameInSwiftAndInSQL() throws {
        let queue = try DatabaseQueue()
        let numbers: [Double] = [1, 4, 4.0, 4.7, 5.999, -1.5, 0, 10]
        let fromSQL = try queue.write { db in
            try db.execute(sql: "CREATE TABLE answer (valueNumber REAL)")
            for number in numbers { try db.execute(sql: "INSERT INTO answer VALUES (?)", arguments: [number]) }
            return try String.fetchAll(db, SQLRequest<String>(literal: "SELECT \(ClosedAnswerValues.scaleSQL) FROM answer a"))
        }
        #expect(fromSQL == numbers.map(ClosedAnswerValues.scale))
        #expect(fromSQL == ["1", "4", "4", "4", "5", "-1", "0", "10"])
    }

    @Test func aMultiAnswersOptionsCountOnce() {
        #expect(ClosedAnswerValues.options(multiJSON: #"["Bredband","Lokaler","Bredband"]"#) == ["Bredband", "Lokaler"])
        #expect(ClosedAnswerValues.options(multiJSON: "not json").isEmpty)
        #expect(ClosedAnswerValues.options(multiJSON: nil).isEmpty)
    }
}
