import Foundation

/// An outside program a test runs (python3 with pyreadstat, Chromium, pdftotext): its exit status and what it wrote
/// to standard output; what it writes to standard error is dropped.
public struct ExternalTool {
    public var status: Int32
    public var stdout: Data

    public var succeeded: Bool { status == 0 }

    /// Runs `program` — a path, or a name looked up on PATH — with `arguments`, and waits for it.
    public static func run(_ program: String, _ arguments: [String]) throws -> ExternalTool {
        let process = Process()
        if program.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ExternalTool(status: process.terminationStatus, stdout: data)
    }
}
