import Foundation
import KartlaggningImport
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningAnalysis
@testable import KartlaggningCore

/// The counts kept for cross-tabs (respondents, closed answers and respondent themes by the respondent fields) stay
/// equal to a recount from the rows through every kind of write, and the tables read from them are the tables read
/// from the rows.
struct KeptCountTests {
    /// After a write: the kept counts current, equal to the rows (the integrity check), and the cross-tabs made from
    /// them the same as those made from the rows.
    static func expectKept(_ store: KartlaggningStore, _ stored: StoredCodebook, after step: String) throws {
        let checks = try store.verify()
        let check = try #require(checks.first { $0.name == "kept counts equal the rows" })
        #expect(check.passed, "\(step): \(check.detail)")
        // The derived tables the counts come from, too (respondent themes reworked for a few respondents or all).
        for failed in checks where !failed.passed && !failed.name.hasPrefix("every free text is tagged") {
            Issue.record("\(step): \(failed.name): \(failed.detail)")
        }
        let current = try store.read { db in try KartlaggningStore.keptThemeCountsAreCurrent(stored, db: db) }
        #expect(current, "\(step): theme counts current")
        var specs: [CrossSpec] = []
        var spec = CrossSpec(rows: .theme, cols: .district)
        spec.codebook = stored
        specs.append(spec)
        spec.filters = [.kind: ["företag"]]
        specs.append(spec)
        specs.append(CrossSpec(rows: .question("bransch"), cols: .district))
        specs.append(CrossSpec(rows: .question("bredband_nojd"), cols: .serviceTown))
        specs.append(CrossSpec(rows: .question("behov"), cols: .wave))
        specs.append(CrossSpec(rows: .kind, cols: .district))
        for spec in specs {
            let kept = try #require(try CrossPathsTests.table(store, spec, sql: true))
            let counted = try #require(try CrossPathsTests.table(store, spec, sql: true, kept: false))
            #expect(kept == counted, "\(step): \(spec.rows) × \(spec.cols)")
        }
        // Numbers for means and medians, and each survey's respondents and answers.
        for (question, filters) in [("bredband_nojd", [:]), ("anstallda", [CrossDimension.kind: ["företag"]])] {
            let kept = try store.numberCounts(question, by: .district, filters: filters)
            #expect(!kept.isEmpty, "\(step): \(question)")
            #expect(kept == (try store.numberCounts(question, by: .district, filters: filters, keptCounts: false)), "\(step): \(question)")
        }
        // The method box's tagging figures: kept, from the rows, and as the queries before they were kept count them.
        let figures = try store.taggingFigures(stored)
        let fromRows = try store.taggingFigures(stored, keptCounts: false)
        let direct = try store.read { db in
            (
                freeTexts: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer WHERE isFreeText") ?? -1,
                autoTagged: try Int.fetchOne(
                    db, sql: "SELECT COUNT(DISTINCT answerId) FROM tag WHERE codebookId = ? AND coder = 'auto' AND revision = ?",
                    arguments: [stored.codebook.id, stored.revision]) ?? -1,
                untagged: try KartlaggningStore.untaggedCount(codebook: stored.codebook.id, revision: stored.revision, db: db)
            )
        }
        for (name, made) in [("kept", figures), ("rows", fromRows)] {
            #expect(made.freeTextAnswers == direct.freeTexts, "\(step): \(name) free texts")
            #expect(made.autoTaggedAnswers == direct.autoTagged, "\(step): \(name) auto-tagged")
            #expect(made.applied, "\(step): \(name) applied")
            #expect(made.untagged == direct.untagged, "\(step): \(name) untagged")
        }
        #expect(direct.autoTagged > 0 && direct.freeTexts > direct.autoTagged, "\(step): \(direct)")
        // The data basis: respondents per survey and their period, whole and filtered.
        for filters in [[:], [CrossDimension.district: ["Nätra"]], [.kind: ["förening"], .wave: ["2025"]]] {
            let kept = try store.surveyRespondents(filters: filters)
            #expect(kept == (try store.surveyRespondents(filters: filters, keptCounts: false)), "\(step): \(filters)")
        }
        for survey in try store.surveyRespondents(filters: [:]) {
            let (first, last) = (try #require(survey.firstDate), try #require(survey.lastDate))
            #expect(first <= last, "\(step)")
        }
        let surveys = try store.surveys()
        let status = try store.status()
        #expect(surveys.map(\.respondents).reduce(0, +) == status.respondents, "\(step)")
        #expect(surveys.map(\.answers).reduce(0, +) == status.answers, "\(step)")
    }

    static func themeTable(_ stored: StoredCodebook) -> CrossSpec {
        var spec = CrossSpec(rows: .theme, cols: .district)
        spec.codebook = stored
        spec.minCell = 0
        return spec
    }

    /// A tagging run after an import looks for what is left from the newest answer down, as many as the kept counts
    /// say are left: new respondents' texts and an old respondent's changed one are all tagged, as the tagger tags
    /// them; with the counts out of date it reads from the first answer up, to the same tags.
    @Test func aRunAfterAnImportTagsEveryTextLeft() throws {
        for countsCurrent in [true, false] {
            let (store, stored) = try TaggingTests.sampleStore()
            _ = try TaggingTests.tag(store, stored)
            #expect(
                try CrossPathsTests.importCompanies(
                    "F001;Bredbyns Såg AB;Anundsjö;;Karin L;2025-03-04;Handel;14;5;Bredband;Nej;Fibern når inte sågen;\n"
                        + "F200;Ny AB;BLT;;Karin L;2025-03-05;Handel;4;2;Bredband;Ja;Bredbandet är för långsamt och bussen går sällan;Ett gemensamt kontor i byn\n"
                        + "F201;Nyare AB;Anundsjö;;Karin L;2025-09-30;Turism;2;4;;Nej;Svårt att rekrytera;\n", into: store))
            let left = try store.taggingFigures(stored).untagged
            #expect(left >= 4, "F001's changed text and the new respondents' three")
            if !countsCurrent {
                try store.writer.write { db in try db.execute(sql: "UPDATE keptCountState SET version = 'förra'") }
            }
            let run = try TaggingTests.tag(store, stored)
            #expect(run.answersTagged == left, "counts current: \(countsCurrent)")
            #expect(try store.untaggedAnswers().isEmpty)
            // Every text carries the themes the tagger gives it (no coder has decided on any).
            let tagger = try AutoTagging.tagger(for: stored.codebook)
            var filter = AnswerFilter()
            filter.codebook = stored.codebook.id
            let hits = try store.answers(matching: filter, codebook: stored).hits
            #expect(hits.count > 50)
            for hit in hits {
                #expect(Set(hit.themes) == Set(tagger(hit.text, hit.question).map(\.theme)), "\(hit.text)")
            }
            #expect(hits.contains { $0.text == "Fibern når inte sågen" && !$0.themes.isEmpty })
        }
    }

    @Test func keptThroughEveryWrite() throws {
        let (store, _) = try TaggingTests.sampleStore()
        var stored = try store.codebook(id: "bygdsam")
        _ = try TaggingTests.tag(store, stored)
        try Self.expectKept(store, stored, after: "import and tag")
        let before = try CrossPathsTests.table(store, CrossSpec(rows: .question("bransch"), cols: .district), sql: true, kept: true)

        // A re-import moves a company to another district and changes its answers.
        #expect(
            try CrossPathsTests.importCompanies(
                "F001;Bredbyns Såg AB;Nätra;;Karin L;2025-03-04;Handel;14;5;Kollektivtrafik;Nej;Bussen går inte;\n", into: store))
        _ = try TaggingTests.tag(store, stored)  // as `kartlagg import` does after an import
        try Self.expectKept(store, stored, after: "re-import")

        // New respondents with free texts: the import tags them, and only their respondent themes are worked out.
        #expect(
            try CrossPathsTests.importCompanies(
                "F200;Ny AB;BLT;;Karin L;2025-03-05;Handel;4;2;Bredband;Ja;Bredbandet är för långsamt och bussen går sällan;Ett gemensamt kontor i byn\n"
                    + "F201;Nyare AB;Anundsjö;;Karin L;2025-09-30;Turism;2;4;;Nej;Svårt att rekrytera;\n", into: store))
        #expect(try store.taggingFigures(stored).untagged == 3)
        try Self.expectKept(store, stored, after: "new respondents, not tagged yet")
        let catchUp = try TaggingTests.tag(store, stored)
        #expect(catchUp.answersTagged == 3 && catchUp.answersWithThemes >= 1)
        #expect(try store.untaggedAnswers().isEmpty)
        try Self.expectKept(store, stored, after: "new respondents tagged")
        let themesBefore = try #require(try CrossPathsTests.table(store, Self.themeTable(stored), sql: true))
        let after = try CrossPathsTests.table(store, CrossSpec(rows: .question("bransch"), cols: .district), sql: true, kept: true)
        #expect(before != after, "the re-import changed what the table counts")

        // A coder's decisions on a few answers: the touched respondents' themes reworked, their counts adjusted. One
        // answer gets every theme, another loses each of its themes.
        var filter = AnswerFilter()
        filter.codebook = stored.codebook.id
        let hits = try store.answers(matching: filter, codebook: stored).hits
        let untagged = try #require(hits.first { $0.themes.isEmpty })
        let tagged = try #require(hits.first { !$0.themes.isEmpty })
        let themes = stored.codebook.themes.map(\.id)
        try store.setManualTags(
            themes.map { ManualTag(answer: .id(untagged.answer), theme: $0, coder: "Anna") }
                + tagged.themes.map { ManualTag(answer: .id(tagged.answer), theme: $0, coder: "Anna", negative: true) },
            codebook: stored)
        let kept = try #require(try CrossPathsTests.table(store, Self.themeTable(stored), sql: true))
        #expect(kept != themesBefore, "the decisions changed the theme table")
        try Self.expectKept(store, stored, after: "coder's decisions")

        // A new revision of the codebook, tagged.
        var revised = stored.codebook
        revised.themes.removeLast()
        _ = try store.loadCodebook(revised)
        stored = try store.codebook(id: "bygdsam")
        _ = try TaggingTests.tag(store, stored)
        try Self.expectKept(store, stored, after: "new revision")

        // Forgetting a respondent, undoing the re-import, removing a survey.
        _ = try store.forget(respondent: "F002", survey: "foretag-2025")
        try Self.expectKept(store, stored, after: "forget")
        let last = try #require(try store.imports(surveyId: "foretag-2025").map(\.id).max())
        _ = try store.undoImport(id: last)
        try Self.expectKept(store, stored, after: "undo")
        _ = try store.removeSurvey(id: "forening-2025", force: true)
        try Self.expectKept(store, stored, after: "survey removed")
    }

    /// A tagged file from before the tagging figures were kept (schema 12) gets them when it is upgraded: the same
    /// figures as counted from its rows.
    @Test func aTaggedFileOfSchema12GetsItsFiguresWhenUpgraded() throws {
        let folder = TemporaryDirectory()
        let path = folder.path("v12.sqlite")
        do {
            let (store, stored) = try TaggingTests.sampleStore(path: path)
            _ = try TaggingTests.tag(store, stored)
            // What schema 12 had: no tagging figures, no count of auto tags per run.
            try store.writer.write { db in
                try db.execute(
                    sql: """
                        DROP TABLE tagRunCount;
                        ALTER TABLE tagRun DROP COLUMN autoTags;
                        ALTER TABLE respondentCount DROP COLUMN freeTexts;
                        ALTER TABLE respondentCount DROP COLUMN firstDate;
                        ALTER TABLE respondentCount DROP COLUMN lastDate;
                        DELETE FROM grdb_migrations WHERE identifier IN ('v13: tagging figures kept', 'v14: interview dates kept');
                        PRAGMA user_version = 12;
                        """)
            }
        }
        let store = try KartlaggningStore(path: path, mode: .existing)
        let stored = try store.codebook(id: "bygdsam")
        #expect(try store.appliedMigrations().count == KartlaggningStore.schemaVersion)
        let figures = try store.taggingFigures(stored)
        #expect(figures.freeTextAnswers == 94 && figures.applied && figures.untagged == 0)
        #expect(figures.autoTaggedAnswers == (try store.taggingFigures(stored, keptCounts: false)).autoTaggedAnswers)
        let perRun = try store.read { db in try Int.fetchOne(db, sql: "SELECT SUM(autoTags) FROM tagRun") }
        #expect(perRun == (try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tag WHERE coder = 'auto'") }))
        try Self.expectKept(store, stored, after: "upgrade from schema 12")
    }

    /// Writes `rows` to the company survey in one import transaction, as the importer does, and returns its session.
    static func importRows(_ store: KartlaggningStore, _ rows: [(RespondentFields, [AnswerDraft])]) throws -> ImportSession {
        var used: ImportSession?
        try store.importTransaction(
            { session in
                used = session
                let batch = try session.startBatch(
                    ImportBatchInfo(
                        surveyId: "foretag-2025", fileName: "rader.csv", sha256: UUID().uuidString, format: "csv", encoding: "utf-8",
                        delimiter: ";"))
                for (line, (fields, answers)) in rows.enumerated() {
                    let draft = RespondentDraft(fields: fields, sourceLine: line + 2, sourceRecord: line + 1)
                    _ = try session.upsert(draft, answers: answers, surveyId: "foretag-2025", batchId: batch)
                }
                try session.finishBatch(batch, counts: ImportCounts(rows: rows.count, added: rows.count))
            }, shouldCommit: { _ in true })
        return try #require(used)
    }

    /// An import adds its own tally of the rows it added to the kept counts (instead of reading them back), and the
    /// counts equal a recount from the rows: respondents in a cell of their own and in known cells, a scale answered
    /// with fractions (counted by the whole part, as SQLite casts it: 4.7 → 4, −2.5 → −2) and not at all, a choice, a
    /// multi-choice, a yes/no, a number, free texts, no date. A transaction that changes a known respondent is counted
    /// from the rows.
    @Test func anImportAddsWhatItTallied() throws {
        let (store, stored) = try TaggingTests.sampleStore()
        _ = try TaggingTests.tag(store, stored)
        let answers = { (scale: Double?) -> [AnswerDraft] in
            [
                AnswerDraft(questionId: "bransch", raw: "Handel", valueText: "Handel"),
                AnswerDraft(questionId: "anstallda", raw: "7", valueText: "7", valueNumber: 7),
                AnswerDraft(
                    questionId: "bredband_nojd", raw: scale.map { "\($0)" } ?? "", valueText: scale.map { "\($0)" }, valueNumber: scale),
                AnswerDraft(questionId: "behov", raw: "Bredband", valueText: #"["Bredband"]"#),
                AnswerDraft(questionId: "samverkar_foreningar", raw: "Ja", valueText: "ja", valueNumber: 1),
                AnswerDraft(questionId: "utmaningar", raw: "Bussen går sällan", isFreeText: true),
            ]
        }
        let added = try Self.importRows(
            store,
            [
                (RespondentFields(externalId: "T1", kind: "företag", district: "Nätra", date: "2025-04-01", wave: "2025"), answers(4.7)),
                (RespondentFields(externalId: "T2", kind: "företag", district: "Nätra", date: "2025-03-01", wave: "2025"), answers(-2.5)),
                (RespondentFields(externalId: "T3", kind: "förening", district: "BLT", serviceTown: "Bredbyn"), answers(nil)),
                (RespondentFields(externalId: "T4", kind: "företag", district: "Anundsjö", wave: "2026"), Array(answers(3).prefix(2))),
            ])
        #expect(added.countedFromTally)
        #expect(added.tally.respondentIds.count == 4 && added.tally.answerIds.count == 20)
        try Self.expectKept(store, stored, after: "rows added, counted from the tally")
        let scales = try store.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT value || ':' || n FROM closedAnswerCount c JOIN question q ON q.key = c.questionKey
                    WHERE q.id = 'bredband_nojd' AND c.number IN (4.7, -2.5) ORDER BY c.number
                    """)
        }
        #expect(scales == ["-2:1", "4:1"])

        // A known respondent changed: counted from the rows, and still equal.
        let changed = try Self.importRows(
            store,
            [
                (RespondentFields(externalId: "T1", kind: "företag", district: "BLT", wave: "2025"), answers(5)),
                (RespondentFields(externalId: "T5", kind: "företag", district: "BLT", wave: "2025"), answers(1)),
            ])
        #expect(!changed.countedFromTally && !changed.tally.isComplete)
        try Self.expectKept(store, stored, after: "a respondent changed")
    }

    /// A codebook's first tagging run writes its respondents' themes from the run itself (`RespondentThemeBits`): the
    /// same rows the SQL makes from the answer themes, parents of the themes found included; and the kept theme counts
    /// it makes from the same bits (not read back) are the rows' counts.
    @Test func aFirstRunWritesTheRespondentThemesTheSQLMakes() throws {
        let (store, stored) = try TaggingTests.sampleStore()
        _ = try TaggingTests.tag(store, stored)
        try Self.expectKept(store, stored, after: "a first run, counted from its bits")
        func rows() throws -> [String] {
            try store.read { db in
                try String.fetchAll(
                    db, sql: "SELECT themeId || ':' || respondentId FROM respondentTheme WHERE codebookId = ? ORDER BY 1",
                    arguments: [stored.codebook.id])
            }
        }
        let fromRun = try rows()
        try store.write { db in try store.rebuildRespondentThemes(stored, db: db) }
        let fromSQL = try rows()
        #expect(fromRun.count > 50 && fromRun == fromSQL)
        let parents = Set(stored.codebook.ancestors.values.flatMap { $0 })
        #expect(!parents.isEmpty && fromRun.contains { parents.contains(String($0.prefix { $0 != ":" })) })
        try Self.expectKept(store, stored, after: "a first run, counted again from the rows")
    }

    /// A tally is used only for exactly the rows above what the counts had counted.
    @Test func aTallyCoversOnlyEveryRowAdded() {
        var ids = AddedRowTally.Ids()
        #expect(ids.areAll(above: 10, upTo: 10))
        #expect(!ids.areAll(above: 10, upTo: 11))
        for id in [11, 12, 14] as [Int64] { ids.note(id) }
        #expect(!ids.areAll(above: 10, upTo: 14), "13 is not in it")
        ids.note(13)
        #expect(ids.areAll(above: 10, upTo: 14))
        #expect(!ids.areAll(above: 10, upTo: 15), "15 is not in it")
        #expect(!ids.areAll(above: 11, upTo: 14), "11 was counted before")
    }

    /// A write that changes answers but does not make the counts again cannot commit: the counts never fall behind.
    @Test func aWriteThatSkipsTheCountsIsRefused() throws {
        let (store, stored) = try TaggingTests.sampleStore()
        _ = try TaggingTests.tag(store, stored)
        let before = try store.contentVersion()
        #expect(throws: StoreError.countsNotKept) {
            try store.writer.write { db in try db.execute(sql: "UPDATE respondent SET district = 'BLT' WHERE externalId = 'F001'") }
        }
        #expect(try store.contentVersion() == before)
        try Self.expectKept(store, stored, after: "a refused write")
    }

    /// The watch stops observing once it has noted a change (no per-row hook for the rest of the transaction) and
    /// observes again after the counts are made: a change after them is refused, one before them is not.
    @Test func aChangeAfterTheCountsAreMadeIsStillRefused() throws {
        let (store, stored) = try TaggingTests.sampleStore()
        _ = try TaggingTests.tag(store, stored)
        let before = try store.contentVersion()
        #expect(throws: StoreError.countsNotKept) {
            try store.writer.write { db in
                let start = db.totalChangesCount
                try db.execute(sql: "UPDATE respondent SET district = 'BLT' WHERE externalId = 'F001'")
                try store.noteChanges(db, since: start)
                try db.execute(sql: "UPDATE respondent SET district = 'Nätra' WHERE externalId = 'F002'")
            }
        }
        #expect(try store.contentVersion() == before)
        // Two changes, the second unobserved, then the counts: it commits, and the counts are right.
        try store.writer.write { db in
            let start = db.totalChangesCount
            try db.execute(sql: "UPDATE respondent SET district = 'BLT' WHERE externalId = 'F001'")
            try db.execute(sql: "UPDATE respondent SET district = 'BLT' WHERE externalId = 'F002'")
            try store.noteChanges(db, since: start)
        }
        #expect(try store.contentVersion() != before)
        try Self.expectKept(store, stored, after: "two changes counted once")
    }
}
