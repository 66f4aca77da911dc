import Foundation
import GRDB

/// The kartläggning database: one SQLite file holding surveys, districts, respondents, answers and imports.
///
/// The store owns the connection and runs the migrations when it opens, so every user of it sees the
/// current schema. All SQL lives in this target (`Store/Queries/`).
///
/// ```swift
/// let store = try KartlaggningStore(path: "kartlaggning.sqlite")
/// try store.addSurvey(definition)
/// print(try store.status().respondents)
/// ```
public struct KartlaggningStore: Sendable {
    /// The database file, or nil for an in-memory store.
    public let path: String?
    let writer: any DatabaseWriter

    /// How a store opens its file.
    public enum OpenMode: Sendable {
        /// Create the file when it does not exist, and migrate it.
        case create
        /// The file must exist; it is still migrated, so an older file keeps working.
        case existing
    }

    /// Opens (and by default creates) the database at `path`, in WAL mode with foreign keys on.
    /// - Throws: `StoreError.cannotOpen` for a path that is a directory or not a SQLite file,
    ///   `StoreError.missingDatabase` when `mode` is `.existing` and the file is not there.
    public init(path: String, mode: OpenMode = .create) throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw StoreError.cannotOpen(path: path, reason: "it is a directory") }
        if !exists && mode == .existing { throw StoreError.missingDatabase(path: path) }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            throw StoreError.cannotOpen(path: path, reason: "the folder \(folder) does not exist")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: Self.configuration())
            self.path = path
            self.writer = pool
            try Self.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: Self.describe(error))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// A fresh in-memory store, for tests and dry runs of library code.
    public static func inMemory() throws -> KartlaggningStore {
        do {
            let queue = try DatabaseQueue(configuration: configuration())
            try migrator.migrate(queue)
            return KartlaggningStore(writer: queue)
        } catch {
            throw StoreError.database("\(error)")
        }
    }

    private init(writer: any DatabaseWriter) {
        self.path = nil
        self.writer = writer
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // WAL keeps readers going while an import writes; NORMAL is durable enough with WAL.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -16384")
        }
        return configuration
    }

    static func describe(_ error: DatabaseError) -> String {
        if error.resultCode == .SQLITE_NOTADB { return "the file is not a SQLite database" }
        return error.message ?? "\(error.resultCode)"
    }

    /// Runs `body` in a write transaction, turning SQLite errors into `StoreError`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch let error as DatabaseError {
            throw StoreError.database(Self.describe(error))
        }
    }

    /// Runs `body` with read access, turning SQLite errors into `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as DatabaseError {
            throw StoreError.database(Self.describe(error))
        }
    }

    /// The schema version: the names of the migrations applied, in order.
    public func appliedMigrations() throws -> [String] {
        try read { db in try Self.migrator.appliedMigrations(db) }
    }
}
