import Foundation
import GRDB
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningAnalysis
@testable import KartlaggningCore

/// Tagging matches each distinct text and question once (#26: surveys repeat short answers), and a codebook's first
/// run writes without SQLite's foreign-key checks: the tags written are those each answer gets matched on its own,
/// and every row still refers to one that is there.
struct RepeatedTextsTests {
    static let codebook = Codebook(
        id: "k", version: "1",
        themes: [
            Theme(id: "bredband", label: "Bredband", keywords: ["bredband*", "fiber"]),
            Theme(id: "buss", label: "Buss", keywords: ["buss*"]),
        ])

    /// A tagger that records what it was asked to match.
    final class Recorder: @unchecked Sendable {
        var asked: [[String]] = []
        let tagger: @Sendable ([TagInput]) -> [[AutoTag]]

        init() throws { tagger = try AutoTagging.batchTagger(for: RepeatedTextsTests.codebook, workers: 1) }

        func match(_ batch: [TagInput]) -> [PreparedTags] {
            asked.append(batch.map { "\($0.question):\($0.text)" })
            return tagger(batch).map(PreparedTags.init)
        }
    }

    static func summary(_ tags: [PreparedTags]) -> [String] {
        tags.map { $0.tags.map { "\($0.theme) \($0.pattern) \($0.spans)" }.joined(separator: "; ") }
    }

    @Test func eachDistinctTextIsMatchedOnceAndEveryAnswerGetsItsTags() throws {
        let recorder = try Recorder()
        let repeated = RepeatedTexts()
        let composed = "Bredbandet är för långsamt, åk buss"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(composed == decomposed && Array(composed.utf8) != Array(decomposed.utf8), "two spellings Swift calls equal")
        let batch = [
            TagInput(text: composed, question: "q1"), TagInput(text: "Nej", question: "q1"), TagInput(text: composed, question: "q1"),
            TagInput(text: composed, question: "q2"), TagInput(text: decomposed, question: "q1"), TagInput(text: "Nej", question: "q1"),
        ]
        let got = repeated.tags(for: batch, match: recorder.match)
        #expect(Self.summary(got) == Self.summary(recorder.match(batch)), "the tags each answer gets on its own")
        #expect(
            recorder.asked[0] == ["q1:\(composed)", "q1:Nej", "q2:\(composed)", "q1:\(decomposed)"],
            "each text and question once, and the two spellings apart")
        #expect(repeated.reused == 2)
        // The next batch: what was matched before is not matched again; a new text is.
        recorder.asked = []
        let next = [TagInput(text: "Nej", question: "q1"), TagInput(text: "Fibern går till byn", question: "q1"), batch[3]]
        let again = repeated.tags(for: next, match: recorder.match)
        #expect(recorder.asked.first == ["q1:Fibern går till byn"])
        #expect(Self.summary(again) == Self.summary(recorder.match(next)))
        #expect(Self.summary(again)[1].hasPrefix("bredband "), "the new text tagged")
        // A batch of texts all seen: the tagger is not called.
        recorder.asked = []
        _ = repeated.tags(for: [batch[0], batch[1]], match: recorder.match)
        #expect(recorder.asked.isEmpty)
    }

    @Test func longTextsAreMatchedOnceABatchAndNotKeptAcrossBatches() throws {
        let recorder = try Recorder()
        let repeated = RepeatedTexts()
        let long = String(repeating: "Bussen går inte på helgerna. ", count: 50)
        #expect(long.utf8.count > RepeatedTexts.longestKept)
        let batch = [TagInput(text: long, question: "q"), TagInput(text: long, question: "q")]
        let first = repeated.tags(for: batch, match: recorder.match)
        _ = repeated.tags(for: batch, match: recorder.match)
        #expect(recorder.asked.map(\.count) == [1, 1], "once in each batch: a long text is not kept")
        #expect(Self.summary(first)[0] == Self.summary(first)[1] && Self.summary(first)[0].hasPrefix("buss "))
    }

    @Test func aFullMemoryStartsAgain() throws {
        let recorder = try Recorder()
        let repeated = RepeatedTexts()
        let many = (0...RepeatedTexts.keptTexts).map { TagInput(text: "svar \($0)", question: "q") }
        _ = repeated.tags(for: many, match: recorder.match)
        recorder.asked = []
        // The last text came after the memory filled and was emptied: it is kept; the first is not.
        _ = repeated.tags(for: [many[many.count - 1], many[0]], match: recorder.match)
        #expect(recorder.asked == [["q:svar 0"]])
    }

    /// Every auto tag in the store, by answer, as the tagger gives it for that answer's own text and question.
    static func expectTagsAsMatchedOneByOne(_ store: KartlaggningStore, _ stored: StoredCodebook) throws {
        let tagger = try AutoTagging.tagger(for: stored.codebook)
        let (texts, written) = try store.read { db in
            (
                try Row.fetchAll(
                    db,
                    sql: "SELECT a.id, a.raw, q.id FROM answer a JOIN question q ON q.key = a.questionKey WHERE a.isFreeText ORDER BY a.id"),
                try Row.fetchAll(
                    db, sql: "SELECT answerId, themeId, pattern, spans FROM tag WHERE coder = 'auto' AND codebookId = ? ORDER BY id",
                    arguments: [stored.codebook.id])
            )
        }
        var byAnswer: [Int64: [String]] = [:]
        for row in written { byAnswer[row[0], default: []].append("\(row[1] as String) \(row[2] as String) \(row[3] as String)") }
        var tagged = 0
        for row in texts {
            let expected = PreparedTags(tagger(row[1] ?? "", row[2])).tags.map { "\($0.theme) \($0.pattern) \($0.spans)" }
            #expect(byAnswer[row[0]] ?? [] == expected, "answer \(row[0] as Int64): \(row[1] ?? "")")
            if !expected.isEmpty { tagged += 1 }
        }
        #expect(tagged > 20)
    }

    @Test func aRunOverRepeatedAnswersWritesWhatEachAnswerGetsAndKeepsForeignKeys() throws {
        let folder = TemporaryDirectory()
        let (store, stored) = try TaggingTests.sampleStore(path: folder.path("k.sqlite"))
        // Forty companies repeating two answers, one of them in two spellings of "å" and "ä".
        let answer = "Bredbandet är för långsamt och bussen går inte på helgerna"
        var rows = ""
        for n in 0..<40 {
            let text = n % 2 == 0 ? answer : answer.decomposedStringWithCanonicalMapping
            rows += "F\(300 + n);Företag \(n);BLT;;Karin L;2025-03-05;Handel;4;2;Bredband;Ja;\(text);Vi behöver en närarbetsplats i byn\n"
        }
        #expect(try CrossPathsTests.importCompanies(rows, into: store))
        let decomposed = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer WHERE raw = ?", arguments: [answer.decomposedStringWithCanonicalMapping])
        }
        #expect(decomposed == 20, "the import keeps each spelling")
        let summary = try TaggingTests.tag(store, stored)
        #expect(summary.answersTagged > 80 && summary.tagsWritten > 0)
        try Self.expectTagsAsMatchedOneByOne(store, stored)
        // Written without the checks, every row still refers to one that is there; the checks are on again.
        #expect(try store.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }.isEmpty)
        #expect(try store.write { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") } == 1)
        let check = try #require(try store.verify().first { $0.name == "foreign keys" })
        #expect(check.passed)

        // A new revision replaces the auto tags (with the checks, so their review flags go with them): the same again.
        var codebook = stored.codebook
        codebook.themes[0].keywords.append("långsam*")
        _ = try store.loadCodebook(codebook)
        let second = try store.codebook(id: stored.codebook.id)
        #expect(second.revision == stored.revision + 1)
        let again = try TaggingTests.tag(store, second)
        #expect(again.tagsReplaced > 0)
        try Self.expectTagsAsMatchedOneByOne(store, second)
        #expect(try store.write { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") } == 1)
    }

    /// On a file (a pool) another thread reads and matches batches of texts on a connection of its own, a few ahead of
    /// the writer (`MatchedAhead`); in memory (a queue) the writer reads and matches them. Batches of a few texts each (many
    /// boundaries), a first run and a new revision's: both write the same rows. (The theme digest a first run gathers
    /// on a file is `ThemeDigestTests`'.)
    @Test func textsReadByTheMatchingThreadGiveWhatTheWriterReads() throws {
        let folder = TemporaryDirectory()
        var (file, stored) = try TaggingTests.sampleStore(path: folder.path("k.sqlite"))
        var (memory, _) = try TaggingTests.sampleStore()
        file.textBatchBytes = 300
        memory.textBatchBytes = 300
        // The file's first run writes its answer themes a few at a time (each time theme by theme), memory's at the end.
        file.answerThemesHeld = 7
        var revised = stored.codebook
        revised.themes[0].keywords.append("långsam*")
        var runs: [[Int]] = []
        for store in [file, memory] {
            let first = try TaggingTests.tag(store, try store.codebook(id: stored.codebook.id))
            _ = try store.loadCodebook(revised)
            let second = try TaggingTests.tag(store, try store.codebook(id: stored.codebook.id))
            runs.append([first.answersTagged, first.tagsWritten, second.answersTagged, second.tagsWritten, second.tagsReplaced])
        }
        #expect(runs[0] == runs[1])
        #expect(runs[0][0] > 90 && runs[0][1] > 150 && runs[0][4] > 150, "\(runs[0])")
        let queries = [
            "SELECT answerId, codebookId, themeId, revision, coder, pattern, spans, negative FROM tag ORDER BY answerId, themeId, pattern",
            "SELECT * FROM answerTheme ORDER BY 1, 2, 3", "SELECT * FROM respondentTheme ORDER BY 1, 2, 3",
            "SELECT * FROM tagRun ORDER BY 1, 2", "SELECT * FROM tagRunCount ORDER BY 1, 2",
        ]
        for sql in queries {
            let (inFile, inMemory) = (
                try file.read { db in try Row.fetchAll(db, sql: sql) }, try memory.read { db in try Row.fetchAll(db, sql: sql) }
            )
            #expect(!inFile.isEmpty && inFile == inMemory, "\(sql)")
        }
        try Self.expectTagsAsMatchedOneByOne(file, try file.codebook(id: stored.codebook.id))
        // The derived tables are what the store makes again from the tags (`status --verify`).
        for check in try file.verify() { #expect(check.passed, "\(check.name)") }
    }

    @Test func aWriteThatRefusesToOnlyAddLeavesNothingAndTheChecksOn() throws {
        let folder = TemporaryDirectory()
        let (store, _) = try TaggingTests.sampleStore(path: folder.path("k.sqlite"))
        let before = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM district") }
        #expect(throws: KartlaggningStore.AddingOnlyRefused.self) {
            try store.writeAddingOnly { db in
                try db.execute(sql: "DELETE FROM district")
                throw KartlaggningStore.AddingOnlyRefused()
            }
        }
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM district") } == before)
        #expect(try store.write { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") } == 1)
    }
}
