import Foundation
import TestSupport
import Testing

@testable import KartlaggningImport

struct JSONReaderTests {
    static func records(_ text: String, name: String = "svar.json", format: SourceFormat = .json) throws -> [JSONRecord] {
        let folder = TemporaryDirectory()
        let path = folder.write(name, text)
        let reader = try JSONRecordReader(path: path, file: name, options: ReadOptions(), format: format)
        var records: [JSONRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    @Test func arrayOfRecordsWithNestedObjectsAndLists() throws {
        let records = try Self.records(
            """
            [
              {"id": "A1", "svar": {"bredband": 4, "kommentar": "Bra \\"fiber\\""}, "behov": ["Lokaler", "Kompetens"], "tom": null},
              {"id": "A2", "ja": true, "tal": 1.50}
            ]
            """)
        #expect(records.count == 2)
        #expect(records[0].cells["svar.bredband"] == .value("4"))
        #expect(records[0].cells["svar.kommentar"] == .value("Bra \"fiber\""))
        #expect(records[0].cells["behov"] == .list(["Lokaler", "Kompetens"]))
        #expect(records[0].cells["tom"] == JSONCell.null)
        #expect(records[1].cells["ja"] == .value("true"))
        #expect(records[1].cells["tal"] == .value("1.50"))
        #expect(records.map(\.line) == [2, 3])
        #expect(records.map(\.index) == [1, 2])
    }

    @Test func defaultsApplyToEveryRecordAndRecordsWin() throws {
        let records = try Self.records(
            """
            {"records": [{"id": "T1", "mote": {"plats": "Bjästa"}}, {"id": "T2"}],
             "defaults": {"mote": {"datum": "2025-05-06", "plats": "Biblioteket"}}}
            """)
        #expect(records.map { $0.cells["mote.datum"] } == [.value("2025-05-06"), .value("2025-05-06")])
        #expect(records.map { $0.cells["mote.plats"] } == [.value("Bjästa"), .value("Biblioteket")])
    }

    @Test func ndjsonByExtensionAndByContent() throws {
        let text = "{\"id\": 1}\n{\"id\": 2}\n\n{\"id\": 3}\n"
        #expect(try Self.records(text, name: "svar.ndjson", format: .ndjson).map(\.line) == [1, 2, 4])
        #expect(try Self.records(text).map { $0.cells["id"] } == [.value("1"), .value("2"), .value("3")])
    }

    @Test func arrayElementsOfObjectsGetIndexKeys() throws {
        let records = try Self.records(#"[{"kontakter": [{"roll": "ordförande"}, {"roll": "kassör"}]}]"#)
        #expect(records[0].cells["kontakter.0.roll"] == .value("ordförande"))
        #expect(records[0].cells["kontakter.1.roll"] == .value("kassör"))
    }

    @Test func unicodeEscapesAndSurrogates() throws {
        let records = try Self.records(#"[{"t": "N\u00e4tra \ud83c\udf32"}]"#)
        #expect(records[0].cells["t"] == .value("Nätra 🌲"))
    }

    static let syntaxErrors: [(text: String, line: Int, column: Int, fragment: String)] = [
        ("[\n  {\"a\": 1,}\n]", 2, 11, "expected a string key"),
        ("[\n  {\"a\": 1}\n  {\"a\": 2}\n]", 3, 3, "expected ',' or ']' between records"),
        ("[{\"a\": tru}]", 1, 8, "invalid literal"),
        ("[{\"a\": \"öppen}]", 1, 16, "unterminated string"),
        ("[{\"a\": 01}]", 1, 8, "invalid number 01"),
    ]

    @Test(arguments: syntaxErrors.indices)
    func syntaxErrorsNameLineAndColumn(index: Int) throws {
        let entry = Self.syntaxErrors[index]
        do {
            _ = try Self.records(entry.text)
            Issue.record("no error for \(entry.text)")
        } catch let ImportError.jsonSyntax(file, line, column, message) {
            #expect(file == "svar.json")
            #expect(line == entry.line)
            #expect(column == entry.column)
            #expect(message.contains(entry.fragment), "\(message)")
        }
    }

    @Test func wrongShapesAreExplained() throws {
        #expect(
            throws: ImportError.jsonShape(
                file: "svar.json", line: 1,
                message: "found an object with \"id\"; kartlagg reads an array of records, an object with \"records\" (and "
                    + "optional \"defaults\"), KoboToolbox's {\"results\": […]} and ODK Central's {\"value\": […]}; export the "
                    + "answers as CSV or XLSX from the tool, or write them as an array of flat objects")
        ) {
            try Self.records(#"{"id": 1}"#)
        }
        #expect(throws: ImportError.jsonShape(file: "svar.json", line: 1, message: "record 2 is not an object")) {
            try Self.records(#"[{"id": 1}, 2]"#)
        }
        #expect(throws: ImportError.jsonShape(file: "svar.json", line: 1, message: "\"defaults\" must be an object")) {
            try Self.records(#"{"records": [], "defaults": 3}"#)
        }
    }

    /// RFC 8259 numbers: the seven the issue found accepted, and their kin, are refused; valid ones pass as written.
    static let invalidNumbers = [
        "1.", "-2.", "-.123", "0.e1", "2.e3", "2.e+3", "2.e-3", ".5", "+1", "1e", "1e+", "--1", "1.2.3", "0x10", "01", "-01",
    ]
    static let validNumbers = ["0", "-0", "1", "-12", "0.5", "-0.5", "1e5", "1E+5", "2.5e-3", "10", "123456789012345678901234567890"]

    @Test(arguments: invalidNumbers)
    func numbersOutsideRFC8259AreRefused(number: String) throws {
        #expect(!JSONParser.isNumber(Array(number.utf8)))
        do {
            _ = try Self.records("[{\"a\": \(number)}]")
            Issue.record("\(number) was accepted")
        } catch let ImportError.jsonSyntax(_, _, _, message) {
            #expect(message.contains("invalid number") || message.contains("unexpected character") || number == "0x10", "\(message)")
        }
    }

    @Test(arguments: validNumbers)
    func numbersOfRFC8259Pass(number: String) throws {
        #expect(JSONParser.isNumber(Array(number.utf8)))
        #expect(try Self.records("[{\"a\": \(number)}]").first?.cells["a"] == .value(number))
    }

    @Test func hugeStringsAndRecordsHitTheLimits() throws {
        let folder = TemporaryDirectory()
        let big = folder.write("big.json", "[{\"a\": \"" + String(repeating: "x", count: 2_000) + "\"}]")
        let limits = ReadLimits(cellBytes: 1_000, columns: 5, rowBytes: 100_000)
        #expect(
            throws: ImportError.limitExceeded(
                file: "big.json", line: 1, what: "a string is larger than 1000 bytes", limit: .cellSize)
        ) {
            let reader = try JSONRecordReader(path: big, file: "big.json", options: ReadOptions(limits: limits), format: .json)
            while try reader.next() != nil {}
        }
        let wide = folder.write("wide.json", "[{" + (1...6).map { "\"k\($0)\": 1" }.joined(separator: ", ") + "}]")
        #expect(
            throws: ImportError.limitExceeded(file: "wide.json", line: 1, what: "an object has more than 5 keys", limit: .columns)
        ) {
            let reader = try JSONRecordReader(path: wide, file: "wide.json", options: ReadOptions(limits: limits), format: .json)
            while try reader.next() != nil {}
        }
    }
}
