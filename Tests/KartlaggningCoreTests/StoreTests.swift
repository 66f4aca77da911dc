import Foundation
import GRDB
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningCore

struct StoreTests {
    @Test func openingTwiceMigratesOnce() throws {
        let folder = TemporaryDirectory()
        let path = folder.path("k.sqlite")
        _ = try KartlaggningStore(path: path)
        let again = try KartlaggningStore(path: path)
        #expect(
            try again.appliedMigrations() == [
                "v1: surveys, districts, respondents, answers, imports", "v2: codebooks, themes, tags",
                "v3: respondent themes for cross-tabs", "v4: answer-level upsert, tag review and archive, erasures",
                "v5: district groups", "v6: technical columns", "v7: import changes and undo", "v8: data version", "v9: term index",
                "v10: area maps", "v11: answer themes", "v12: kept counts", "v13: tagging figures kept", "v14: interview dates kept",
                "v15: tags by theme read from answerTheme", "v16: matched words kept with answer themes",
                "v17: answer themes by words matched", "v18: term index complete through an answer",
                "v19: organisations indexed", "v20: theme digest",
            ])
    }

    @Test func missingDatabaseForReadersIsAClearError() throws {
        let folder = TemporaryDirectory()
        let path = folder.path("none.sqlite")
        #expect(throws: StoreError.missingDatabase(path: path)) { try KartlaggningStore(path: path, mode: .existing) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func notADatabase() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("notes.sqlite", String(repeating: "Detta är ingen databas.\n", count: 100))
        #expect(throws: StoreError.cannotOpen(path: path, reason: "the file is not a SQLite database")) {
            try KartlaggningStore(path: path)
        }
        #expect(throws: StoreError.cannotOpen(path: folder.url.path, reason: "it is a directory")) {
            try KartlaggningStore(path: folder.url.path)
        }
    }

    @Test func walAndForeignKeys() throws {
        let folder = TemporaryDirectory()
        let store = try KartlaggningStore(path: folder.path("k.sqlite"))
        let (mode, keys) = try store.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(keys == 1)
    }

    /// A new file gets 16 KB pages; a file made with SQLite's default 4 KB keeps them, opened and written as before.
    @Test func newFilesHaveLargePagesAndOldOnesKeepTheirs() throws {
        let folder = TemporaryDirectory()
        let store = try KartlaggningStore(path: folder.path("k.sqlite"))
        #expect(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == KartlaggningStore.pageSize)
        #expect(KartlaggningStore.pageSize == 16_384)
        let old = folder.path("gammal.sqlite")
        let made = try DatabaseQueue(path: old)
        try made.write { db in try db.execute(sql: "CREATE TABLE x (y)") }
        try made.close()
        let opened = try KartlaggningStore(path: old)
        try opened.addSurvey(StoreFixtures.companySurvey)
        #expect(try opened.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == 4_096)
        #expect(try opened.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM survey") } == 1)
    }

    @Test func surveyAddIsIdempotentAndGuardsAnsweredQuestions() throws {
        let store = try StoreFixtures.companyStore()
        #expect(try store.addSurvey(StoreFixtures.companySurvey) == .unchanged)
        var changed = StoreFixtures.companySurvey
        changed.title = "Ny titel"
        #expect(try store.addSurvey(changed) == .replaced)
        #expect(try store.survey(id: "test-foretag").title == "Ny titel")
        #expect(try store.surveys().map(\.id) == ["test-foretag"])
    }

    @Test func districtRegistryRoundTripsAndRejectsConflicts() throws {
        let store = try KartlaggningStore.inMemory()
        try store.loadDistricts(StoreFixtures.districts)
        #expect(try store.districtRegistry() == StoreFixtures.districts)
        let conflicting = DistrictRegistry(districts: [
            District(name: "Nätra", serviceTowns: ["Bjästa"]), District(name: "Anundsjö", aliases: ["BJÄSTA"]),
        ])
        #expect(throws: StoreError.districtConflict("\"BJÄSTA\" names both Nätra and Anundsjö")) { try store.loadDistricts(conflicting) }
        #expect(try store.districtRegistry() == StoreFixtures.districts)
    }

    /// A district's group (`group:` in the registry) is stored, read back, changed by a new load and decoded from YAML
    /// with blank groups left out.
    @Test func districtGroupsRoundTrip() throws {
        let store = try KartlaggningStore.inMemory()
        let grouped = DistrictRegistry(districts: [
            District(name: "Nätra", group: "Kusten"), District(name: "Anundsjö", group: "Inlandet"), District(name: "BLT"),
        ])
        try store.loadDistricts(grouped)
        #expect(try store.districtRegistry().districts.map(\.group) == ["Kusten", "Inlandet", nil])
        var moved = grouped
        moved.districts[0].group = nil
        try store.loadDistricts(moved)
        #expect(try store.districtRegistry().districts.map(\.group) == [nil, "Inlandet", nil])
        let decoded = try JSONDecoder().decode(
            District.self, from: Data(#"{"name": "Nätra", "group": "  "}"#.utf8))
        #expect(decoded.group == nil)
    }

    /// Each bin holds its lower edge; values below the first edge and from the last one have bins of their own.
    @Test func binsLabelEveryValue() {
        let bins = Bins([50, 0, 10])
        #expect(bins.labels == ["<0", "0–10", "10–50", "50+"])
        #expect([-1, 0, 9.99, 10, 49, 50, 1e9].map { bins.label(of: $0) } == ["<0", "0–10", "0–10", "10–50", "10–50", "50+", "50+"])
        #expect(Bins([0.5]).labels == ["<0.5", "0.5+"])
        #expect(Bins([]).label(of: 3) == nil)
    }

    /// The library's messages name no command-line flags (the CLI adds them where one fixes the problem).
    @Test func storeErrorsNameNoFlags() {
        let errors: [StoreError] = [
            .unitNeedsTheme(unit: "answers"), .binsNeeded(question: "anstallda", type: "integer"),
            .fullTextQuery(text: "buss AND", reason: "syntax error"),
            .surveyHasAnswers(survey: "s", respondents: 2, answers: 4, manualTags: 1), .reservedCoder,
        ]
        for error in errors {
            let text = error.errorDescription ?? ""
            #expect(!text.isEmpty && !text.contains("--"), "\(text)")
        }
    }

    @Test func matchKeysFoldCaseDiacriticsAndSpacing() {
        #expect(MatchKey.make("  NÄTRA  område ") == "natra omrade")
        #expect(MatchKey.header("Nöjd  med\nbredband") == "nöjd med bredband")
    }

    @Test func jsonTextEscapes() {
        #expect(JSONText.string("a\"b\\c\nd\u{01}") == #""a\"b\\c\nd\u0001""#)
        #expect(JSONText.object(["b": "2", "a": "1"]) == #"{"a":"1","b":"2"}"#)
    }
}
