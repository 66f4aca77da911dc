import Foundation
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningImport

/// Workbooks whose parts inflate to far more than they hold: the read limits hold while a part inflates, as they do
/// for CSV, and a part that inflates as no workbook does is refused as soon as it shows.
struct WorkbookBombTests {
    let folder = TemporaryDirectory()
    static let header = #"<row r="1"><c r="A1" t="inlineStr"><is><t>Nr</t></is></c><c r="B1" t="inlineStr"><is><t>Svar</t></is></c></row>"#

    static func read(_ path: String, limits: ReadLimits = ReadLimits()) throws -> (rows: [CSVRow], empty: Int) {
        let table = try SourceTable(path: path, file: (path as NSString).lastPathComponent, options: ReadOptions(limits: limits))
        var rows: [CSVRow] = []
        while let row = try table.next() { rows.append(row) }
        return (rows, table.emptyRows)
    }

    /// The read limit's error, as the user reads it.
    static func limitError(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as ImportError {
            if case .limitExceeded = error { return error.localizedDescription }
            return "not a limit: \(error.localizedDescription)"
        } catch {
            return "\(error)"
        }
    }

    @Test func aCellPastTheLimitIsRefusedWhileItInflatesWithItsRow() throws {
        let path = folder.path("cell.xlsx")
        let big = String(repeating: "bredband ", count: 20_000)  // 180 kB in one cell
        try WorkbookWriter.xlsx(
            at: path,
            sheets: [
                .init(
                    name: "Blad1",
                    rows: Self.header + #"<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>"# + big + "</t></is></c></row>")
            ])
        let message = Self.limitError { _ = try Self.read(path, limits: ReadLimits(cellBytes: 64 << 10)) }
        #expect(message?.hasPrefix("cell.xlsx:Blad1!2: ") == true, "\(String(describing: message))")
        #expect(message?.contains("a run of text longer than 65536 bytes") == true, "\(message ?? "read")")
        // Within the limit it is read whole.
        let (rows, _) = try Self.read(path, limits: ReadLimits(cellBytes: 1 << 20))
        #expect(rows.map { $0.fields[1].count } == [big.count])
    }

    @Test func aTagPastTheRowLimitIsRefused() throws {
        let path = folder.path("tag.xlsx")
        let attributes = (0..<5_000).map { " x\($0)=\"\(String(repeating: "a", count: 40))\"" }.joined()  // 240 kB in one tag
        try WorkbookWriter.xlsx(
            at: path, sheets: [.init(name: "Blad1", rows: Self.header + "<row r=\"2\"\(attributes)><c r=\"A2\"><v>1</v></c></row>")])
        let message = Self.limitError { _ = try Self.read(path, limits: ReadLimits(cellBytes: 16 << 10, rowBytes: 64 << 10)) }
        #expect(message?.contains("a tag longer than 65536 bytes") == true, "\(message ?? "read")")
    }

    @Test func emptyRowsAreCountedNotKept() throws {
        let path = folder.path("empty.xlsx")
        let empties = String(repeating: "<row/>", count: 200_000)
        try WorkbookWriter.xlsx(
            at: path,
            sheets: [
                .init(
                    name: "Blad1",
                    rows: Self.header + #"<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>ja</t></is></c></row>"# + empties
                        + #"<row r="200003"><c r="A200003"><v>2</v></c><c r="B200003" t="inlineStr"><is><t>nej</t></is></c></row>"#
                        + empties)
            ])
        let (rows, empty) = try Self.read(path)
        #expect(rows.map(\.fields) == [["1", "ja"], ["2", "nej"]])
        #expect(rows.map(\.line) == [2, 200_003])
        #expect(empty == 400_000)
    }

    @Test func aPartThatInflatesAsNoWorkbookDoesIsRefused() throws {
        let path = folder.path("bomb.xlsx")
        // 24 MiB of whitespace between two rows: deflated to about 24 kB, a ratio of 1,000.
        let spaces = String(repeating: " ", count: 24 << 20)
        try WorkbookWriter.xlsx(
            at: path,
            sheets: [.init(name: "Blad1", rows: Self.header + #"<row r="2"><c r="A2"><v>1</v></c></row>"# + spaces)])
        do {
            _ = try Self.read(path, limits: ReadLimits(cellBytes: 64 << 20, rowBytes: 64 << 20))
            Issue.record("a part inflating 1,000 times was read")
        } catch let error as ImportError {
            #expect(error.localizedDescription.contains("inflates to more than 100 times its packed size"), "\(error.localizedDescription)")
        }
    }

    @Test func anODSCellPastTheLimitAndAnInflatingContentAreRefused() throws {
        let header =
            "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Nr</text:p></table:table-cell>"
            + "<table:table-cell office:value-type=\"string\"><text:p>Svar</text:p></table:table-cell></table:table-row>"
        let cell = folder.path("cell.ods")
        let big = String(repeating: "bredband ", count: 20_000)
        try WorkbookWriter.ods(
            at: cell,
            tables: [
                (
                    "Blad1",
                    header + "<table:table-row><table:table-cell office:value-type=\"float\" office:value=\"1\"><text:p>1</text:p>"
                        + "</table:table-cell><table:table-cell office:value-type=\"string\"><text:p>\(big)</text:p></table:table-cell>"
                        + "</table:table-row>"
                )
            ])
        let message = Self.limitError { _ = try Self.read(cell, limits: ReadLimits(cellBytes: 64 << 10)) }
        #expect(message?.contains("longer than 65536 bytes") == true, "\(String(describing: message))")
        let bomb = folder.path("bomb.ods")
        try WorkbookWriter.ods(at: bomb, tables: [("Blad1", header + String(repeating: " ", count: 24 << 20))])
        do {
            _ = try Self.read(bomb, limits: ReadLimits(cellBytes: 64 << 20, rowBytes: 64 << 20))
            Issue.record("content.xml inflating 1,000 times was read")
        } catch let error as ImportError {
            #expect(error.localizedDescription.contains("content.xml inflates to more than 100 times"), "\(error.localizedDescription)")
        }
    }
}
