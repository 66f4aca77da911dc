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

    /// A batched insert (`BatchedInsert`, through the C row batch) writes what the prepared insert writes, row for row
    /// and byte for byte: texts with a NUL, letters outside ASCII, the empty text (not NULL) and a long one, NULLs,
    /// numbers; its conflict rule applied row by row, in the order the rows were added; nothing written before
    /// `flush`, and a full batch written as it fills.
    @Test func aBatchedInsertWritesWhatAPreparedInsertWrites() throws {
        let store = try KartlaggningStore.inMemory()
        try store.write { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            let long = String(repeating: "Långviksmon ", count: 2_000)
            let texts = ["", "a\u{0}b", "Björna–Långviksmon–Trehörningsjö 😀", long, "x"]
            let totals = texts.enumerated().map { TermTotalRecord(lemma: "t\($0.offset)", surface: $0.element, n: $0.offset - 2) }
            let tags = [
                TagRecord(
                    answerId: 1, codebookId: "cb", themeId: "buss", revision: 2, coder: "auto", pattern: "buss*", spans: "[[0,5]]",
                    negative: false, note: nil, createdAt: "2026-12-06"),
                TagRecord(
                    answerId: 2, codebookId: "cb", themeId: "väg", revision: nil, coder: "Anna", pattern: nil, spans: nil, negative: true,
                    note: "ej väg", createdAt: "2026-12-06"),
            ]
            // The same run twice (revision 1, then 2) and a theme twice: the later replaces, the second is ignored.
            let runs =
                [1, 2, 3, 1].map { TagRunRecord(answerId: Int64($0), codebookId: "cb", revision: $0 == 1 ? 1 : 5, autoTags: $0) }
                + [TagRunRecord(answerId: 1, codebookId: "cb", revision: 2, autoTags: 9)]
            let themes = [
                AnswerThemeRecord(codebookId: "cb", themeId: "buss", answerId: 1, matched: 2),
                AnswerThemeRecord(codebookId: "cb", themeId: "buss", answerId: 1, matched: 7),
            ]
            // Each row's values as SQLite holds them: bytes and type (GRDB reads a text only up to a NUL).
            func rows(_ table: String) throws -> [String] {
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
                let values = columns.map { "hex(CAST(\($0) AS BLOB)) || ':' || typeof(\($0))" }.joined(separator: " || ';' || ")
                return try String.fetchAll(db, sql: "SELECT \(values) FROM \(table)")
            }
            func both<Record: RowInserting>(
                _ records: [Record], _ table: String, onConflict: Database.ConflictResolution? = nil
            ) throws -> (prepared: [String], batched: [String]) {
                let prepared = try PreparedInsert<Record>(db, onConflict: onConflict)
                for record in records { try prepared.insert(record) }
                let one = try rows(table)
                try db.execute(sql: "DELETE FROM \(table)")
                let batched = try BatchedInsert<Record>(db, onConflict: onConflict)
                for record in records { try batched.append(record) }
                #expect(try rows(table).isEmpty, "\(table): nothing written before flush")
                #expect(batched.count == records.count)
                #expect(try batched.flush() <= records.count)
                #expect(batched.count == 0)
                let other = try rows(table)
                try db.execute(sql: "DELETE FROM \(table)")
                return (one, other)
            }
            let (totalsOne, totalsBatched) = try both(totals, "termTotal")
            #expect(totalsOne == totalsBatched && totalsOne.count == texts.count)
            let (tagsOne, tagsBatched) = try both(tags, "tag")
            #expect(tagsOne == tagsBatched && tagsOne.count == 2)
            // `OR FAIL` (what a tagging run writes its tags with) writes the same rows where none conflicts.
            let (tagsFailing, _) = try both(tags, "tag", onConflict: .fail)
            #expect(tagsFailing == tagsOne)
            let (runsOne, runsBatched) = try both(runs, "tagRun", onConflict: .replace)
            #expect(runsOne == runsBatched && runsOne.count == 3)
            // A respondent with the id it is given (an import numbers its new respondents as it reads them).
            let numbered = [7, 3].map { id in
                NumberedRespondent(
                    id: Int64(id),
                    respondent: RespondentRecord(
                        surveyId: "s", externalId: "r\(id)", kind: "företag", district: nil, serviceTown: "Bredbyn", organisation: nil,
                        interviewer: "Anna", date: nil, wave: "2026", batchId: 3, sourceLine: id, sourceRecord: id, rawFields: "{}"))
            }
            let (respondentsOne, respondentsBatched) = try both(numbered, "respondent")
            #expect(respondentsOne == respondentsBatched && respondentsOne.count == 2)
            #expect(
                respondentsBatched.map { $0.prefix(while: { $0 != ";" }) } == ["33:integer", "37:integer"],
                "ids 3 and 7 (as text: hex 33, 37)")
            let (themesOne, themesBatched) = try both(themes, "answerTheme", onConflict: .ignore)
            #expect(themesOne == themesBatched && themesOne.count == 1)
            // The bytes of the texts, as SQLite holds them.
            let batched = try BatchedInsert<TermTotalRecord>(db)
            for record in totals { try batched.add(record) }
            try batched.flush()
            let stored = try Row.fetchAll(db, sql: "SELECT hex(surface), typeof(surface) FROM termTotal ORDER BY n")
            #expect(stored.map { $0[0] as String } == texts.map { $0.utf8.map { String(format: "%02X", $0) }.joined() })
            #expect(stored.map { $0[1] as String } == Array(repeating: "text", count: texts.count))
            try db.execute(sql: "DELETE FROM termTotal")
            // A full batch is written as it fills.
            for n in 0..<BatchedInsert<TermTotalRecord>.batchSize { try batched.add(TermTotalRecord(lemma: "l\(n)", surface: "s", n: n)) }
            #expect(batched.count == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM termTotal") == BatchedInsert<TermTotalRecord>.batchSize)
            try db.execute(sql: "DELETE FROM termTotal")
            // So is a batch full by its texts' bytes: long texts go a few at a time, not 8,192 of them.
            let note = String(repeating: "intervjuanteckning ", count: 100_000)
            let perBatch = (BatchedInsert<TermTotalRecord>.byteBudget + note.utf8.count - 1) / note.utf8.count
            for n in 0..<perBatch - 1 { try batched.add(TermTotalRecord(lemma: "l\(n)", surface: note, n: n)) }
            #expect(batched.count == perBatch - 1 && batched.textBytes >= note.utf8.count * (perBatch - 1))
            try batched.add(TermTotalRecord(lemma: "last", surface: note, n: 0))
            #expect(batched.count == 0 && batched.textBytes == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM termTotal WHERE surface = ?", arguments: [note]) == perBatch)
            try db.execute(sql: "DELETE FROM termTotal")
        }
    }

    /// A batch written `OR FAIL` (no statement journal) that meets a conflict stops there and throws; the rows before
    /// it in the statement stay until the transaction is rolled back, which the writer's error does: nothing of the
    /// batch, nor of the batches before it in the transaction, is left.
    @Test func aFailingBatchFailsItsWholeTransaction() throws {
        let store = try KartlaggningStore.inMemory()
        // With foreign keys on (`write`) and off (`writeAddingOnly`, a first tagging run: no statement journal at all).
        func run(_ records: [TagRunRecord], addingOnly: Bool = false) throws {
            let body = { (db: Database) throws in
                try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                let insert = try BatchedInsert<TagRunRecord>(db, onConflict: .fail)
                try insert.add(TagRunRecord(answerId: 9, codebookId: "cb", revision: 1, autoTags: 0))
                try insert.flush()
                for record in records { try insert.add(record) }
                let taken = try insert.flush()
                #expect(taken == records.count)
                try db.execute(sql: "DELETE FROM tagRun")
            }
            if addingOnly { try store.writeAddingOnly(body) } else { try store.write(body) }
        }
        let clean = (1...3).map { TagRunRecord(answerId: Int64($0), codebookId: "cb", revision: 1, autoTags: $0) }
        var conflicting = clean
        conflicting.insert(TagRunRecord(answerId: 1, codebookId: "cb", revision: 2, autoTags: 0), at: 2)
        for addingOnly in [false, true] {
            try run(clean, addingOnly: addingOnly)
            #expect(throws: StoreError.self) { try run(conflicting, addingOnly: addingOnly) }
            #expect(try store.read { db in try TagRunRecord.fetchCount(db) } == 0)
        }
        // So is a row a NOT NULL column refuses: not skipped as `OR IGNORE` would, nor the batch left half written.
        #expect(throws: StoreError.self) {
            try store.write { db in
                try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                let insert = try BatchedInsert<TagRecord>(db, onConflict: .fail)
                for answer in 1...3 {
                    try insert.add(
                        TagRecord(
                            answerId: Int64(answer), codebookId: "cb", themeId: "buss", revision: 1,
                            coder: answer == 2 ? "" : "auto", pattern: "buss", spans: "[[0,4]]", negative: false, note: nil,
                            createdAt: "2026-12-07"))
                }
                try insert.flush()
            }
        }
        #expect(try store.read { db in try TagRecord.fetchCount(db) } == 0)
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
