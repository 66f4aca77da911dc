import Foundation
import GRDB
import KartlaggningModel
import Testing

@testable import KartlaggningCore

/// A hot path's prepared insert (`PreparedInsert`, made from the record's columns) writes exactly the row GRDB's own
/// `PersistableRecord.insert` writes, NULLs and booleans included, for every `RowInserting` record: its first row
/// (through GRDB's `execute`) and every later one (bound straight to SQLite).
struct RecordInsertTests {
    /// The row `record` makes both ways, with the row id left out; the prepared insert's first and later rows are
    /// checked to be the same.
    /// `indexed` adds what the store adds beside a row (a free text's full-text entry, which deleting it removes).
    static func rows<Record: RowInserting>(
        _ record: Record, in db: Database, indexed: (Record, Int64) throws -> Void = { _, _ in }
    ) throws -> (prepared: [String: DatabaseValue], grdb: [String: DatabaseValue]) {
        func stored() throws -> [String: DatabaseValue] {
            let row = try Row.fetchOne(db, sql: "SELECT * FROM \(Record.databaseTableName.quotedDatabaseIdentifier)") ?? Row()
            let values = Dictionary(row.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
            return values.filter { $0.key != "id" }
        }
        let insert = try PreparedInsert<Record>(db)
        try insert.insert(record)
        try indexed(record, db.lastInsertedRowID)
        let first = try stored()
        try Record.deleteAll(db)
        try insert.insert(record)
        try indexed(record, db.lastInsertedRowID)
        let prepared = try stored()
        #expect(first == prepared)
        try Record.deleteAll(db)
        try record.insert(db)
        try indexed(record, db.lastInsertedRowID)
        let grdb = try stored()
        try Record.deleteAll(db)
        return (prepared, grdb)
    }

    @Test func preparedInsertsWriteTheRowsRecordsWrite() throws {
        let store = try KartlaggningStore.inMemory()
        try store.write { db in
            // The rows refer to a survey, question and import the test does not make: checked at commit, by which
            // time they are gone.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            let respondents = [
                RespondentRecord(
                    surveyId: "s", externalId: "17", kind: "företag", district: "Nätra", serviceTown: nil, organisation: "Bygg AB",
                    interviewer: nil, date: "2026-03-01", wave: "2026", batchId: 3, sourceLine: 12, sourceRecord: 11,
                    rawFields: #"{"Nr":"17"}"#),
                RespondentRecord(
                    surveyId: "s", externalId: "18", kind: "förening", district: nil, serviceTown: "Bredbyn", organisation: nil,
                    interviewer: "Anna", date: nil, wave: nil, batchId: 3, sourceLine: 13, sourceRecord: 12, rawFields: "{}"),
            ]
            for respondent in respondents {
                let (prepared, grdb) = try Self.rows(respondent, in: db)
                #expect(prepared == grdb)
                #expect(
                    prepared["district"] == respondent.district.databaseValue
                        && prepared["serviceTown"] == respondent.serviceTown.databaseValue)
                #expect(prepared.count == RespondentRecord.insertColumns.count)
            }
            for answer in [
                AnswerRecord(respondentId: 1, questionKey: 2, raw: " Bredbandet ", valueText: nil, valueNumber: nil, isFreeText: true),
                AnswerRecord(respondentId: 1, questionKey: 3, raw: "4", valueText: "4", valueNumber: 4, isFreeText: false),
            ] {
                let (prepared, grdb) = try Self.rows(answer, in: db) { answer, id in
                    if answer.isFreeText { try AnswerTextRecord(rowid: id, raw: answer.raw).insert(db) }
                }
                #expect(prepared == grdb)
                #expect(
                    prepared["isFreeText"] == answer.isFreeText.databaseValue && prepared["valueNumber"] == answer.valueNumber.databaseValue
                )
            }
            for tag in [
                TagRecord(
                    answerId: 1, codebookId: "cb", themeId: "bredband", revision: 2, coder: Coder.auto.rawValue, pattern: "bredband*",
                    spans: "[[0,9]]", negative: false, note: nil, createdAt: "2026-12-05T16:00:00Z"),
                TagRecord.manual(
                    answerId: 1, codebookId: "cb", themeId: "buss", coder: "Anna", negative: true, note: "inte buss",
                    createdAt: "2026-12-05T16:00:00Z"),
            ] {
                let (prepared, grdb) = try Self.rows(tag, in: db)
                #expect(prepared == grdb)
                #expect(prepared["negative"] == tag.negative.databaseValue && prepared["revision"] == tag.revision.databaseValue)
            }
            let term = AnswerTermRecord(answerId: 1, lemma: "bredband", surface: "Bredbandet", n: 2)
            let (termPrepared, termGRDB) = try Self.rows(term, in: db)
            #expect(termPrepared == termGRDB)
            #expect(termPrepared["surface"] == "Bredbandet".databaseValue && termPrepared["n"] == 2.databaseValue)
            let (indexedPrepared, indexedGRDB) = try Self.rows(TermIndexedRecord(answerId: 7), in: db)
            #expect(indexedPrepared == indexedGRDB && indexedPrepared["answerId"] == 7.databaseValue)
            let (totalPrepared, totalGRDB) = try Self.rows(TermTotalRecord(lemma: "buss", surface: "bussen", n: 40), in: db)
            #expect(totalPrepared == totalGRDB && totalPrepared["n"] == 40.databaseValue)
            let (themePrepared, themeGRDB) = try Self.rows(
                AnswerThemeRecord(codebookId: "cb", themeId: "buss", answerId: 5, matched: 2), in: db)
            #expect(themePrepared == themeGRDB)
            #expect(
                themePrepared == [
                    "codebookId": "cb".databaseValue, "themeId": "buss".databaseValue, "answerId": 5.databaseValue,
                    "matched": 2.databaseValue,
                ])
            let run = TagRunRecord(answerId: 1, codebookId: "cb", revision: 2, autoTags: 3)
            let (prepared, grdb) = try Self.rows(run, in: db)
            #expect(prepared == grdb)
            #expect(
                prepared == [
                    "answerId": 1.databaseValue, "codebookId": "cb".databaseValue, "revision": 2.databaseValue, "autoTags": 3.databaseValue,
                ])
        }
    }

    @Test func textIsBoundAsGivenAndAFailedRowLeavesTheInsertUsable() throws {
        let store = try KartlaggningStore.inMemory()
        try store.write { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            let insert = try PreparedInsert<TermTotalRecord>(db)
            try insert.insert(TermTotalRecord(lemma: "först", surface: "först", n: 0))
            // The empty text is not NULL; a NUL inside a text, letters outside ASCII and a long text come back whole.
            let long = String(repeating: "Långviksmon ", count: 2_000)
            let texts = ["", "a\u{0}b", "Björna–Långviksmon–Trehörningsjö 😀", long]
            for (n, text) in texts.enumerated() { try insert.insert(TermTotalRecord(lemma: "t\(n)", surface: text, n: n)) }
            // Compared as SQLite holds them (hex of the bytes): reading a text back through GRDB stops at a NUL.
            let stored = try Row.fetchAll(
                db, sql: "SELECT hex(surface), typeof(surface), n FROM termTotal WHERE lemma LIKE 't%' ORDER BY n")
            let hex = texts.map { $0.utf8.map { String(format: "%02X", $0) }.joined() }
            #expect(stored.map { $0[0] as String } == hex)
            #expect(stored.map { $0[1] as String } == Array(repeating: "text", count: texts.count))
            // A row the table refuses throws SQLite's error, and the next row is written.
            let refused = #expect(throws: DatabaseError.self) { try insert.insert(TermTotalRecord(lemma: "t0", surface: "", n: 9)) }
            #expect(refused?.resultCode == .SQLITE_CONSTRAINT)
            #expect(
                refused?.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY || refused?.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
            try insert.insert(TermTotalRecord(lemma: "t9", surface: "nio", n: 9))
            #expect(try Int.fetchOne(db, sql: "SELECT n FROM termTotal WHERE lemma = 't9'") == 9)
            try TermTotalRecord.deleteAll(db)
        }
    }

    @Test func aPreparedInsertKeepsItsConflictRule() throws {
        let store = try KartlaggningStore.inMemory()
        try store.write { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            let replace = try PreparedInsert<TagRunRecord>(db, onConflict: .replace)
            try replace.insert(TagRunRecord(answerId: 1, codebookId: "cb", revision: 1, autoTags: 0))
            try replace.insert(TagRunRecord(answerId: 1, codebookId: "cb", revision: 2, autoTags: 0))
            #expect(try TagRunRecord.fetchAll(db).map(\.revision) == [2])
            #expect(throws: DatabaseError.self) {
                try PreparedInsert<TagRunRecord>(db).insert(TagRunRecord(answerId: 1, codebookId: "cb", revision: 3, autoTags: 0))
            }
            try TagRunRecord.deleteAll(db)
        }
    }
}
