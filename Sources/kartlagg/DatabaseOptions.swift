import ArgumentParser
import Foundation
import KartlaggningCore

/// The `--db` option every command takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $KARTLAGG_DB, else ./kartlaggning.sqlite).", valueName: "path"))
    var db: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["KARTLAGG_DB"] ?? "kartlaggning.sqlite" }

    /// Opens the database, creating it for commands that write.
    func open(creating: Bool) throws -> KartlaggningStore {
        try KartlaggningStore(path: path, mode: creating ? .create : .existing)
    }
}

/// `--format text|json` for commands whose output scripts read.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
