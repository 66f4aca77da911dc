import Foundation
import KartlaggningModel
import KartlaggningReport
import TestSupport
import Testing

@testable import KartlaggningCore
@testable import KartlaggningImport

struct ImporterTests {
    static func companyRow(_ id: String, district: String = "Nätra", scale: String = "4", idea: String = "Mer fiber") -> String {
        "\(id);\(district);Firma \(id);2025-03-04;Handel;3;1,5;\(scale);Bredband;Ja;2001-05-01;\(idea)"
    }

    static func file(_ folder: TemporaryDirectory, _ name: String, rows: [String]) -> String {
        folder.write(name, ([StoreFixtures.companyHeader] + rows).joined(separator: "\r\n") + "\r\n")
    }

    @Test func oneBadRowAtTheEndOfALargeFileWritesNothing() throws {
        let folder = TemporaryDirectory()
        let dbPath = folder.path("k.sqlite")
        let store = try KartlaggningStore(path: dbPath)
        try store.loadDistricts(StoreFixtures.districts)
        try store.addSurvey(StoreFixtures.companySurvey)
        let first = Self.file(folder, "first.csv", rows: (1...50).map { Self.companyRow("A\($0)") })
        #expect(try Importer(store: store).importFile(at: first, survey: "test-foretag").status == .imported)
        let before = try store.dump()

        var rows = (1...20_000).map { Self.companyRow("B\($0)") }
        rows.append(Self.companyRow("B-last", scale: "6"))
        let large = Self.file(folder, "large.csv", rows: rows)
        let summary = try Importer(store: store).importFile(at: large, survey: "test-foretag")
        #expect(summary.status == .failed)
        #expect(summary.rows == 20_001)
        #expect(summary.rejected == 1)
        #expect(
            summary.errors.map { $0.formatted(file: "large.csv") } == [
                #"large.csv:20002: column "Nöjd med bredband (1-5)": 6 is outside the scale 1–5"#
            ])
        #expect(try store.dump() == before)
        #expect(before.contains("A50"))
        #expect(try store.status().respondents == 50)
    }

    @Test func reimportingTheSameFileIsANoOp() throws {
        let store = try StoreFixtures.companyStore()
        let folder = TemporaryDirectory()
        let path = Self.file(folder, "f.csv", rows: [Self.companyRow("1"), Self.companyRow("2")])
        let first = try Importer(store: store).importFile(at: path, survey: "test-foretag")
        #expect(first.counts == ImportCounts(rows: 2, added: 2))
        let again = try Importer(store: store).importFile(at: path, survey: "test-foretag")
        #expect(again.status == .alreadyImported)
        #expect(again.warnings.first?.contains("the same file was imported into test-foretag") == true)
        #expect(try store.status().imports.count == 1)
    }

    @Test func aLaterExportUpsertsAndAccountsForEveryRow() throws {
        let store = try StoreFixtures.companyStore()
        let folder = TemporaryDirectory()
        let v1 = Self.file(folder, "v1.csv", rows: ["1", "2", "3"].map { Self.companyRow($0) })
        _ = try Importer(store: store).importFile(at: v1, survey: "test-foretag")
        let v2 = Self.file(
            folder, "v2.csv",
            rows: [
                Self.companyRow("1"),  // unchanged
                Self.companyRow("2", idea: "Bättre buss"),  // updated answer
                Self.companyRow("3", district: "Bjästa"),  // updated district
                Self.companyRow("4"),  // added
                Self.companyRow("5", scale: "0"),  // rejected
            ])
        let rejectsPath = folder.path("rejects.csv")
        let rejects = try RejectsWriter(path: rejectsPath, columns: StoreFixtures.companySurvey.sourceColumns)
        let summary = try Importer(store: store).importFile(
            at: v2, survey: "test-foretag", options: ImportOptions(skipInvalid: true), rejects: rejects)
        rejects.close()
        #expect(summary.status == .imported)
        #expect(summary.counts == ImportCounts(rows: 5, added: 1, updated: 2, unchanged: 1, rejected: 1))
        var ideas: [String: String] = [:]
        var districts: [String: String] = [:]
        try store.forEachRespondent(surveyId: "test-foretag") { respondent in
            ideas[respondent.externalId] = respondent.answers["ideer"]?.raw
            districts[respondent.externalId] = respondent.serviceTown ?? respondent.district
        }
        #expect(ideas == ["1": "Mer fiber", "2": "Bättre buss", "3": "Mer fiber", "4": "Mer fiber"])
        #expect(districts["3"] == "Bjästa")
        #expect(try store.searchFreeText("buss").count == 1)
        let rejected = try String(contentsOfFile: rejectsPath, encoding: .utf8)
        #expect(
            rejected
                == "file,line,errors,Nr,Område,Företag,Datum,Bransch,Anställda,Omsättning (mkr),Nöjd med bredband (1-5),Behov,Samverkar,Startad,Idéer\r\n"
                + "\(v2),6,\"column \"\"Nöjd med bredband (1-5)\"\": 0 is outside the scale 1–5\",5,Nätra,Firma 5,2025-03-04,Handel,3,\"1,5\",0,Bredband,Ja,2001-05-01,Mer fiber\r\n"
        )
    }

    /// Two rows with one respondent id in one file: an error naming both lines, nothing written; `--last-wins` keeps the
    /// last row and says how many were replaced; a repeat of a respondent the file leaves unchanged is found too.
    @Test func aRepeatedIdWithinOneFileIsAnError() throws {
        let store = try StoreFixtures.companyStore()
        let folder = TemporaryDirectory()
        let rows = [Self.companyRow("1"), Self.companyRow("2"), Self.companyRow("1", idea: "Bättre buss")]
        let path = Self.file(folder, "dubbel.csv", rows: rows)
        let failed = try Importer(store: store).importFile(at: path, survey: "test-foretag")
        #expect(failed.status == .failed)
        #expect(
            failed.errors.map { $0.formatted(file: "dubbel.csv") } == [
                "dubbel.csv:4: column \"Nr\": the respondent id \"1\" is also on line 2 of this file; give each row its own id, "
                    + "or pass \(Remedy.lastWins) to keep the last row"
            ])
        #expect(try store.status().respondents == 0)
        let kept = try Importer(store: store).importFile(at: path, survey: "test-foretag", options: ImportOptions(lastWins: true))
        #expect(kept.status == .imported)
        #expect(kept.counts == ImportCounts(rows: 3, added: 2, updated: 1, unchanged: 0, rejected: 0))
        #expect(
            kept.warnings.contains("1 row repeated the respondent id of an earlier row of this file and replaced it (\(Remedy.lastWins))"))
        var ideas: [String: String] = [:]
        try store.forEachRespondent(surveyId: "test-foretag") { ideas[$0.externalId] = $0.answers["ideer"]?.raw }
        #expect(ideas == ["1": "Bättre buss", "2": "Mer fiber"])
        // Undone, the respondents the import added go, the one it wrote twice included.
        _ = try store.undoImport(id: try #require(kept.importId))
        #expect(try store.status().respondents == 0)
        // The earlier row is one the database already holds unchanged: still a repeat.
        _ = try Importer(store: store).importFile(at: Self.file(folder, "v1.csv", rows: [Self.companyRow("1")]), survey: "test-foretag")
        let again = try Importer(store: store).importFile(
            at: Self.file(folder, "v2.csv", rows: [Self.companyRow("1"), Self.companyRow("1", idea: "Tåg")]), survey: "test-foretag")
        #expect(again.status == .failed)
        #expect(again.errors.first?.message.contains("is also on line 2 of this file") == true)
    }

    /// A repeat met after its first row was written (more than a batch of respondents later): into an empty survey,
    /// whose ids are not looked up but checked against those the import wrote (`SeenIds`), and into one that has
    /// respondents, whose ids are looked up. Both name the first line.
    @Test func aRepeatedIdABatchLaterIsFound() throws {
        let folder = TemporaryDirectory()
        let rows = (1...9_000).map { Self.companyRow("R\($0)") } + [Self.companyRow("R7", idea: "Tåg")]
        let path = Self.file(folder, "lang.csv", rows: rows)
        let store = try StoreFixtures.companyStore()
        let empty = try Importer(store: store).importFile(at: path, survey: "test-foretag")
        #expect(empty.status == .failed)
        #expect(empty.errors.map(\.message).first?.contains("the respondent id \"R7\" is also on line 8 of this file") == true)
        #expect(try store.status().respondents == 0)
        let kept = try Importer(store: store).importFile(at: path, survey: "test-foretag", options: ImportOptions(lastWins: true))
        #expect(kept.counts == ImportCounts(rows: 9_001, added: 9_000, updated: 1, unchanged: 0, rejected: 0))
        var ideas: [String: String] = [:]
        try store.forEachRespondent(surveyId: "test-foretag") { ideas[$0.externalId] = $0.answers["ideer"]?.raw }
        #expect(ideas.count == 9_000 && ideas["R7"] == "Tåg" && ideas["R8"] == "Mer fiber")
        // The survey has respondents now: its ids are looked up, and a new file's repeat is found as before.
        let more = (9_001...18_000).map { Self.companyRow("R\($0)") } + [Self.companyRow("R9001", idea: "Tåg")]
        let second = try Importer(store: store).importFile(at: Self.file(folder, "mer.csv", rows: more), survey: "test-foretag")
        #expect(second.errors.map(\.message).first?.contains("the respondent id \"R9001\" is also on line 2 of this file") == true)
        #expect(try store.status().respondents == 9_000)
    }

    @Test func dryRunCountsButWritesNothing() throws {
        let store = try StoreFixtures.companyStore()
        let folder = TemporaryDirectory()
        let path = Self.file(folder, "f.csv", rows: [Self.companyRow("1"), Self.companyRow("2")])
        let summary = try Importer(store: store).importFile(at: path, survey: "test-foretag", options: ImportOptions(dryRun: true))
        #expect(summary.status == .dryRun)
        #expect(summary.added == 2)
        #expect(try store.status().respondents == 0)
        #expect(try store.status().imports.isEmpty)
        #expect(try Importer(store: store).importFile(at: path, survey: "test-foretag").status == .imported)
    }

    @Test func badFilesLeaveTheDatabaseAlone() throws {
        let store = try StoreFixtures.companyStore()
        let folder = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.path("a-folder"), withIntermediateDirectories: true)
        let cases: [(String, String)] = [
            (folder.write("empty.csv", ""), "empty.csv: the file is empty"),
            (folder.write("header.csv", StoreFixtures.companyHeader + "\n"), "header.csv: the file has a header but no data rows"),
            (folder.write("missing.csv", "Nr;Område\n1;Nätra\n"), #"missing.csv:1: missing columns "Företag", "Datum""#),
            // A repeated name is told apart by its column (`Nr (column 2)`); the survey's other columns are still missing.
            (folder.write("dup.csv", "Nr;Nr\n1;2\n"), #"dup.csv:1: missing columns "Område""#),
            (
                folder.write("quote.csv", StoreFixtures.companyHeader + "\n1;\"open\n"),
                "quote.csv:2: a quoted cell starts here and is never closed"
            ),
            (
                folder.write("binary.csv", bytes: [0x4E, 0x72, 0x0A, 0x00, 0x01, 0x02]),
                "binary.csv:2: NUL and control bytes: this is a binary file"
            ),
            (folder.write("bad.json", "[{\"Nr\": 1,]"), "bad.json:1:11: JSON syntax error"),
            (folder.path("a-folder"), "a-folder: is a directory, not a file"),
            (folder.path("nowhere.csv"), "nowhere.csv: no such file"),
        ]
        for (path, fragment) in cases {
            let summary = try Importer(store: store).importFile(at: path, survey: "test-foretag")
            #expect(summary.status == .failed)
            #expect(summary.fileError?.contains(fragment) == true, "\(summary.fileError ?? "nil") should contain \(fragment)")
        }
        #expect(try store.status().respondents == 0)
        #expect(try store.status().imports.isEmpty)
    }

    /// Records are read on a thread of their own, batches ahead of the writer: a file that breaks far past the first
    /// batches still fails at its line, after the rows before it, and the rows already written are rolled back.
    @Test func aReadingErrorAfterManyBatchesStopsAtItsLine() throws {
        let store = try StoreFixtures.companyStore()
        let folder = TemporaryDirectory()
        let rows = (1...1_000).map { Self.companyRow("F\($0)") } + ["F1001;\"open"]
        let summary = try Importer(store: store).importFile(at: Self.file(folder, "late.csv", rows: rows), survey: "test-foretag")
        #expect(summary.status == .failed)
        #expect(
            summary.fileError?.contains("late.csv:1002: a quoted cell starts here and is never closed") == true,
            "\(summary.fileError ?? "nil")")
        #expect(try store.status().respondents == 0)
        #expect(try store.status().imports.isEmpty)
        // The same rows without the broken one import whole, in the file's order.
        let whole = try Importer(store: store).importFile(
            at: Self.file(folder, "whole.csv", rows: Array(rows.dropLast())), survey: "test-foretag")
        #expect(whole.status == .imported)
        #expect(whole.counts.added == 1_000)
    }

    /// Interview notes near the 1 MB cell limit: the records read ahead are bounded by their bytes (a few at a time,
    /// not a thousand), and every text arrives whole, in the file's order.
    @Test func longTextsArriveWholeAFewRecordsAtATime() throws {
        let store = try StoreFixtures.companyStore()
        let folder = TemporaryDirectory()
        let words = ["fibern", "bussen", "föreningen", "byn", "kontoret", "vintern", "skolan", "vägen"]
        let notes = (1...40).map { row in (0..<40_000).map { words[($0 * 7 + row) % words.count] }.joined(separator: " ") }
        #expect(notes.allSatisfy { $0.utf8.count > 300_000 })
        let rows = notes.enumerated().map { Self.companyRow("L\($0.offset + 1)", idea: $0.element) }
        let summary = try Importer(store: store).importFile(at: Self.file(folder, "notes.csv", rows: rows), survey: "test-foretag")
        #expect(summary.status == .imported && summary.counts.added == 40)
        var filter = AnswerFilter()
        filter.question = "ideer"
        let hits = try store.answers(matching: filter, codebook: nil).hits
        #expect(hits.map(\.respondent) == (1...40).map { "L\($0)" })
        #expect(hits.map(\.text) == notes)
    }

    /// Batches handed over between threads are bounded by their weight as well as their number: heavy elements go
    /// over a few at a time, and no more than the budget ever waits; all arrive, in order.
    @Test func aHandOverHoldsNoMoreThanItsBudget() throws {
        let weight: @Sendable (Int) -> Int = { _ in 1_000 }
        let channel = BatchChannel<Int>.producing(capacity: 4, batch: 64, budget: 10_000, weight: weight, stackSize: 1 << 20) { emit in
            for element in 0..<200 { guard emit(element) else { return } }
        }
        var received: [Int] = []
        while let element = try channel.next() {
            received.append(element)
            if element % 10 == 0 { Thread.sleep(forTimeInterval: 0.002) }  // a slow reader: the producer fills up
        }
        #expect(received == Array(0..<200))
        #expect(channel.peakWaiting > 0 && channel.peakWaiting <= 10_000)
        // Unweighted, as before: batches of `batch`, `capacity` of them.
        let plain = BatchChannel<Int>.producing(capacity: 2, batch: 8, stackSize: 1 << 20) { emit in
            for element in 0..<100 { guard emit(element) else { return } }
        }
        var all: [Int] = []
        while let element = try plain.next() { all.append(element) }
        #expect(all == Array(0..<100) && plain.peakWaiting == 0)
        // Asked again at the end (a reader peeking past the last row), it is at the end again.
        #expect(try plain.next() == nil && plain.next() == nil)
    }

    /// What the import's read-ahead weighs a record by: its texts, and each cell's share beside them — a row of a
    /// thousand one-digit ratings is not 1 KB but over 100 KB once read and mapped.
    @Test func aRecordWeighsItsCellsAsWellAsItsText() {
        let ratings = Array(repeating: "4", count: 1_000)
        let wide = SourceRecord(line: 2, number: 1, cells: ratings, fields: ratings)
        #expect(wide.weight == 2_000 + 1_000 * SourceRecord.cellBytes)
        let note = String(repeating: "å", count: 500_000)
        let long = SourceRecord(line: 3, number: 2, cells: ["7", note], fields: ["7", note])
        #expect(long.weight == 2 * (1 + 1_000_000) + 2 * SourceRecord.cellBytes, "bytes of UTF-8, not characters")
    }

    @Test func unknownSurveyThrows() throws {
        let store = try StoreFixtures.companyStore()
        #expect(throws: StoreError.surveyNotFound("nope")) {
            try Importer(store: store).importFile(at: "x.csv", survey: "nope")
        }
    }

    @Test func surveyWithDistrictsNeedsARegistry() throws {
        let store = try KartlaggningStore.inMemory()
        try store.addSurvey(StoreFixtures.companySurvey)
        let folder = TemporaryDirectory()
        let path = Self.file(folder, "f.csv", rows: [Self.companyRow("1")])
        let summary = try Importer(store: store).importFile(at: path, survey: "test-foretag")
        #expect(summary.fileError?.contains("no district registry is loaded") == true)
    }

    @Test func progressIsReported() throws {
        let store = try StoreFixtures.companyStore()
        let folder = TemporaryDirectory()
        let path = Self.file(folder, "f.csv", rows: (1...12_000).map { Self.companyRow("\($0)") })
        nonisolated(unsafe) var seen: [Int] = []
        _ = try Importer(store: store).importFile(at: path, survey: "test-foretag") { seen.append($0) }
        #expect(seen == [5000, 10_000, 12_000])
    }

    @Test func manyErrorsAreCappedButCounted() throws {
        let store = try StoreFixtures.companyStore()
        let folder = TemporaryDirectory()
        let path = Self.file(folder, "f.csv", rows: (1...300).map { Self.companyRow("\($0)", scale: "9") })
        let summary = try Importer(store: store).importFile(at: path, survey: "test-foretag")
        #expect(summary.errors.count == 100)
        #expect(summary.errorCount == 300)
        let text = ImportSummaryText.render(summary)
        #expect(text.contains("… and 280 more errors"))
    }

    @Test func freeTextIndexKeepsSwedishLettersApart() throws {
        let store = try StoreFixtures.companyStore()
        let folder = TemporaryDirectory()
        let path = Self.file(
            folder, "f.csv",
            rows: [
                Self.companyRow("1", idea: "Vi får inte tag på folk"), Self.companyRow("2", idea: "Min far driver gården"),
            ])
        _ = try Importer(store: store).importFile(at: path, survey: "test-foretag")
        #expect(try store.searchFreeText("får").count == 1)
        #expect(try store.searchFreeText("far").count == 1)
        #expect(try store.searchFreeText("får") != store.searchFreeText("far"))
    }
}
