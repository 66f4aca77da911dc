import Foundation
import GRDB
import Testing
import TestSupport

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
            StoreError.olderSchema(path: path, found: 3, known: KartlaggningStore.schemaVersion).errorDescription?.contains("kartlagg init")
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
