import Foundation
import KartlaggningCore
import KartlaggningModel
import TestSupport
import Testing

/// The libraries speak no command line: no string literal in a library target names a flag (`--header-row`) or a
/// `kartlagg` command; they name a typed ``Remedy`` and the command-line tool words it (CommandLineWording).
struct LibraryWordingTests {
    /// The tool's commands, as a message would name them after `kartlagg `.
    static let commands = [
        "init", "survey", "districts", "import", "imports", "export", "status", "codebook", "tag", "query", "themes",
        "terms", "agreement", "crosstab", "report", "serve", "stem", "backup", "forget", "audit",
    ]

    /// Every string literal's text in the library targets, with its file and line (comments left out).
    static func libraryStrings() throws -> [(place: String, text: String)] {
        let sources = Paths.packageRoot.appendingPathComponent("Sources")
        var found: [(String, String)] = []
        let targets = try FileManager.default.contentsOfDirectory(atPath: sources.path)
            .filter { $0 != "kartlagg" && $0.hasPrefix("Kartlaggning") }
        #expect(targets.count >= 6)
        for target in targets {
            let root = sources.appendingPathComponent(target)
            guard let files = FileManager.default.enumerator(atPath: root.path) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                var inMultiline = false
                for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let place = "\(target)/\(file):\(index + 1)"
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    if inMultiline {
                        if trimmed.hasPrefix("\"\"\"") { inMultiline = false } else { found.append((place, String(line))) }
                        continue
                    }
                    if trimmed.hasPrefix("//") { continue }
                    if trimmed.hasSuffix("\"\"\"") && trimmed.components(separatedBy: "\"\"\"").count == 2 {
                        inMultiline = true
                        continue
                    }
                    // The text between quotes (escaped quotes kept inside).
                    var inString = false
                    var escaped = false
                    var current = ""
                    for character in line {
                        if inString {
                            if escaped {
                                escaped = false
                                current.append(character)
                            } else if character == "\\" {
                                escaped = true
                                current.append(character)
                            } else if character == "\"" {
                                found.append((place, current))
                                current = ""
                                inString = false
                            } else {
                                current.append(character)
                            }
                        } else if character == "\"" {
                            inString = true
                        }
                    }
                }
            }
        }
        return found
    }

    @Test func noLibraryStringNamesAFlagOrACommand() throws {
        let strings = try Self.libraryStrings()
        #expect(strings.count > 1000)
        // A flag: `--word` after a space, quote, backtick or bracket, but not CSS's `var(--ink)` or `--ink: #222`.
        let flag = try Regex(#"(^|[\s`(\[{'])--[a-z][a-z0-9-]*(?![a-z0-9-]|\s*:)"#)
        let command = try Regex("kartlagg (" + Self.commands.joined(separator: "|") + ")\\b")
        let offending = strings.filter { _, text in
            let withoutCSS = text.replacingOccurrences(of: "var(--", with: "var(")
            return withoutCSS.contains(flag) || text.contains(command)
        }
        #expect(offending.isEmpty, "\(offending.map { "\($0.place): \($0.text)" }.joined(separator: "\n"))")
    }

    /// The patterns find a flag and a command where a message would name them, and leave CSS custom properties alone.
    @Test func theScannerFindsFlagsAndCommands() throws {
        let flag = try Regex(#"(^|[\s`(\[{'])--[a-z][a-z0-9-]*(?![a-z0-9-]|\s*:)"#)
        #expect("or pass --last-wins to keep".contains(flag))
        #expect("(`--sheet NAME`)".contains(flag))
        #expect(!":root { --ink: #222; }".contains(flag))
        #expect("kartlagg tag review".contains(try Regex("kartlagg (" + Self.commands.joined(separator: "|") + ")\\b")))
        #expect(!"a -- b".contains(flag))
    }
}
