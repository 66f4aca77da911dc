import ArgumentParser
import Foundation
import KartlaggningCore
import KartlaggningModel

/// The `--db` option every command takes. Commands that only read open the file read-only.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $KARTLAGG_DB, else ./kartlaggning.sqlite).", valueName: "path"))
    var db: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["KARTLAGG_DB"] ?? "kartlaggning.sqlite" }

    /// Opens the database read-only: nothing a reader does can change the file.
    func openForReading() throws -> KartlaggningStore {
        try KartlaggningStore(path: path, mode: .readOnly)
    }
}

/// `--db` and `--wait`, for the commands that write.
struct WritingDatabaseOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How long to wait for another command that is writing the database (default: as long as it takes).",
            valueName: "seconds"))
    var wait: Double?

    var path: String { database.path }

    /// Opens the database to write, creating it when `creating`; migrates an older file (after a backup).
    /// While another process writes, says so once on stderr and waits.
    func open(creating: Bool) throws -> KartlaggningStore {
        let waiting = KartlaggningStore.Waiting(
            limit: wait,
            onWait: {
                WaitNotice.once {
                    FileHandle.standardError.write(
                        Data("waiting for another kartlagg command (an import or tag run) to finish writing…\n".utf8))
                }
            })
        return try KartlaggningStore(path: path, mode: creating ? .create : .existing, waiting: waiting)
    }

    func validate() throws {
        if let wait, wait < 0 || !wait.isFinite { throw ValidationError("--wait takes a number of seconds, 0 or more") }
    }
}

/// Prints the waiting line once per process, however often SQLite asks.
enum WaitNotice {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var said = false

    static func once(_ say: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        if !said {
            said = true
            say()
        }
    }
}

/// `--format text|json` for commands whose output scripts read.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
