import Foundation
import TestSupport
import Testing

@testable import KartlaggningImport

/// Reads a CSV file the way the importer does: header plus rows keyed by it.
func readTable(_ path: String, options: ReadOptions = ReadOptions()) throws -> [[String: String]] {
    let table = try SourceTable(path: path, file: path, options: options)
    var rows: [[String: String]] = []
    while let row = try table.next() {
        var object: [String: String] = [:]
        for (name, value) in zip(table.header, row.fields) { object[name] = value }
        rows.append(object)
    }
    return rows
}

struct CSVSpectrumTests {
    static let folder = Paths.conformance.appendingPathComponent("csv-spectrum")

    /// Every case but location_coordinates, whose expected JSON is broken upstream (see SOURCE.txt).
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("csvs").path)) ?? []
        return names.filter { $0.hasSuffix(".csv") && $0 != "location_coordinates.csv" }.map { String($0.dropLast(4)) }.sorted()
    }()

    @Test(.enabled(if: Paths.conformanceAvailable, "../shared/conformance/ is not beside this clone: the public suites cannot run"))
    func suiteIsPresent() {
        #expect(Self.cases.count == 11)
    }

    @Test(
        .enabled(if: Paths.conformanceAvailable, "../shared/conformance/ is not beside this clone: the public suites cannot run"),
        arguments: cases)
    func parsesToExpectedJSON(name: String) throws {
        let csv = Self.folder.appendingPathComponent("csvs/\(name).csv").path
        let json = Self.folder.appendingPathComponent("json/\(name).json")
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [[String: String]]
        #expect(try readTable(csv) == expected, "\(name)")
    }
}
