import Foundation
import GRDB
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningCore

/// Older files are backed up before they are migrated; readers never migrate; newer files are left alone.
struct SchemaVersionTests {
    let folder = TemporaryDirectory()

    /// A database as kartlagg wrote it before migration v4, with one district in it.
    func olderDatabase() throws -> String {
        let path = folder.path("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try KartlaggningStore.migrator.migrate(queue, upTo: "v3: respondent themes for cross-tabs")
        try queue.write { db in try db.execute(sql: "INSERT INTO district (name, position) VALUES ('Nätra', 0)") }
        try queue.close()
        return path
    }

    @Test func aReaderRefusesAnOlderSchemaAndLeavesItAlone() throws {
        let path = try olderDatabase()
        let before = FileManager.default.contents(atPath: path)
        #expect(throws: StoreError.olderSchema(path: path, found: 3, known: KartlaggningStore.schemaVersion)) {
            try KartlaggningStore(path: path, mode: .readOnly)
        }
        #expect(FileManager.default.contents(atPath: path) == before)
        #expect(
            StoreError.olderSchema(path: path, found: 3, known: KartlaggningStore.schemaVersion).errorDescription?.contains(
                "\(Remedy.initDatabase(path: path))")
                == true)
    }

    @Test func aWriterBacksAnOlderFileUpBeforeMigratingIt() throws {
        let path = try olderDatabase()
        let store = try KartlaggningStore(path: path, mode: .existing)
        #expect(try store.appliedMigrations().count == KartlaggningStore.schemaVersion)
        // The backup is the old file: schema v3, with its data.
        let backup = try DatabaseQueue(path: path + ".bak-3")
        let (applied, districts, hasReview) = try backup.read { db in
            (
                try KartlaggningStore.migrator.appliedMigrations(db).count, try String.fetchAll(db, sql: "SELECT name FROM district"),
                try db.tableExists("tagReview")
            )
        }
        #expect(applied == 3 && districts == ["Nätra"] && !hasReview)
        // The migrated file keeps the data and reads.
        #expect(try KartlaggningStore(path: path, mode: .readOnly).districtRegistry().districts.map(\.name) == ["Nätra"])
        let version = try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(version == KartlaggningStore.schemaVersion)
    }

    /// v15 drops the index of tags by theme from a v14 file, and only that: tags and the other indexes stay.
    @Test func v15DropsTheTagsByThemeIndexAndNothingElse() throws {
        let path = folder.path("v14.sqlite")
        let queue = try DatabaseQueue(path: path)
        try KartlaggningStore.migrator.migrate(queue, upTo: "v14: interview dates kept")
        func indexes(_ db: Database) throws -> [String] {
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tag' AND sql IS NOT NULL ORDER BY name")
        }
        let before = try queue.read(indexes)
        #expect(before == ["tag_answer", "tag_manual", "tag_theme"])
        try queue.close()
        _ = try KartlaggningStore(path: path, mode: .existing)
        let after = try DatabaseQueue(path: path).read(indexes)
        #expect(after == ["tag_answer", "tag_manual"])
    }

    /// v7 rebuilds the import table without its unique file constraint: imports, respondents, answers, their
    /// provenance and the review flags that point at an import all survive it.
    @Test func theImportTableRebuildKeepsEverything() throws {
        let path = folder.path("v6.sqlite")
        let queue = try DatabaseQueue(path: path)
        try KartlaggningStore.migrator.migrate(queue, upTo: "v6: technical columns")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO survey (id, title, definition, addedAt) VALUES ('s', 'S', '{}', 'x');
                    INSERT INTO question (surveyId, id, position, sourceColumn, text, type) VALUES ('s', 'q', 0, 'Q', 'Q', 'text');
                    INSERT INTO importBatch (id, surveyId, fileName, sha256, format, importedAt, rowsRead, added)
                        VALUES (4, 's', 'svar.csv', 'abc', 'csv', '2025-03-01T10:00:00Z', 1, 1);
                    INSERT INTO respondent (id, surveyId, externalId, kind, batchId, sourceLine, sourceRecord)
                        VALUES (1, 's', 'R1', 'inspel', 4, 2, 1);
                    INSERT INTO answer (id, respondentId, questionKey, raw, isFreeText)
                        VALUES (1, 1, (SELECT key FROM question), 'Mer buss', 1);
                    INSERT INTO answerText (rowid, raw) VALUES (1, 'Mer buss');
                    INSERT INTO tag (id, answerId, codebookId, themeId, coder, createdAt) VALUES (1, 1, 'k', 't', 'Anna', 'x');
                    INSERT INTO tagReview (tagId, previousRaw, batchId, flaggedAt) VALUES (1, 'Buss', 4, 'x');
                    """)
        }
        try queue.close()
        let store = try KartlaggningStore(path: path, mode: .existing)
        #expect(try store.imports().map { "\($0.id) \($0.fileName) \($0.sha256) \($0.added)" } == ["4 svar.csv abc 1"])
        #expect(try store.tagsNeedingReview().map(\.previousText) == ["Buss"])
        let failed = try store.verify().filter { !$0.passed }
        #expect(failed.isEmpty, "\(failed.map { "\($0.name): \($0.detail)" })")
        let (provenance, violations) = try DatabaseQueue(path: path).read { db in
            (
                try String.fetchAll(db, sql: "SELECT fileName FROM answerProvenance"),
                try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
            )
        }
        #expect(provenance == ["svar.csv"] && violations == 0)
    }

    @Test func aCurrentFileIsNotBackedUp() throws {
        let path = folder.path("new.sqlite")
        _ = try KartlaggningStore(path: path)
        _ = try KartlaggningStore(path: path, mode: .existing)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(!files.contains { $0.contains(".bak-") })
    }

    @Test func aNewerFileIsRefusedByReadersAndWriters() throws {
        let path = folder.path("future.sqlite")
        _ = try KartlaggningStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: a future feature')") }
        try queue.close()
        let expected = StoreError.newerSchema(
            path: path, found: KartlaggningStore.schemaVersion + 1, known: KartlaggningStore.schemaVersion,
            unknownMigrations: ["v99: a future feature"])
        #expect(throws: expected) { try KartlaggningStore(path: path, mode: .readOnly) }
        #expect(throws: expected) { try KartlaggningStore(path: path, mode: .existing) }
    }
}
