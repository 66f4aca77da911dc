import Foundation

/// Changes a database behind kartlagg's back, as another program would: Python's sqlite3, in its own process.
public enum SQLiteScript {
    /// Runs Python code with `db` bound to a sqlite3 connection of `path`, and returns its exit status and stderr.
    @discardableResult
    public static func run(_ path: String, _ code: String) throws -> (status: Int32, stderr: String) {
        let process = try start(path, code)
        process.waitUntilExit()
        let errors = (process.standardError as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        return (process.terminationStatus, String(decoding: errors, as: UTF8.self))
    }

    /// Starts Python code with `db` bound to a sqlite3 connection in autocommit mode (`isolation_level=None`: the
    /// script manages its own transactions with `db.execute("BEGIN …")`), and returns at once.
    public static func start(_ path: String, _ code: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = "import sqlite3, sys, time\ndb = sqlite3.connect(sys.argv[1], isolation_level=None)\n" + code + "\ndb.close()\n"
        process.arguments = ["python3", "-c", script, path]
        process.standardError = Pipe()
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }
}
