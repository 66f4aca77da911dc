import Foundation
import TestSupport
import Testing

/// The layering ARCHITECTURE.md draws, read from Package.swift: which library target may build on which, that every
/// module a target imports is one it declares (not one it happens to reach through another), and that only the store
/// speaks SQL through GRDB.
struct PackageLayeringTests {
    /// A target as Package.swift declares it: its name, where its sources are, and the targets and products it uses.
    struct Target {
        var name: String
        var directory: String
        var dependencies: Set<String>
    }

    /// The targets of Package.swift, parsed from its text (each `.target`, `.testTarget`, `.executableTarget`).
    static func targets() throws -> [Target] {
        let text = try String(contentsOf: Paths.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        var targets: [Target] = []
        let kinds = try Regex(#"\.(target|testTarget|executableTarget)\(\s*name: "([^"]+)""#)
        for match in text.matches(of: kinds) {
            let kind = String(match.output[1].substring ?? "")
            let name = String(match.output[2].substring ?? "")
            // The declaration runs to the next target's.
            let rest = text[match.range.upperBound...]
            let end = rest.firstMatch(of: kinds)?.range.lowerBound ?? rest.endIndex
            let declaration = String(rest[..<end])
            var dependencies = Set<String>()
            if let list = declaration.firstRange(of: "dependencies: [") {
                var depth = 1
                var index = list.upperBound
                while index < declaration.endIndex && depth > 0 {
                    if declaration[index] == "[" { depth += 1 }
                    if declaration[index] == "]" { depth -= 1 }
                    index = declaration.index(after: index)
                }
                let body = String(declaration[list.upperBound..<index])
                let product = try Regex(#"\.product\(name: "([^"]+)""#)
                for match in body.matches(of: product) { dependencies.insert(String(match.output[1].substring ?? "")) }
                let plain = body.replacing(product, with: "")
                for match in plain.matches(of: try Regex(#""([^"]+)""#)) {
                    dependencies.insert(String(match.output[1].substring ?? ""))
                }
            }
            let path = try Regex(#"path: "([^"]+)""#)
            let directory =
                declaration.firstMatch(of: path).map { String($0.output[1].substring ?? "") }
                ?? (kind == "testTarget" ? "Tests/\(name)" : "Sources/\(name)")
            targets.append(Target(name: name, directory: directory, dependencies: dependencies))
        }
        return targets
    }

    /// The modules a directory's Swift files import.
    static func imports(in directory: String) throws -> [String: String] {
        let root = Paths.packageRoot.appendingPathComponent(directory)
        var found: [String: String] = [:]
        guard let files = FileManager.default.enumerator(atPath: root.path) else { return found }
        let statement = try Regex(#"^(?:@testable |@preconcurrency )?import (?:struct |enum |class )?([A-Za-z_]+)"#)
        for case let file as String in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                if let match = line.firstMatch(of: statement) { found[String(match.output[1].substring ?? ""), default: file] = file }
            }
        }
        return found
    }

    /// The toolchain's own modules, which no target declares.
    static let toolchain: Set<String> = ["Foundation", "FoundationNetworking", "Dispatch", "Glibc", "Darwin", "Testing", "XCTest"]

    @Test func everyImportIsDeclared() throws {
        let targets = try Self.targets()
        #expect(targets.count >= 15)
        for target in targets {
            for (module, file) in try Self.imports(in: target.directory)
            where !Self.toolchain.contains(module) && !target.dependencies.contains(module) && module != target.name {
                Issue.record("\(target.directory)/\(file) imports \(module), which \(target.name) does not declare in Package.swift")
            }
        }
    }

    @Test func theLibrariesAreLayeredAsTheArchitectureSays() throws {
        let libraries: [String: Set<String>] = [
            "KartlaggningModel": [],
            "KartlaggningCore": ["KartlaggningModel"],
            "KartlaggningAnalysis": ["KartlaggningModel"],
            "KartlaggningImport": ["KartlaggningModel", "KartlaggningCore", "KartlaggningAnalysis"],
            "KartlaggningReport": ["KartlaggningModel", "KartlaggningAnalysis"],
            "KartlaggningReportBuilder": ["KartlaggningModel", "KartlaggningCore", "KartlaggningAnalysis", "KartlaggningReport"],
            "KartlaggningServe": [
                "KartlaggningModel", "KartlaggningCore", "KartlaggningAnalysis", "KartlaggningReport", "KartlaggningReportBuilder",
            ],
        ]
        let targets = Dictionary(uniqueKeysWithValues: try Self.targets().map { ($0.name, $0) })
        for (name, allowed) in libraries {
            let target = try #require(targets[name])
            #expect(target.dependencies.filter { $0.hasPrefix("Kartlaggning") } == allowed, "\(name)")
        }
        // SQL through GRDB is the store's alone: no other library target imports it.
        for (name, target) in targets where name.hasPrefix("Kartlaggning") && name != "KartlaggningCore" && !name.hasSuffix("Tests") {
            #expect(try Self.imports(in: target.directory)["GRDB"] == nil, "\(name) imports GRDB")
        }
    }
}
