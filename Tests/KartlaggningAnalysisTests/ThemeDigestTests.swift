import Foundation
import KartlaggningImport
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningAnalysis
@testable import KartlaggningCore

/// The theme digest (#26: a theme report at its cross-tabs' pace): each theme's term counts and sources kept, equal
/// through every kind of write to what the theme report counts from the term index and the answers, kept current by
/// the writers that change answer themes instead of made again, and read the same by the report.
struct ThemeDigestTests {
    /// After a write: the digest equal to its recount in SQL (the integrity check), and each theme's terms, sources
    /// and questions asked the same from the digest as from the index and a pass over its answers.
    static func expectDigest(_ store: KartlaggningStore, _ stored: StoredCodebook, after step: String) throws {
        let themes = stored.codebook.themes.map(\.id)
        let kept = try #require(try store.keptThemeDigest(themes: themes, codebook: stored), "\(step): no digest")
        let check = try #require(try store.verify().first { $0.name == "theme digests equal the rows" })
        #expect(check.passed && check.detail.hasPrefix("ok (1 current)"), "\(step): \(check.detail)")
        let families = themes.map { stored.codebook.descendants(of: $0) }
        let counted = try store.termTotals(filters: [:], groups: families, codebook: stored)
        var carrying = 0
        for (index, family) in families.enumerated() {
            let pass = try store.themeAnswerDigest(themes: family, codebook: stored, perDistrict: 0, asking: 500)
            #expect(kept[index].terms.filter { $0.value != 0 } == counted.groups[index], "\(step): \(themes[index]) terms")
            #expect(kept[index].sources == pass.sources, "\(step): \(themes[index]) sources")
            #expect(
                try store.askingAnswers(themes: family, codebook: stored, limit: 500) == pass.asking, "\(step): \(themes[index]) asking")
            if !pass.sources.isEmpty { carrying += 1 }
            // Related themes: from the pair counts, and counted from the respondent themes (a filter that keeps every
            // respondent takes the counting path).
            let related = try store.relatedThemes(of: themes[index], codebook: stored, limit: 50)
            let recounted = try store.relatedThemes(
                of: themes[index], codebook: stored, filters: [.kind: ["företag", "förening"]], limit: 50)
            #expect(
                related.map { "\($0.theme)=\($0.respondents)" } == recounted.map { "\($0.theme)=\($0.respondents)" },
                "\(step): \(themes[index]) related")
        }
        #expect(carrying > 3, "\(step): themes with texts")
    }

    /// Whether the digest is current as the last write left it, before any reader makes it again.
    static func current(_ store: KartlaggningStore, _ stored: StoredCodebook) throws -> Bool {
        try store.read { db in try KartlaggningStore.themeDigestIsCurrent(stored, db: db) }
    }

    @Test func keptThroughEveryWrite() throws {
        let folder = TemporaryDirectory()
        // A file (a pool of connections): the first run gathers the digest on its matching thread.
        let (store, _) = try TaggingTests.sampleStore(path: folder.path("k.sqlite"))
        var stored = try store.codebook(id: "bygdsam")
        try TermIndexing.update(store: store)
        _ = try TaggingTests.tag(store, stored)
        #expect(try Self.current(store, stored), "the first run keeps it")
        try Self.expectDigest(store, stored, after: "first run")

        // New respondents, some asking: their texts tagged (a few respondents reworked), then indexed. (Names already
        // known: a new name makes the whole term index again, and the digest with it.)
        #expect(
            try CrossPathsTests.importCompanies(
                "F200;Bredbyns Såg AB;BLT;;Karin L;2025-03-05;Handel;4;2;Bredband;Ja;Varför är bredbandet så långsamt?;Ett gemensamt kontor i byn?\n"
                    + "F201;Solbergs Lanthandel;Anundsjö;;Karin L;2025-09-30;Turism;2;4;;Nej;Svårt att rekrytera, och var går bussen?;\n",
                into: store))
        #expect(try Self.current(store, stored), "rows only added: no new text carries a theme yet")
        _ = try TaggingTests.tag(store, stored)
        #expect(try Self.current(store, stored), "a few respondents tagged")
        #expect(try TermIndexing.update(store: store) == 3, "only the new texts indexed")
        #expect(try Self.current(store, stored), "the indexer adds their terms")
        try Self.expectDigest(store, stored, after: "new respondents tagged and indexed")
        #expect(try store.askingAnswers(themes: ["bredband"], codebook: stored, limit: 10).contains("Varför är bredbandet så långsamt?"))

        // A coder's decisions: one answer gets every theme, another loses each of its own.
        var filter = AnswerFilter()
        filter.codebook = stored.codebook.id
        let hits = try store.answers(matching: filter, codebook: stored).hits
        let untagged = try #require(hits.first { $0.themes.isEmpty })
        let tagged = try #require(hits.first { $0.themes.count > 1 })
        try store.setManualTags(
            stored.codebook.themes.map { ManualTag(answer: .id(untagged.answer), theme: $0.id, coder: "Anna") }
                + tagged.themes.map { ManualTag(answer: .id(tagged.answer), theme: $0, coder: "Anna", negative: true) },
            codebook: stored)
        #expect(try Self.current(store, stored), "a coder's decisions keep it")
        try Self.expectDigest(store, stored, after: "coder's decisions")

        // A re-import that changes a text: rewritten rows leave it stale, and it is made again where it is read.
        #expect(
            try CrossPathsTests.importCompanies(
                "F001;Bredbyns Såg AB;Nätra;;Karin L;2025-03-04;Handel;14;5;Kollektivtrafik;Nej;Bussen går inte?;\n", into: store))
        #expect(try !Self.current(store, stored))
        _ = try TaggingTests.tag(store, stored)
        try TermIndexing.update(store: store)
        try Self.expectDigest(store, stored, after: "re-import")

        // A new revision of the codebook, tagged; then forgetting a respondent.
        var revised = stored.codebook
        revised.themes.removeLast()
        _ = try store.loadCodebook(revised)
        stored = try store.codebook(id: "bygdsam")
        _ = try TaggingTests.tag(store, stored)
        try Self.expectDigest(store, stored, after: "new revision")
        _ = try store.forget(respondent: "F002", survey: "foretag-2025")
        try Self.expectDigest(store, stored, after: "forget")
    }

    /// Read-only, a stale digest is not read (nor made): the report counts from the index and the answers.
    @Test func aReadOnlyStoreDoesNotReadAStaleDigest() throws {
        let folder = TemporaryDirectory()
        let path = folder.path("k.sqlite")
        do {
            let (store, stored) = try TaggingTests.sampleStore(path: path)
            try TermIndexing.update(store: store)
            _ = try TaggingTests.tag(store, stored)
            #expect(try Self.current(store, stored))
            try store.writer.write { db in try db.execute(sql: "UPDATE themeDigestState SET version = 'förra'") }
        }
        let reader = try KartlaggningStore(path: path, mode: .readOnly)
        let stored = try reader.codebook(id: "bygdsam")
        #expect(try reader.keptThemeDigest(themes: ["bredband"], codebook: stored) == nil)
        #expect(try reader.read { db in try String.fetchOne(db, sql: "SELECT version FROM themeDigestState") } == "förra")
    }

    /// Made whole, the digest is what the first run gathered as it tagged: in one batch, and in batches of a few texts
    /// each (many parts, counted on their own thread a stage after the matching).
    @Test(arguments: [nil, 300] as [Int?]) func aRebuildMakesWhatTheFirstRunGathered(batchBytes: Int?) throws {
        let folder = TemporaryDirectory()
        var (store, stored) = try TaggingTests.sampleStore(path: folder.path("k.sqlite"))
        if let batchBytes { store.textBatchBytes = batchBytes }
        try TermIndexing.update(store: store)
        _ = try TaggingTests.tag(store, stored)
        let rows = {
            try store.read { db in
                try ["themeTerm", "themeSource", "themePair"].map { table in
                    try String.fetchAll(
                        db,
                        sql:
                            "SELECT codebookId || '|' || themeId || '|' || \(table == "themeTerm" ? "lemma" : table == "themeSource" ? "questionKey" : "otherId") || '|' || n FROM \(table) ORDER BY 1"
                    )
                }
            }
        }
        let gathered = try rows()
        #expect(gathered[0].count > 100 && gathered[1].count > 5 && gathered[2].count > 20)
        try store.writer.write { db in try KartlaggningStore.rebuildThemeDigest(stored, db: db) }
        #expect(try rows() == gathered)
    }
}
