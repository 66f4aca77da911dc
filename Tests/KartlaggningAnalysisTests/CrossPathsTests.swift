import Foundation
import KartlaggningImport
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningAnalysis
@testable import KartlaggningCore

/// The store counts a table one of two ways — pushed down to SQLite where the dimensions allow, from its units
/// otherwise — and both give the same tables.
struct CrossPathsTests {
    /// The table made from SQLite's counts (`sql`, nil where it cannot count) or from the units, by the one engine.
    static func table(_ store: KartlaggningStore, _ spec: CrossSpec, sql: Bool, kept: Bool = true) throws -> CrossTable? {
        var spec = spec
        spec.stats = true
        let content: CrossFacts.Content
        if sql {
            guard let counted = try store.pushedDownCounts(spec, keptCounts: kept) else { return nil }
            content = .counts(counted)
        } else {
            content = .units(try store.crossData(spec))
        }
        let declared = try store.read { db in
            (try store.declaredValues(spec.rows, bins: spec.bins, db: db), try store.declaredValues(spec.cols, bins: spec.bins, db: db))
        }
        let facts = CrossFacts(content, rowDeclared: declared.0, colDeclared: declared.1)
        return CrossTabulation.tabulate(CrossEngine.counts(facts, spec: spec), spec: spec)
    }

    /// The header of the sample's company interviews (`foretag-2025.csv`), for files that add to them.
    static let companyHeader =
        "Nr;Företag;Område;Serviceort;Intervjuare;Datum;Bransch;Antal anställda;Nöjd med bredband (1-5);Behov;Samverkar med föreningar;Utmaningar;Idéer för bygden\n"

    /// Imports company interviews (`rows`, each ending in a newline, after `companyHeader`) into the sample's company
    /// survey, from a file of their own: whether they were imported.
    static func importCompanies(_ rows: String, into store: KartlaggningStore) throws -> Bool {
        let folder = TemporaryDirectory()
        let file = folder.write("foretag-till.csv", companyHeader + rows)
        return try Importer(store: store).importFile(at: file, survey: "foretag-2025").status == .imported
    }

    @Test func bothPathsGiveTheSameTables() throws {
        let (store, stored) = try TaggingTests.sampleStore()
        _ = try TaggingTests.tag(store, stored)
        // Two companies without an answer on broadband, so "(ej svar)" has something to count.
        #expect(try Self.importCompanies("F090;X;Nätra;;;;Handel;2;;;;;\nF091;Y;BLT;;;;Turism;3;;;Ja;;\n", into: store))
        var requests: [CrossSpec] = []
        var r = CrossSpec(rows: .question("bredband_nojd"), cols: .district)
        requests.append(r)
        r.dropMissing = true
        requests.append(r)
        r = CrossSpec(rows: .kind, cols: .question("samverkar_foreningar"))
        requests.append(r)
        r = CrossSpec(rows: .question("bransch"), cols: .sector)
        r.filters = [.district: ["nätra", "Björna-Långviksmon-Trehörningsjö"]]
        requests.append(r)
        r = CrossSpec(rows: .theme, cols: .district)
        r.codebook = stored
        requests.append(r)
        r = CrossSpec(rows: .survey, cols: .theme)
        r.codebook = stored
        r.filters = [.kind: ["Förening"], .district: ["Anundsjö"]]
        requests.append(r)
        // Two respondent fields.
        requests.append(CrossSpec(rows: .kind, cols: .district))
        r = CrossSpec(rows: .sector, cols: .serviceTown)
        r.filters = [.survey: ["foretag-2025", "forening-2025"]]
        requests.append(r)
        requests.append(CrossSpec(rows: .wave, cols: .interviewer))
        // A multi-choice question, with and without the respondents who chose nothing.
        r = CrossSpec(rows: .question("behov"), cols: .district)
        requests.append(r)
        r.dropMissing = true
        r.filters = [.kind: ["företag"]]
        requests.append(r)
        requests.append(CrossSpec(rows: .kind, cols: .question("behov")))
        // SQLite counts from the kept counts (current after every write) and from the rows.
        #expect(try store.read { db in try KartlaggningStore.keptThemeCountsAreCurrent(stored, db: db) })
        for request in requests {
            let kept = try #require(try Self.table(store, request, sql: true), "\(request.rows) × \(request.cols)")
            let counted = try #require(try Self.table(store, request, sql: true, kept: false))
            let looped = try #require(try Self.table(store, request, sql: false))
            #expect(counted == looped, "\(request.rows) × \(request.cols)")
            #expect(kept == looped, "\(request.rows) × \(request.cols), kept counts")
        }
        // Binned questions and two questions go row by row.
        var binned = CrossSpec(rows: .question("anstallda"), cols: .district)
        binned.bins = [0, 10]
        #expect(try store.pushedDownCounts(binned) == nil)
        #expect(try store.pushedDownCounts(CrossSpec(rows: .question("behov"), cols: .question("bransch"))) == nil)
    }
}

/// The answers reports quote: the best of each district, the same every time.
struct QuoteCandidateTests {
    @Test func theBestOfEachDistrictInAFixedOrder() throws {
        let (store, stored) = try TaggingTests.sampleStore()
        _ = try TaggingTests.tag(store, stored)
        let family = stored.codebook.descendants(of: "nararbetsplatser")
        let all = try store.quoteCandidates(themes: family, codebook: stored, perDistrict: 1000)
        let two = try store.quoteCandidates(themes: family, codebook: stored, perDistrict: 2)
        for (district, group) in Dictionary(grouping: all, by: \.district) {
            let best = group.sorted { ($1.matched, $0.answer) < ($0.matched, $1.answer) }
            #expect(group == best, "\(district)")
            #expect(two.filter { $0.district == district } == Array(best.prefix(2)), "\(district)")
        }
        // Districts in SQLite's text order, as the window function that chose them before gave them (and the same choice).
        let districts = two.map(\.district).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        #expect(districts == districts.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } && districts.count > 2)
        let themes = family.map { "'\($0)'" }.joined(separator: ", ")
        let windowed = try store.read { db in
            try QuoteCandidate.fetchAll(
                db,
                sql: """
                    SELECT * FROM (
                        SELECT *, ROW_NUMBER() OVER (PARTITION BY district ORDER BY matched DESC, answer) AS place FROM (
                            SELECT a.id AS answer, a.raw AS text, r.kind, COALESCE(r.district, '') AS district, r.surveyId AS survey,
                                q.id AS question, r.wave,
                                (SELECT COALESCE(SUM(json_array_length(t.spans)), 0) FROM tag t WHERE t.answerId = a.id
                                    AND t.codebookId = 'bygdsam' AND t.coder = 'auto' AND t.revision = \(stored.revision)
                                    AND t.spans IS NOT NULL AND t.themeId IN (\(themes))) AS matched
                            FROM (SELECT answerId FROM answerTheme WHERE codebookId = 'bygdsam' AND themeId IN (\(themes)) GROUP BY answerId) hit
                            JOIN answer a ON a.id = hit.answerId JOIN respondent r ON r.id = a.respondentId JOIN question q ON q.key = a.questionKey
                            WHERE a.isFreeText))
                    WHERE place <= 2 ORDER BY district, place
                    """)
        }
        #expect(two == windowed)
        // The same answers the theme query finds, with what its patterns matched.
        var filter = AnswerFilter()
        filter.codebook = stored.codebook.id
        filter.themes = family
        let hits = try store.answers(matching: filter, codebook: stored).hits
        #expect(Set(all.map(\.answer)) == Set(hits.map(\.answer)))
        #expect(all.allSatisfy { $0.matched >= 1 })
        // Filters narrow them as crosstab --where does.
        let blt = try store.quoteCandidates(themes: family, codebook: stored, filters: [.district: ["BLT"]], perDistrict: 1000)
        #expect(!blt.isEmpty && blt.allSatisfy { $0.district == "BLT" })
        #expect(blt == all.filter { $0.district == "BLT" })
    }

    /// One theme's quotes, read best first and stopped once every district has its few, are the answers the pass over
    /// all of them chooses: every theme of the sample codebook, few and many a district, whole and filtered, with
    /// coders' tags (no words matched) and with the kept counts out of date (no district known: read to the end).
    @Test func readingBestFirstChoosesWhatThePassOverAllChooses() throws {
        let (store, stored) = try TaggingTests.sampleStore()
        _ = try TaggingTests.tag(store, stored)
        // Coders add themes the patterns did not find: answers that matched no word, read last.
        let untagged = try store.read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT a.id FROM answer a WHERE a.isFreeText
                    AND a.id NOT IN (SELECT answerId FROM answerTheme WHERE codebookId = 'bygdsam') ORDER BY a.id LIMIT 12
                    """)
        }
        #expect(untagged.count == 12)
        let leaves = stored.codebook.themes.map(\.id).filter { stored.codebook.descendants(of: $0) == [$0] }
        try store.setManualTags(
            untagged.enumerated().map { ManualTag(answer: .id($1), theme: leaves[$0 % leaves.count], coder: "anna") }, codebook: stored)
        let words = try store.read { db in
            try Int.fetchAll(db, sql: "SELECT DISTINCT min(matched, 2) FROM answerTheme WHERE codebookId = 'bygdsam' ORDER BY 1")
        }
        #expect(words == [0, 1, 2], "answers that matched no word, one and several")
        let filterings: [[CrossDimension: [String]]] = [
            [:], [.district: ["Nätra"]], [.kind: ["förening"]], [.district: ["BLT", "anundsjö"]],
        ]
        var compared = 0
        for current in [true, false] {
            if !current {
                // Kept counts of another data version: not read, so no district is known and every answer is read.
                try store.writer.write { db in try db.execute(sql: "UPDATE keptCountState SET version = 'förra'") }
                #expect(try !store.read { db in try KartlaggningStore.keptCountsAreCurrent(db) })
            }
            for theme in stored.codebook.themes.map(\.id) {
                for filters in filterings {
                    for perDistrict in [1, 2, 5, 1000] {
                        let themes = stored.codebook.descendants(of: theme)
                        let walked = try store.quoteCandidates(themes: themes, codebook: stored, filters: filters, perDistrict: perDistrict)
                        let passed = try store.themeAnswerDigest(
                            themes: themes, codebook: stored, filters: filters, perDistrict: perDistrict)
                        #expect(walked == passed.quotes, "\(theme) \(filters) \(perDistrict) kept counts current: \(current)")
                        compared += walked.count
                    }
                }
            }
        }
        #expect(compared > 500)
    }

    /// Related themes and where a theme came up, counted in Swift, are what SQLite's GROUP BY counted: every theme of
    /// the sample codebook, whole and within a district, ties in the same order.
    @Test func relatedThemesAndSourcesAreWhatGroupingGave() throws {
        let (store, stored) = try TaggingTests.sampleStore()
        _ = try TaggingTests.tag(store, stored)
        // Associations that ask something, so the answers that ask are there to be found.
        let extra = TemporaryDirectory()
        let csv = extra.path("fragor.csv")
        try """
        Id;Förening;Område;Datum;Typ av förening;Antal medlemmar;Ekonomi (1-5);Hur arbetar ni?;Samverkar med företag;Önskemål till kommunen
        Q01;Nätra IF;Nätra;2025-04-02;Idrott;80;3;Varför går ingen buss till hallen på helgerna?;Nej;Kan kommunen ordna bredband till klubbstugan?
        Q02;Byalaget;Anundsjö;2025-04-03;Byaförening;40;2;Vem ansvarar för bredbandet i byn?;Ja;När kommer bussen tillbaka?
        Q03;Hembygdsföreningen;Nätra;2025-04-04;Kultur och hembygd;60;3;Finns det bidrag för att ordna en närarbetsplats?;Nej;Varför stängde skolan?
        """.write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try Importer(store: store).importFile(at: csv, survey: "forening-2025").status == .imported)
        _ = try TaggingTests.tag(store, stored)
        var compared = 0
        var askingSeen = 0
        for theme in stored.codebook.themes.map(\.id) {
            for (filters, condition) in [([CrossDimension: [String]](), ""), ([.district: ["Nätra"]], " AND r.district = 'Nätra'")] {
                let family = Set(stored.codebook.descendants(of: theme) + (stored.codebook.ancestors[theme] ?? []))
                let grouped = try store.read { db in
                    try String.fetchAll(
                        db,
                        sql: """
                            SELECT b.themeId || '=' || COUNT(*) FROM respondentTheme a
                            JOIN respondentTheme b ON b.codebookId = a.codebookId AND b.respondentId = a.respondentId
                            JOIN respondent r ON r.id = a.respondentId
                            WHERE a.codebookId = 'bygdsam' AND a.themeId = ?\(condition) GROUP BY b.themeId ORDER BY COUNT(*) DESC, b.themeId
                            """, arguments: [theme])
                }.filter { !family.contains(String($0.prefix { $0 != "=" })) }.prefix(5)
                let related = try store.relatedThemes(of: theme, codebook: stored, filters: filters)
                #expect(related.map { "\($0.theme)=\($0.respondents)" } == Array(grouped), "\(theme) \(filters)")
                let themes = stored.codebook.descendants(of: theme)
                let sources = try store.read { db in
                    try String.fetchAll(
                        db,
                        sql: """
                            SELECT r.surveyId || '/' || q.id || ': ' || COUNT(*) FROM (
                                SELECT answerId FROM answerTheme WHERE codebookId = 'bygdsam' AND themeId IN (\(themes.map { "'\($0)'" }.joined(separator: ", ")))
                                GROUP BY answerId) hit
                            JOIN answer a ON a.id = hit.answerId JOIN respondent r ON r.id = a.respondentId JOIN question q ON q.key = a.questionKey
                            WHERE a.isFreeText AND NOT q.identifying\(condition) GROUP BY r.surveyId, q.id ORDER BY COUNT(*) DESC, r.surveyId, q.id
                            """)
                }
                let digest = try store.themeAnswerDigest(themes: themes, codebook: stored, filters: filters, perDistrict: 2, asking: 2)
                // The answers that ask something: the first two by id, as the query that read them on their own gave them.
                let asking = try store.read { db in
                    try String.fetchAll(
                        db,
                        sql: """
                            SELECT a.raw FROM (
                                SELECT answerId FROM answerTheme WHERE codebookId = 'bygdsam' AND themeId IN (\(themes.map { "'\($0)'" }.joined(separator: ", ")))
                                GROUP BY answerId) hit
                            JOIN answer a ON a.id = hit.answerId JOIN respondent r ON r.id = a.respondentId JOIN question q ON q.key = a.questionKey
                            WHERE a.isFreeText AND NOT q.identifying\(condition) AND instr(a.raw, '?') > 0 ORDER BY a.id LIMIT 2
                            """)
                }
                #expect(digest.asking == asking, "\(theme) \(filters)")
                askingSeen += asking.count
                let counted = digest.sources
                #expect(counted.map { "\($0.survey)/\($0.question): \($0.answers)" } == sources, "\(theme) \(filters)")
                // The same pass chose the quotes a call for them alone chooses.
                #expect(digest.quotes == (try store.quoteCandidates(themes: themes, codebook: stored, filters: filters, perDistrict: 2)))
                #expect(try store.themeAnswerDigest(themes: themes, codebook: stored, filters: filters, perDistrict: 0).sources == counted)
                compared += related.count + counted.count
            }
        }
        #expect(compared > 20)
        #expect(askingSeen > 2)
    }

    /// A survey whose default kind is written `Förening`: the sector rule is one Swift function, called from SQL too,
    /// so both paths put these respondents in "ideell" (an SQL `CASE r.kind WHEN 'förening'` put them in "(övrigt)").
    @Test func sectorIsOneRuleOnBothPaths() throws {
        let store = try KartlaggningStore.inMemory()
        try store.loadDistricts(StoreFixtures.districts)
        try store.addSurvey(
            SurveyDefinition(
                id: "f", title: "f", kind: "Förening", respondent: RespondentMapping(id: "Nr", district: "Område"),
                questions: [Question(id: "b", column: "Betyg (1-5)", type: .scale, scale: ScaleRange(min: 1, max: 5))]))
        let folder = TemporaryDirectory()
        let csv = folder.write("f.csv", "Nr;Område;Betyg (1-5)\n1;Nätra;3\n2;Nätra;4\n3;Nätra;1\n4;BLT;5\n5;BLT;2\n6;BLT;3\n")
        #expect(try Importer(store: store).importFile(at: csv, survey: "f").status == .imported)
        let request = CrossSpec(rows: .sector, cols: .district)
        let sql = try #require(try CrossPathsTests.table(store, request, sql: true))
        let rows = try #require(try CrossPathsTests.table(store, request, sql: false))
        #expect(sql.rowValues == ["ideell"])
        #expect(rows.rowValues == ["ideell"])
        #expect(sql.cell("ideell", "Nätra")?.n == 3)
        #expect(rows.cell("ideell", "Nätra")?.n == 3)
    }
}

/// Themes counted from their units (answers, mentions) are rolled up their tree by the engine: a parent theme's
/// answers are the answers tagged with it or any theme below it, each once; its mentions are their mentions' sum.
struct CrossRollUpTests {
    @Test func aParentCountsItsChildrensAnswersOnce() throws {
        let (store, stored) = try TaggingTests.sampleStore()
        _ = try TaggingTests.tag(store, stored)
        let parents = Set(stored.codebook.parents.values)
        #expect(!parents.isEmpty, "the sample codebook has a tree")
        var spec = CrossSpec(rows: .theme, cols: .district)
        spec.codebook = stored
        spec.minCell = 0
        spec.unit = .answers
        let table = CrossTabulation.tabulate(CrossEngine.counts(try store.crossFacts(spec), spec: spec), spec: spec)
        for parent in parents.sorted() {
            var filter = AnswerFilter()
            filter.codebook = stored.codebook.id
            filter.themes = stored.codebook.descendants(of: parent)
            let hits = try store.answers(matching: filter, codebook: stored).hits
            #expect(!hits.isEmpty, "\(parent)")
            for district in table.colValues {
                let expected = Set(hits.filter { ($0.district ?? CrossSpec.unknown) == district }.map(\.answer)).count
                #expect(table.cell(parent, district)?.n == expected, "\(parent) × \(district)")
            }
        }
    }
}

/// The words kept with each answer theme (`answerTheme.matched`, what quotes are chosen by) are what the tags say, however
/// the rows were written: by a first run's fast path, by a coder's decisions (a few respondents rebuilt) and by a
/// whole rebuild.
struct MatchedWordsTests {
    static func fromTags(_ store: KartlaggningStore, revision: Int) throws -> [String] {
        try store.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT e.themeId || ' ' || e.answerId || ' ' || e.matched || ' ' || (
                        SELECT COALESCE(SUM(json_array_length(s.spans)), 0) FROM tag s WHERE s.answerId = e.answerId
                            AND s.codebookId = e.codebookId AND s.themeId = e.themeId AND s.coder = 'auto' AND s.revision = ?
                            AND s.spans IS NOT NULL)
                    FROM answerTheme e WHERE e.codebookId = 'bygdsam' ORDER BY e.themeId, e.answerId
                    """, arguments: [revision])
        }
    }

    static func mismatches(_ rows: [String]) -> [String] {
        rows.filter { row in
            let parts = row.split(separator: " ")
            return parts.count != 4 || parts[2] != parts[3]
        }
    }

    @Test func keptWordsAreTheTagsSpans() throws {
        let (store, stored) = try TaggingTests.sampleStore()
        _ = try TaggingTests.tag(store, stored)
        let afterRun = try Self.fromTags(store, revision: stored.revision)
        #expect(afterRun.count > 100)
        #expect(Self.mismatches(afterRun).isEmpty)
        // Some answer's theme fired by several patterns or spans: its words are their sum.
        #expect(afterRun.contains { Int($0.split(separator: " ")[2]) ?? 0 > 1 })
        // A coder confirms one theme (kept with its auto words) and says "not" to another (gone).
        let picked = try store.read { db in
            try String.fetchAll(
                db, sql: "SELECT answerId || ' ' || themeId FROM answerTheme WHERE codebookId = 'bygdsam' AND matched > 0 LIMIT 2")
        }.map { $0.split(separator: " ").map(String.init) }
        #expect(picked.count == 2)
        let decisions = zip(picked, [false, true]).compactMap { pair, negative in
            Int64(pair[0]).map { ManualTag(answer: .id($0), theme: pair[1], coder: "anna", negative: negative) }
        }
        try store.setManualTags(decisions, codebook: stored)
        let afterCoding = try Self.fromTags(store, revision: stored.revision)
        #expect(Self.mismatches(afterCoding).isEmpty)
        #expect(afterCoding.count == afterRun.count - 1)
        // Rebuilt whole, as a stale table is: the same rows.
        try store.write { db in try store.rebuildRespondentThemes(stored, db: db) }
        #expect(try Self.fromTags(store, revision: stored.revision) == afterCoding)
        #expect(try store.verify().allSatisfy(\.passed))
    }

    /// A tagged file of schema 15 gets the words when it is upgraded: the same as tagging writes.
    @Test func aTaggedFileOfSchema15GetsTheWordsWhenUpgraded() throws {
        let folder = TemporaryDirectory()
        let path = folder.path("v15.sqlite")
        let tagged: [String]
        do {
            let (store, stored) = try TaggingTests.sampleStore(path: path)
            _ = try TaggingTests.tag(store, stored)
            tagged = try Self.fromTags(store, revision: stored.revision)
            try store.writer.write { db in
                try db.execute(
                    sql: """
                        DROP INDEX answerTheme_rank;
                        ALTER TABLE answerTheme DROP COLUMN matched;
                        DROP TRIGGER termIndex_gap;
                        ALTER TABLE termIndexState DROP COLUMN completeThrough;
                        DELETE FROM grdb_migrations WHERE identifier IN (
                            'v16: matched words kept with answer themes', 'v17: answer themes by words matched',
                            'v18: term index complete through an answer');
                        PRAGMA user_version = 15;
                        """)
            }
        }
        let store = try KartlaggningStore(path: path, mode: .existing)
        let stored = try store.codebook(id: "bygdsam")
        #expect(try store.appliedMigrations().count == KartlaggningStore.schemaVersion)
        let upgraded = try Self.fromTags(store, revision: stored.revision)
        #expect(upgraded == tagged && Self.mismatches(upgraded).isEmpty)
    }
}
