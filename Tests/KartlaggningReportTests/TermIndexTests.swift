import Foundation
import GRDB
import KartlaggningAnalysis
import KartlaggningImport
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningCore
@testable import KartlaggningReportBuilder

/// The term index gives the term counts that reading every text gives, stays current as texts and names change,
/// and never holds a name the database knows.
struct TermIndexTests {
    let folder = TemporaryDirectory()

    /// The sample's company and association interviews, tagged with the sample codebook, in a file.
    func sampleStore() throws -> (KartlaggningStore, StoredCodebook, String) {
        let path = folder.path("k.sqlite")
        let store = try KartlaggningStore(path: path)
        try store.loadDistricts(try DefinitionLoader.districts(at: Paths.sample("districts.yaml")))
        for (definition, file) in [("foretag-2025.survey.yaml", "foretag-2025.csv"), ("forening-2025.survey.yaml", "forening-2025.csv")] {
            let survey = try DefinitionLoader.survey(at: Paths.sample(definition))
            try store.addSurvey(survey)
            _ = try Importer(store: store).importFile(at: Paths.sample(file), survey: survey.id)
        }
        _ = try store.loadCodebook(try DefinitionLoader.codebook(at: Paths.sample("kodbok.yaml")))
        let stored = try store.codebook(id: "bygdsam")
        _ = try AutoTagging.run(store: store, codebook: stored)
        return (store, stored, path)
    }

    static let groups = [["bredband"], ["nararbetsplatser"], ["samverkan", "foreningsliv"]]

    /// Tagging and the term index read texts a batch at a time, each batch bounded by the bytes of its texts
    /// (`TextBatch`): with batches of a few texts they write what one batch writes, row for row.
    @Test func smallTextBatchesWriteWhatOneBatchWrites() throws {
        var dumps: [String] = []
        for bytes in [TextBatch.bytes, 300] {
            let folder = TemporaryDirectory()
            var store = try KartlaggningStore(path: folder.path("k.sqlite"))
            store.textBatchBytes = bytes
            try store.loadDistricts(try DefinitionLoader.districts(at: Paths.sample("districts.yaml")))
            for (definition, file) in [
                ("foretag-2025.survey.yaml", "foretag-2025.csv"), ("forening-2025.survey.yaml", "forening-2025.csv"),
            ] {
                let survey = try DefinitionLoader.survey(at: Paths.sample(definition))
                try store.addSurvey(survey)
                _ = try Importer(store: store).importFile(at: Paths.sample(file), survey: survey.id)
            }
            _ = try store.loadCodebook(try DefinitionLoader.codebook(at: Paths.sample("kodbok.yaml")))
            var tagBatches = 0
            let run = try AutoTagging.run(store: store, codebook: try store.codebook(id: "bygdsam"), progress: { _ in tagBatches += 1 })
            var indexBatches = 0
            let indexed = try TermIndexing.update(store: store, progress: { _ in indexBatches += 1 })
            #expect(run.answersTagged > 50 && indexed == run.answersTagged)
            // The sample's texts are a few dozen bytes each: one batch, or one for every few texts.
            let expected = bytes == 300 ? (run.answersTagged / 20)...run.answersTagged : 1...1
            #expect(expected.contains(tagBatches) && expected.contains(indexBatches), "\(bytes) bytes: \(tagBatches), \(indexBatches)")
            // Every row, less the times and the random content versions each store stamps on them, sorted (the kept
            // counts' rows come in the order of a dictionary's keys).
            let stamp = try NSRegularExpression(pattern: #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z|"[0-9a-f]{32}""#)
            let dump = try store.dump()
            let stamped = stamp.stringByReplacingMatches(in: dump, range: NSRange(dump.startIndex..., in: dump), withTemplate: "T")
            dumps.append(stamped.split(separator: "\n").sorted().joined(separator: "\n"))
        }
        #expect(dumps[0] == dumps[1])
        #expect(dumps[0].contains("## answerTerm") && dumps[0].contains("lemma:\"bredband\""))
    }

    @Test func theIndexCountsAsReadingEveryTextDoes() throws {
        let (store, stored, path) = try sampleStore()
        let cleaner = try store.pseudonymizer()
        let version = try store.contentVersion()
        // What writers call: every text indexed once, then nothing left to do.
        let texts = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer WHERE isFreeText") ?? 0 }
        #expect(texts > 50)
        #expect(try TermIndexing.update(store: store) == texts)
        #expect(try TermIndexing.update(store: store) == 0)
        for filters: [CrossDimension: [String]] in [[:], [.district: ["Nätra"]], [.kind: ["förening"]], [.district: ["BLT", "Anundsjö"]]] {
            let indexed = try TermTotalsGatherer.totals(
                store: store, cleaner: cleaner, filters: filters, groups: Self.groups, codebook: stored)
            let counted = try TermTotalsGatherer.counted(
                store: store, cleaner: cleaner, filters: filters, groups: Self.groups, codebook: stored)
            #expect(indexed == counted, "\(filters)")
            #expect(!indexed.whole.isEmpty && indexed.groups.count == 3)
        }
        #expect(try store.termIndexIsCurrent(key: TermIndexing.key(cleaner: cleaner)))
        // Derived data: what outputs published about the data still holds.
        #expect(try store.contentVersion() == version)
        // Read-only, the index is not written and the totals are counted: the same.
        let reader = try KartlaggningStore(path: path, mode: .readOnly)
        let whole = try TermTotalsGatherer.totals(store: store, cleaner: cleaner, filters: [:], groups: Self.groups, codebook: stored)
        #expect(
            try TermTotalsGatherer.totals(store: reader, cleaner: cleaner, filters: [:], groups: Self.groups, codebook: stored) == whole)
    }

    @Test func aChangedTextAndANewNameAreIndexedAnew() throws {
        let (store, stored, _) = try sampleStore()
        let before = try TermTotalsGatherer.totals(
            store: store, cleaner: try store.pseudonymizer(), filters: [:], groups: [], codebook: stored)
        #expect(before.whole["snickeri"] == nil)
        // A text changes (as a re-import changes it): its old terms go, its new ones come.
        let (answer, old) = try store.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT id, raw FROM answer WHERE isFreeText ORDER BY id LIMIT 1")
            return (row?[0] as Int64? ?? 0, row?[1] as String? ?? "")
        }
        try store.write { db in
            try db.execute(sql: "UPDATE answer SET raw = ? WHERE id = ?", arguments: ["Solbergs Snickeri AB behöver fiber", answer])
        }
        let cleaner = try store.pseudonymizer()
        let changed = try TermTotalsGatherer.totals(store: store, cleaner: cleaner, filters: [:], groups: [], codebook: stored)
        #expect(changed.whole["snickeri"] == 1)
        #expect(changed == (try TermTotalsGatherer.counted(store: store, cleaner: cleaner, filters: [:], groups: [], codebook: stored)))
        #expect(!old.isEmpty)
        // The company's name becomes one the database holds: the index is made again without it.
        try store.write { db in
            try db.execute(
                sql: "UPDATE respondent SET organisation = ? WHERE id = (SELECT respondentId FROM answer WHERE id = ?)",
                arguments: ["Solbergs Snickeri AB", answer])
        }
        let named = try store.pseudonymizer()
        #expect(named.fingerprint != cleaner.fingerprint)
        let after = try TermTotalsGatherer.totals(store: store, cleaner: named, filters: [:], groups: [], codebook: stored)
        #expect(after.whole["snickeri"] == nil && after.surfaces.values.allSatisfy { $0["Solbergs"] == nil })
        #expect(after.surfaces.values.contains { $0["fiber"] != nil })
        #expect(try store.termIndexIsCurrent(key: TermIndexing.key(cleaner: named)))
        // An answer erased takes its terms with it.
        try store.write { db in try db.execute(sql: "DELETE FROM answer WHERE id = ?", arguments: [answer]) }
        #expect(
            try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answerTerm WHERE answerId = ?", arguments: [answer]) }
                == 0)
        // The running totals follow: the whole without filters is still what reading every text gives.
        let erased = try TermTotalsGatherer.totals(store: store, cleaner: named, filters: [:], groups: Self.groups, codebook: stored)
        #expect(
            erased == (try TermTotalsGatherer.counted(store: store, cleaner: named, filters: [:], groups: Self.groups, codebook: stored)))
        let fiber = changed.surfaces.first { $0.value["fiber"] != nil }?.key ?? "?"
        #expect(changed.whole[fiber] != nil && erased.whole[fiber] == changed.whole[fiber].map { $0 - 1 })
    }

    /// The indexer notes the data version at which it found every text indexed, so readers skip the check; a change to
    /// the data (a text edited behind the index's back) makes them check again, and they find the text missing.
    @Test func aCompleteIndexIsNotedUntilTheDataChanges() throws {
        let (store, stored, _) = try sampleStore()
        let key = TermIndexing.key(cleaner: try store.pseudonymizer())
        try TermIndexing.update(store: store)
        let noted = try store.read { db in try String.fetchOne(db, sql: "SELECT completeAt FROM termIndexState") }
        let version = try store.contentVersion()
        #expect(noted == version)
        #expect(try store.termIndexIsCurrent(key: key))
        #expect(try store.termIndexIsNotedComplete(key: key))
        // A coder's decision changes the data's version but no text: the index stays noted complete.
        let answer = try #require(try store.read { db in try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM answer WHERE isFreeText") })
        let theme = try #require(stored.codebook.themes.first?.id)
        try store.setManualTags([ManualTag(answer: .id(answer), theme: theme, coder: "Anna")], codebook: stored)
        #expect(try store.contentVersion() != version)
        #expect(try store.termIndexIsNotedComplete(key: key))
        try store.write { db in
            try db.execute(sql: "UPDATE answer SET raw = raw || ' och mer' WHERE id = (SELECT MIN(id) FROM answer WHERE isFreeText)")
        }
        #expect(try !store.termIndexIsNotedComplete(key: key))
        #expect(try !store.termIndexIsCurrent(key: key))
        #expect(try TermIndexing.update(store: store) == 1)
        #expect(try store.termIndexIsNotedComplete(key: key))
        // Nothing left to index: one pass finds that and notes it.
        try store.write { db in try db.execute(sql: "UPDATE termIndexState SET completeAt = NULL") }
        #expect(try TermIndexing.update(store: store) == 0)
        #expect(try store.termIndexIsNotedComplete(key: key))
    }

    /// Found complete, the index notes the largest answer id: an import's texts, above it, are all it reads next; a
    /// text changed in place or an answer that becomes a free text forgets the mark, and the next pass reads every
    /// text. The totals are what reading every text gives at each step.
    @Test func anImportsTextsAreLookedForAboveTheLastAnswerIndexed() throws {
        let (store, stored, _) = try sampleStore()
        func mark() throws -> Int64? {
            try store.read { db in try Int64.fetchOne(db, sql: "SELECT completeThrough FROM termIndexState WHERE id = 1") }
        }
        func lastAnswer() throws -> Int64? { try store.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM answer") } }
        func expectCountedAlike(_ step: String) throws {
            let cleaner = try store.pseudonymizer()
            let indexed = try TermTotalsGatherer.totals(store: store, cleaner: cleaner, filters: [:], groups: Self.groups, codebook: stored)
            let counted = try TermTotalsGatherer.counted(
                store: store, cleaner: cleaner, filters: [:], groups: Self.groups, codebook: stored)
            #expect(indexed == counted, "\(step)")
            #expect(try store.termIndexIsNotedComplete(key: TermIndexing.key(cleaner: cleaner)), "\(step)")
        }
        try TermIndexing.update(store: store)
        #expect(try mark() == lastAnswer())
        try expectCountedAlike("indexed")

        // New respondents (no new company name, which would make the index again without it): their texts lie above
        // the mark.
        let file = folder.write(
            "nya.csv",
            "Nr;Företag;Område;Serviceort;Intervjuare;Datum;Bransch;Antal anställda;Nöjd med bredband (1-5);Behov;"
                + "Samverkar med föreningar;Utmaningar;Idéer för bygden\n"
                + "F300;;BLT;;Karin L;2025-03-05;Handel;4;2;Bredband;Ja;Takläggning på distans är svårt;Ett snickeri i byn\n"
                + "F301;;Nätra;;Karin L;2025-03-06;Turism;2;4;;Nej;Kanotuthyrning saknar parkering;\n")
        let before = try #require(try mark())
        #expect(try Importer(store: store).importFile(at: file, survey: "foretag-2025").status == .imported)
        #expect(try mark() == before, "an import only adds: the mark still holds")
        #expect(try TermIndexing.update(store: store) == 3)
        #expect(try mark() == lastAnswer() && (try mark() ?? 0) > before)
        try expectCountedAlike("new respondents")

        // A text changed in place, below the mark: the mark is forgotten, and the text indexed again.
        try store.write { db in
            try db.execute(
                sql: "UPDATE answer SET raw = 'Kanotuthyrning och snickeri' WHERE id = (SELECT MIN(id) FROM answer WHERE isFreeText)")
        }
        #expect(try mark() == nil)
        #expect(try TermIndexing.update(store: store) == 1)
        #expect(try mark() == lastAnswer())
        try expectCountedAlike("a text changed")

        // A closed answer that becomes a free text (an import's undo can do that), below the mark: the same.
        try store.write { db in
            try db.execute(
                sql: "UPDATE answer SET isFreeText = 1 WHERE id = (SELECT MIN(id) FROM answer WHERE NOT isFreeText)")
        }
        #expect(try mark() == nil)
        #expect(try TermIndexing.update(store: store) == 1)
        try expectCountedAlike("a closed answer made a free text")
    }

    @Test func aQuestionMarkedIdentifyingLeavesTheIndex() throws {
        let (store, stored, _) = try sampleStore()
        let cleaner = try store.pseudonymizer()
        try TermIndexing.update(store: store)
        let key = TermIndexing.key(cleaner: cleaner)
        #expect(try store.termIndexIsCurrent(key: key))
        // A free-text question becomes one that identifies people (a survey definition changed): its texts' words
        // must leave the index, which is made again without them.
        let question = try store.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT questionKey FROM answer a JOIN answerTerm t ON t.answerId = a.id ORDER BY a.id LIMIT 1") ?? 0
        }
        try store.write { db in try db.execute(sql: "UPDATE question SET identifying = 1 WHERE key = ?", arguments: [question]) }
        #expect(try !store.termIndexIsCurrent(key: key))
        #expect(try TermIndexing.update(store: store) > 0)
        let left = try store.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM answerTerm t JOIN answer a ON a.id = t.answerId WHERE a.questionKey = ?",
                arguments: [question])
        }
        #expect(left == 0)
        #expect(
            try TermTotalsGatherer.totals(store: store, cleaner: cleaner, filters: [:], groups: Self.groups, codebook: stored)
                == TermTotalsGatherer.counted(store: store, cleaner: cleaner, filters: [:], groups: Self.groups, codebook: stored))
    }
}
