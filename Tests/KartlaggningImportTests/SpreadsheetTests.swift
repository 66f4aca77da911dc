import Foundation
import KartlaggningCore
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningImport

/// XLSX and ODS as real producers write them, read through the same table reader as CSV.
struct SpreadsheetTests {
    let folder = TemporaryDirectory()

    static func read(_ path: String, options: ReadOptions = ReadOptions()) throws -> (table: SourceTable, rows: [CSVRow]) {
        let table = try SourceTable(path: path, file: (path as NSString).lastPathComponent, options: options)
        var rows: [CSVRow] = []
        while let row = try table.next() { rows.append(row) }
        return (table, rows)
    }

    /// What Excel writes: shared strings (a rich-text run split in three, a phonetic run to skip, an `_x000D_`
    /// escape), an inline string, a formula's string result, rows and cells without `r`, a sparse row, booleans,
    /// an error cell, binary-float noise, dates by built-in and custom formats.
    @Test func excelCellsAreReadAsTheyShow() throws {
        let path = folder.path("svar.xlsx")
        let strings = [
            "<si><t>Id</t></si>", "<si><t>Kommun</t></si>", "<si><t>Svar</t></si>",
            "<si><r><rPr><b/></rPr><t>Bättre </t></r><r><t xml:space=\"preserve\">buss</t></r><r><t>&amp;tåg</t></r></si>",
            "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh></si>",
            "<si><t>rad1_x000D_\nrad2</t></si>",
            "<si><t>Datum</t></si>", "<si><t>Tid</t></si>", "<si><t>Ja?</t></si>",
        ]
        let rows = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>6</v></c><c r="E1" t="s"><v>7</v></c><c r="F1" t="s"><v>8</v></c></row>
            <row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>0.1</v></c><c r="C2" t="s"><v>3</v></c><c r="D2" s="1"><v>45730</v></c><c r="E2" s="2"><v>45730.4375</v></c><c r="F2" t="b"><v>1</v></c></row>
            <row><c><v>2</v></c><c><v>3.3000000000000003</v></c><c t="inlineStr"><is><t>Inline</t></is></c><c s="3"><v>45731</v></c><c s="2"><v>45731</v></c><c t="b"><v>0</v></c></row>
            <row r="4"><c r="A4"><v>3</v></c><c r="C4" t="s"><v>4</v></c><c r="F4" t="e"><v>#N/A</v></c></row>
            <row r="6" hidden="1"><c r="A6"><v>4</v></c><c r="B6" t="str"><f>A6*2</f><v>8</v></c><c r="C6" t="s"><v>5</v></c><c r="D6" s="4"><v>0.5</v></c></row>
            """
        try WorkbookWriter.xlsx(
            at: path, sheets: [.init(name: "Blad1", rows: rows)], sharedStrings: strings, cellXfs: [0, 14, 22, 164, 20],
            numFmts: [164: "yyyy-mm-dd;@"])
        let (table, data) = try Self.read(path)
        #expect(table.header == ["Id", "Kommun", "Svar", "Datum", "Tid", "Ja?"])
        #expect(table.location == "svar.xlsx:Blad1!")
        #expect(data.map(\.line) == [2, 3, 4, 6])
        #expect(data[0].fields == ["1", "0.1", "Bättre buss&tåg", "2025-03-14", "2025-03-14 10:30", "TRUE"])
        #expect(data[1].fields == ["2", "3.3", "Inline", "2025-03-15", "2025-03-15 00:00", "FALSE"])
        #expect(data[2].fields == ["3", "", "東京", "", "", ""])
        #expect(data[3].fields == ["4", "8", "rad1\r\nrad2", "12:00"])
        #expect(table.warnings.contains { $0.hasPrefix("1 hidden row was read like the others (row 6)") })
        #expect(table.warnings.contains("1 cell holds a spreadsheet error, read as no value: F4 (#N/A)"))
    }

    /// Shared strings past the memory budget go to a temporary file and come back byte for byte, wherever the budget
    /// falls (before, inside or after a string; empty strings, multi-byte text, a string larger than the budget); the
    /// file has no name once it is open.
    @Test func sharedStringsPastTheBudgetComeBackFromAFile() throws {
        let texts =
            ["", "Bredbandet är för långsamt", "", String(repeating: "Ö", count: 40_000), "Ingen buss 🚌", "a"]
            + (0..<300).map { "Svar \($0): \(String(repeating: "å", count: $0 % 17))" }
        var files: [String] = []
        let budgets = [0, 1, 26, 27, 60, 80_000, 1 << 20]
        for budget in budgets {
            var strings = SharedStrings(memoryBytes: budget)
            defer { if let path = strings.spilledPath { files.append(path) } }
            for text in texts { try strings.append(text) }
            try strings.finish()
            #expect(strings.count == texts.count)
            for (index, text) in texts.enumerated() { #expect(strings[index] == text, "budget \(budget), string \(index)") }
            #expect(strings[texts.count] == nil && strings[-1] == nil)
            #expect(strings.isSpilled == (budget < texts.joined().utf8.count), "budget \(budget)")
            // Open but nameless: nothing is left behind, however the process ends.
            if let path = strings.spilledPath { #expect(!FileManager.default.fileExists(atPath: path)) }
        }
        #expect(files.count == budgets.filter { $0 < texts.joined().utf8.count }.count && files.count == 6)
        #expect(files.allSatisfy { !FileManager.default.fileExists(atPath: $0) }, "\(files)")
    }

    @Test func theDateSystemsAndTheLeapDayThatNeverWas() {
        #expect(SpreadsheetValues.date(serial: 1, kind: .date, date1904: false) == "1900-01-01")
        #expect(SpreadsheetValues.date(serial: 59, kind: .date, date1904: false) == "1900-02-28")
        #expect(SpreadsheetValues.date(serial: 60, kind: .date, date1904: false) == "1900-02-29")
        #expect(SpreadsheetValues.date(serial: 61, kind: .date, date1904: false) == "1900-03-01")
        #expect(SpreadsheetValues.date(serial: 45730, kind: .date, date1904: false) == "2025-03-14")
        #expect(SpreadsheetValues.date(serial: 0, kind: .date, date1904: true) == "1904-01-01")
        #expect(SpreadsheetValues.date(serial: 44268, kind: .date, date1904: true) == "2025-03-14")
        #expect(SpreadsheetValues.date(serial: 45730.999999999, kind: .dateTime, date1904: false) == "2025-03-15 00:00")
        #expect(SpreadsheetValues.date(serial: 1.5, kind: .time, date1904: false) == "36:00")
    }

    @Test func numbersAsWritten() {
        #expect(SpreadsheetValues.number("0.1") == "0.1")
        #expect(SpreadsheetValues.number("3.3000000000000003") == "3.3")
        #expect(SpreadsheetValues.number("0.30000000000000004") == "0.3")
        #expect(SpreadsheetValues.number("47.115097") == "47.115097")
        #expect(SpreadsheetValues.number("1E-3") == "0.001")
        #expect(SpreadsheetValues.number("1.5E+3") == "1500")
        #expect(SpreadsheetValues.number("123456789012") == "123456789012")
        #expect(SpreadsheetValues.number("-2.5") == "-2.5")
    }

    @Test(arguments: [
        ("yyyy-mm-dd", NumberFormatKind.date), ("d/m/yyyy", .date), ("[$-41D]d mmmm yyyy", .date), ("mmm-yy", .date),
        ("yyyy-mm-dd hh:mm", .dateTime), ("h:mm", .time), ("[h]:mm:ss", .time), ("mm:ss", .time), ("0.00", .number),
        ("#,##0 \"kr\"", .number), ("0%", .number), ("\"Dag\" 0", .number), ("General", .number), ("[Red]0.0", .number),
    ])
    func formatCodes(code: String, kind: NumberFormatKind) {
        #expect(NumberFormatKind.of(code: code) == kind)
    }

    @Test func builtInFormatIds() {
        for id in [14, 15, 16, 17] { #expect(NumberFormatKind.of(id: id, code: nil) == .date) }
        for id in [18, 19, 20, 21, 45, 46, 47] { #expect(NumberFormatKind.of(id: id, code: nil) == .time) }
        #expect(NumberFormatKind.of(id: 22, code: nil) == .dateTime)
        for id in [0, 1, 2, 9, 10, 49] { #expect(NumberFormatKind.of(id: id, code: nil) == .number) }
    }

    /// A group header merged over three columns (row 1) above the questions (row 2): with `skip_after_header: 1`
    /// the columns are named "group: question"; a district merged down a column names each of its rows.
    @Test func mergedCellsFillWhatTheyCover() throws {
        let path = folder.path("grupper.xlsx")
        let rows = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>Id</t></is></c><c r="B1" t="inlineStr"><is><t>Område</t></is></c><c r="C1" t="inlineStr"><is><t>Hur nöjd är du med</t></is></c></row>
            <row r="2"><c r="C2" t="inlineStr"><is><t>Skolan</t></is></c><c r="D2" t="inlineStr"><is><t>Vården</t></is></c><c r="E2" t="inlineStr"><is><t>Bussen</t></is></c></row>
            <row r="3"><c r="A3"><v>1</v></c><c r="B3" t="inlineStr"><is><t>Nätra</t></is></c><c r="C3"><v>4</v></c><c r="D3"><v>3</v></c><c r="E3"><v>2</v></c></row>
            <row r="4"><c r="A4"><v>2</v></c><c r="C4"><v>5</v></c><c r="D4"><v>1</v></c><c r="E4"><v>1</v></c></row>
            """
        let merges = #"<mergeCells count="3"><mergeCell ref="C1:E1"/><mergeCell ref="A1:A2"/><mergeCell ref="B3:B4"/></mergeCells>"#
        try WorkbookWriter.xlsx(at: path, sheets: [.init(name: "Data", rows: rows, after: merges)])
        let (table, data) = try Self.read(path, options: ReadOptions(skipAfterHeader: 1))
        #expect(table.header == ["Id", "Område", "Hur nöjd är du med: Skolan", "Hur nöjd är du med: Vården", "Hur nöjd är du med: Bussen"])
        #expect(data.map(\.fields) == [["1", "Nätra", "4", "3", "2"], ["2", "Nätra", "5", "1", "1"]])
    }

    @Test func sheetsByNameOrNumberAndTheFirstVisibleByDefault() throws {
        let path = folder.path("flera.xlsx")
        func sheet(_ name: String, _ value: String, hidden: Bool = false) -> WorkbookWriter.Sheet {
            .init(
                name: name,
                rows:
                    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Kolumn</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>\(value)</t></is></c></row>",
                hidden: hidden)
        }
        try WorkbookWriter.xlsx(at: path, sheets: [sheet("Dold", "d", hidden: true), sheet("Svar", "s"), sheet("Info", "i")])
        #expect(try Self.read(path).rows.map(\.fields) == [["s"]])
        #expect(try Self.read(path, options: ReadOptions(sheet: "info")).rows.map(\.fields) == [["i"]])
        #expect(try Self.read(path, options: ReadOptions(sheet: "1")).rows.map(\.fields) == [["d"]])
        #expect(
            throws: ImportError.unreadable(
                file: "flera.xlsx",
                reason: #"no sheet "Saknas"; the workbook has 1 "Dold", 2 "Svar", 3 "Info" ("# + "\(Remedy.chooseSheet(.nameOrNumber)))"
            )
        ) {
            try Self.read(path, options: ReadOptions(sheet: "Saknas"))
        }
    }

    /// Some producers (.NET libraries) write every element with a prefix: `<x:c>`.
    @Test func prefixedElementsReadTheSame() throws {
        let path = folder.path("prefix.xlsx")
        let rows =
            #"<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Nr</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>7</x:v></x:c></x:row>"#
        try WorkbookWriter.xlsx(at: path, sheets: [.init(name: "Blad1", rows: rows)], prefix: "x")
        let (table, data) = try Self.read(path)
        #expect(table.header == ["Nr"])
        #expect(data.map(\.fields) == [["7"]])
    }

    @Test func aDamagedWorkbookIsAClearError() throws {
        let notZip = folder.write("trasig.xlsx", "Id;Namn\n1;A\n")
        #expect(throws: ImportError.self) { try Self.read(notZip) }
        do {
            _ = try Self.read(notZip)
        } catch let error as ImportError {
            #expect(error.errorDescription?.hasPrefix("trasig.xlsx: cannot be read: not a workbook: the file is not a ZIP package") == true)
        }
        // Excel's password protection wraps the workbook in an OLE2 compound file, as the old .xls format is.
        let encrypted = folder.write(
            "skyddad.xlsx", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        #expect(
            throws: ImportError.unreadable(
                file: "skyddad.xlsx",
                reason:
                    "a password-protected workbook or the old .xls format; open it in Excel or LibreOffice and save it as .xlsx without a password"
            )
        ) {
            try Self.read(encrypted)
        }
        let badXML = folder.path("xml.xlsx")
        try WorkbookWriter.xlsx(at: badXML, sheets: [.init(name: "Blad1", rows: "<row r=\"1\"><c r=\"A1\"><v>1</v></row>")])
        #expect(
            throws: ImportError.unreadable(
                file: "xml.xlsx", reason: "xl/worksheets/sheet1.xml is not well-formed XML: </row> where </c> was expected")
        ) {
            try Self.read(badXML)
        }
    }

    /// ODS as LibreOffice writes it: repeated columns and a trailing repeat of a million empty rows, a covered cell
    /// under a spanned one, `<text:s/>`, two paragraphs, an annotation (not the cell's text), typed values.
    @Test func odsAsLibreOfficeWritesIt() throws {
        let path = folder.path("svar.ods")
        let body = """
            <table:table-column table:number-columns-repeated="5"/>
            <table:table-row><table:table-cell office:value-type="string"><text:p>Id</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Andel</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Datum</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Kommentar</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Ok</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1019"/></table:table-row>
            <table:table-row><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="0.1"><text:p>0,1</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2025-03-14"><text:p>14 mars 2025</text:p></table:table-cell><table:table-cell office:value-type="string"><office:annotation><dc:creator>Anna</dc:creator><text:p>kolla</text:p></office:annotation><text:p>Mer<text:s text:c="2"/>buss</text:p><text:p>och tåg</text:p></table:table-cell><table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>SANT</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1019"/></table:table-row>
            <table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="float" office:value="2"/><table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>Samma</text:p></table:table-cell><table:covered-table-cell/><table:table-cell table:number-columns-repeated="1021"/></table:table-row>
            <table:table-row table:number-rows-repeated="1048572"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
            """
        try WorkbookWriter.ods(
            at: path,
            tables: [
                ("Blad1", body), ("Blad2", "<table:table-row><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row>"),
            ])
        let (table, data) = try Self.read(path)
        #expect(table.header == ["Id", "Andel", "Datum", "Kommentar", "Ok"])
        #expect(data.map(\.line) == [2, 3, 4])
        #expect(
            data.map(\.fields) == [
                ["1", "0.1", "2025-03-14", "Mer  buss\noch tåg", "TRUE"], ["2", "Samma", "Samma"], ["2", "Samma", "Samma"],
            ])
        #expect(try Self.read(path, options: ReadOptions(sheet: "Blad2")).table.header == ["x"])
    }

    /// Feeding the scanner one byte at a time gives the same events as feeding it all at once.
    @Test func theScannerDoesNotCareWhereChunksEnd() throws {
        let xml = #"<?xml version="1.0"?><!-- c --><a x="1 &gt; 0" y='2'><b>t&amp;t &#229;&#x00E4;</b><![CDATA[<raw>]]><c/></a>"#
        func events(chunk: Int) throws -> [XMLEvent] {
            var scanner = XMLScanner(part: "t")
            var out: [XMLEvent] = []
            let bytes = Array(xml.utf8)
            var offset = 0
            while offset < bytes.count {
                scanner.feed(bytes[offset..<min(bytes.count, offset + chunk)])
                offset += chunk
                while let event = try scanner.next() { out.append(event) }
            }
            scanner.finish()
            while let event = try scanner.next() { out.append(event) }
            return out
        }
        let whole = try events(chunk: 1 << 20)
        #expect(
            whole == [
                .start("a", [XMLAttribute(name: "x", value: "1 > 0"), XMLAttribute(name: "y", value: "2")], selfClosing: false),
                .start("b", [], selfClosing: false), .text("t&t åä"), .end("b"), .text("<raw>"), .start("c", [], selfClosing: true),
                .end("a"),
            ])
        for size in [1, 2, 3, 7] { #expect(try events(chunk: size) == whole, "chunks of \(size)") }
    }

    /// Found by `make fuzz` (FuzzSheet): a merge reference with a long run of letters overflowed the column number.
    @Test func referencesPastTheLastColumnAreNotReferences() throws {
        #expect(XLSXReader.columnIndex("XFD1") == 16_383)
        #expect(XLSXReader.columnIndex("MutableCollection1") == nil)
        #expect(MergeRange("AAAAAAAAAAAAAAAAAAAAAAAAAAAA1:B2") == nil)
        #expect(MergeRange("B0:C1") == nil)
        let path = folder.path("trasig-sammanslagning.xlsx")
        let rows = #"<row r="1"><c r="A1" t="inlineStr"><is><t>Id</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>"#
        let merges = #"<mergeCells count="2"><mergeCell ref="MutableCollection1:B2"/><mergeCell ref="A1:ZZZ1"/></mergeCells>"#
        try WorkbookWriter.xlsx(at: path, sheets: [.init(name: "Blad1", rows: rows, after: merges)])
        let (table, data) = try Self.read(path)
        #expect(table.header == ["Id"])
        #expect(data.map(\.fields) == [["1"]])
    }

    /// Workbooks LibreOffice Calc wrote (Fixtures/README.md): the same rows as the CSV they came from, numbers and
    /// dates as the cells show them.
    @Test(arguments: ["libreoffice.xlsx", "libreoffice.ods"])
    func workbooksLibreOfficeWrote(name: String) throws {
        let path = Paths.packageRoot.appendingPathComponent("Tests/KartlaggningImportTests/Fixtures/\(name)").path
        let (table, data) = try Self.read(path)
        #expect(table.header == ["Nr", "Område", "Andel", "Datum", "Kommentar", "Nöjd (1-5)"])
        #expect(data.map(\.line) == [2, 3, 4])
        #expect(
            data.map { Array($0.fields.prefix(6)) + Array(repeating: "", count: max(0, 6 - $0.fields.count)) } == [
                ["1", "Nätra", "0.1", "2025-03-14", "Bra buss, men\ndyr", "4"],
                ["2", "Björna–Långviksmon", "2.5", "2025-04-01", "Åäö & <tecken>", "5"],
                ["3", "Husum", "", "2025-12-31", "", "2"],
            ])
    }
}
