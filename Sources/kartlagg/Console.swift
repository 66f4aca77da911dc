import ArgumentParser
import Foundation
import KartlaggningCore
import KartlaggningModel

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
        } catch let error as StoreError {
            Self.error(commandLine(error))
            throw ExitCode(1)
        } catch let error as LocalizedError {
            Self.error(error.errorDescription ?? "\(error)")
            throw ExitCode(1)
        } catch {
            Self.error("\(error)")
            throw ExitCode(1)
        }
    }

    /// A store error in the command line's words: the flag that fixes it, where there is one (the library's own
    /// messages name no flags).
    static func commandLine(_ error: StoreError) -> String {
        switch error {
        case .unitNeedsTheme(let unit): "crosstab: --count \(unit) needs theme as the rows or the columns"
        case .binsNeeded(let question, let type):
            "crosstab: \"\(question)\" is a \(type) question: give --bins, e.g. --bins 0,10,50,250"
        case .fullTextQuery(let text, let reason): "database: --text \"\(text)\": \(reason)"
        case .surveyHasAnswers(let survey, let respondents, let answers, let manualTags):
            "survey \"\(survey)\": it has \(respondents) respondent\(respondents == 1 ? "" : "s") and \(answers) answer\(answers == 1 ? "" : "s")"
                + (manualTags > 0 ? " with \(manualTags) coder tag\(manualTags == 1 ? "" : "s")" : "")
                + "; --force removes them all, after writing a copy of the database beside it"
        default: error.errorDescription ?? "\(error)"
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
