import Foundation
import TestSupport
import Testing

@testable import KartlaggningImport

struct CSVParserTests {
    static func rows(
        _ text: String, delimiter: String? = nil, headerRow: Int = 1, lenientQuotes: Bool = false, limits: ReadLimits = ReadLimits()
    ) throws -> (header: [String], rows: [CSVRow]) {
        let folder = TemporaryDirectory()
        let path = folder.write("t.csv", text)
        let options = ReadOptions(delimiter: delimiter, headerRow: headerRow, lenientQuotes: lenientQuotes, limits: limits)
        let table = try SourceTable(path: path, file: "t.csv", options: options)
        var rows: [CSVRow] = []
        while let row = try table.next() { rows.append(row) }
        return (table.header, rows)
    }

    static let lineEndings: [(String, String)] = [("LF", "\n"), ("CRLF", "\r\n"), ("CR", "\r")]

    @Test(arguments: lineEndings.map(\.0))
    func lineEndingsAndLineNumbers(name: String) throws {
        let eol = Self.lineEndings.first { $0.0 == name }!.1
        let text = "a;b\(eol)1;\"två\(eol)rader\"\(eol)\(eol)3;4\(eol)"
        let (header, rows) = try Self.rows(text)
        #expect(header == ["a", "b"])
        #expect(rows.map(\.fields) == [["1", "två\(eol)rader"], ["3", "4"]])
        #expect(rows.map(\.line) == [2, 5])
    }

    @Test func mixedLineEndings() throws {
        let (_, rows) = try Self.rows("a,b\r\n1,2\n3,4\r5,6")
        #expect(rows.map(\.fields) == [["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(rows.map(\.line) == [2, 3, 4])
    }

    @Test func quotesDoubledAndDelimitersInside() throws {
        let (_, rows) = try Self.rows("a;b\n\"Säg \"\"hej\"\"; sa hon\";\"1,5\"\n")
        #expect(rows[0].fields == ["Säg \"hej\"; sa hon", "1,5"])
    }

    @Test func unterminatedQuoteNamesTheLineItStarts() throws {
        #expect(throws: ImportError.unterminatedQuote(file: "t.csv", line: 3)) {
            try Self.rows("a,b\n1,2\n3,\"öppen\n4,5\n")
        }
    }

    /// Quotes RFC 4180 does not allow are errors naming their line; `lenientQuotes` reads them as Excel does.
    static let strayQuotes: [(text: String, line: Int, inQuoted: Bool, excel: [String])] = [
        ("a,b\n1,2\n5\" skruv,x\n", 3, false, ["5\" skruv", "x"]),
        ("a,b\n\"x\"y,2\n", 2, true, ["xy", "2"]),
        ("a\n\"Hey, I missed \" it\"\n", 2, true, ["Hey, I missed  it\""]),
        ("a,b\n1,\"två\nrader\"x\n", 3, true, ["1", "två\nraderx"]),
        ("a;b\n1;x\"\n", 2, false, ["1", "x\""]),
    ]

    @Test(arguments: strayQuotes.indices)
    func strayQuotesAreErrorsUnlessLenient(index: Int) throws {
        let example = Self.strayQuotes[index]
        #expect(throws: ImportError.strayQuote(file: "t.csv", line: example.line, inQuotedCell: example.inQuoted)) {
            try Self.rows(example.text)
        }
        let (_, rows) = try Self.rows(example.text, lenientQuotes: true)
        #expect(rows.last?.fields == example.excel)
    }

    @Test func limitsStopHugeCellsRowsAndHeadersEarly() throws {
        let limits = ReadLimits(cellBytes: 100, columns: 10, rowBytes: 300)
        #expect(throws: ImportError.limitExceeded(file: "t.csv", line: 2, what: "a cell is larger than 100 bytes", limit: .cellSize)) {
            try Self.rows("a,b\n1,\(String(repeating: "x", count: 101))\n", limits: limits)
        }
        #expect(throws: ImportError.limitExceeded(file: "t.csv", line: 2, what: "a cell is larger than 100 bytes", limit: .cellSize)) {
            try Self.rows("a,b\n1,\"\(String(repeating: "x", count: 500))\"\n", limits: limits)
        }
        #expect(throws: ImportError.limitExceeded(file: "t.csv", line: 1, what: "a row has more than 10 cells", limit: .columns)) {
            try Self.rows(Array(repeating: "h", count: 11).joined(separator: ",") + "\n1\n", limits: limits)
        }
        let row = Array(repeating: String(repeating: "y", count: 50), count: 8).joined(separator: ",")
        #expect(
            throws: ImportError.limitExceeded(
                file: "t.csv", line: 2, what: "a row is longer than 300 bytes (a file without line breaks?)", limit: .rowSize)
        ) {
            try Self.rows("a\n" + row + "\n", limits: limits)
        }
        // At the limits exactly, all is read.
        let (header, rows) = try Self.rows(
            (1...10).map { "h\($0)" }.joined(separator: ",") + "\n" + String(repeating: "z", count: 100) + "\n", limits: limits)
        #expect(header.count == 10 && rows[0].fields == [String(repeating: "z", count: 100)])
    }

    @Test func headerRowSkipsPreambleAndMultiRowHeaders() throws {
        let text = "Kartläggning 2025;;\nOm företaget;;Bredband\nNr;Namn;Nöjd (1-5)\n1;Såg;4\n"
        let (header, rows) = try Self.rows(text, headerRow: 3)
        #expect(header == ["Nr", "Namn", "Nöjd (1-5)"])
        #expect(rows.map(\.fields) == [["1", "Såg", "4"]])
        #expect(rows[0].line == 4)
    }

    @Test func headerRowPastTheEnd() throws {
        #expect(throws: ImportError.headerRowOutOfRange(file: "t.csv", headerRow: 5, rows: 2)) {
            try Self.rows("a\n1\n", headerRow: 5)
        }
    }

    @Test func chunkBoundariesInsideCharactersAndQuotes() throws {
        // Long enough to span several 64 KiB chunks, with multi-byte letters and quoted breaks everywhere.
        var text = "id;text\n"
        for i in 0..<5000 { text += "\(i);\"åäö \(i)\nrad två; \"\"citat\"\"\"\n" }
        let (_, rows) = try Self.rows(text)
        #expect(rows.count == 5000)
        #expect(rows[4321].fields == ["4321", "åäö 4321\nrad två; \"citat\""])
        #expect(rows[4321].line == 2 + 4321 * 2)
    }

    static let sniffCases: [(name: String, text: String, delimiter: String)] = [
        ("semicolon with decimal commas", "Nr;Omsättning;Text\n1;1,5;Hej, hej\n2;2,75;Nej, nej, nej\n", ";"),
        ("comma", "a,b,c\n1,2,3\n4,5,6\n", ","),
        ("tab", "a\tb\n1\t2\n", "\t"),
        ("pipe", "a|b\n1|2\n", "|"),
        ("quoted commas in a semicolon file", "a;b\n\"x, y, z\";1\n\"p, q\";2\n", ";"),
    ]

    @Test(arguments: sniffCases.map(\.name))
    func sniffsTheDelimiter(name: String) {
        let entry = Self.sniffCases.first { $0.name == name }!
        #expect(DialectSniffer.sniff(Array(entry.text.utf8), complete: true) == entry.delimiter.utf8.first)
    }
}
