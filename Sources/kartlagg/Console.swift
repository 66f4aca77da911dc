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
