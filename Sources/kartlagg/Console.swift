import ArgumentParser
import Foundation

/// Printing for commands: results to stdout, problems and progress to stderr.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// A progress callback that rewrites one line on a terminal ("1200 answers tagged…"), or nothing elsewhere.
    static func progress(_ what: String) -> ((Int) -> Void)? {
        guard stderrIsTerminal else { return nil }
        return { n in FileHandle.standardError.write(Data("\r\(n) \(what)…".utf8)) }
    }

    /// Clears the progress line, on a terminal.
    static func clearProgress() {
        if stderrIsTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// Runs `body`, turning any error into one clear line on stderr and exit status 1.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch let error as LocalizedError {
            Self.error(error.errorDescription ?? "\(error)")
            throw ExitCode(1)
        } catch {
            Self.error("\(error)")
            throw ExitCode(1)
        }
    }

    /// Prints `value` as JSON, or as `text` renders it.
    static func emit<T: Encodable>(_ value: T, as format: OutputFormat, text: (T) -> String) throws {
        if format == .json { print(try json(value)) } else { print(text(value), terminator: "") }
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
