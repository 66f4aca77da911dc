import Foundation

/// One sheet (`table:table`) of an OpenDocument spreadsheet (`.ods`), row by row from `content.xml`, streamed.
///
/// Repeated rows and columns are expanded only where they hold something (a trailing repeat of a million empty
/// rows is not a million records); spanned cells fill the covered cells they span; several paragraphs of a cell
/// are its lines; typed values (`office:value`, `office:date-value`, …) are read over the text shown.
final class ODSReader: RowReader {
    private let chosen: SpreadsheetSheet
    let sheets: [SpreadsheetSheet]
    private let workbook: WorkbookFile
    private let file: String
    private let limits: ReadLimits
    private let events: XMLPartReader
    private var inTable = false
    private var finished = false
    private var rowNumber = 0
    private var ready: [CSVRow] = []
    /// Values of cells spanning rows down, by column: the value and the last row it covers.
    private var spansDown: [Int: (value: String, until: Int)] = [:]
    private var notes = SheetNotes()

    /// A non-empty row repeated more often than this is refused rather than multiplied.
    static let repeatLimit = 100_000

    /// - Parameter allSheets: list every sheet (for `survey infer`), not only up to the one asked for.
    init(path: String, file: String, sheet selector: String?, limits: ReadLimits, allSheets: Bool = false) throws {
        self.file = file
        self.limits = limits
        let url = URL(fileURLWithPath: path)
        workbook = try WorkbookFile(path: path, file: file)
        let directory = try XLSXReader.openArchive(url: url, file: file)
        guard directory.contains("content.xml") else {
            throw ImportError.unreadable(file: file, reason: "not an OpenDocument spreadsheet: the package has no content.xml")
        }
        let wanted =
            allSheets
            ? nil
            : selector.map { selector in
                { (sheets: [SpreadsheetSheet]) in
                    sheets.contains { $0.name.lowercased() == selector.lowercased() } || sheets.count == Int(selector)
                }
            } ?? { (sheets: [SpreadsheetSheet]) in !sheets.isEmpty }
        sheets = try Self.listSheets(url: url, file: file, until: wanted)
        let chosen = try SpreadsheetSheet.choose(selector, from: sheets, file: file)
        self.chosen = chosen
        events = XMLPartReader(url: url, part: "content.xml", file: file, limits: limits)
        events.location = chosen.location(file: file)
    }

    deinit {
        events.cancel()
    }

    var description: String { "sheet \(sheetName)" }

    var warnings: [String] { notes.warnings }

    var sha256: String { workbook.sha256 }

    private var location: String { chosen.location(file: file) }

    var sheet: SpreadsheetSheet? { chosen }
    var sheetName: String { chosen.name }

    /// The sheet names of `content.xml`, read up to where `until` is satisfied (all of them when nil).
    static func listSheets(url: URL, file: String, until: (([SpreadsheetSheet]) -> Bool)?) throws -> [SpreadsheetSheet] {
        var sheets: [SpreadsheetSheet] = []
        let reader = XMLPartReader(url: url, part: "content.xml", file: file)
        defer { reader.cancel() }
        var depth = 0
        while let event = try reader.next() {
            switch event {
            case .start("table", let attributes, let selfClosing):
                sheets.append(SpreadsheetSheet(name: attributes["name"] ?? "Sheet\(sheets.count + 1)", part: "content.xml", hidden: false))
                if let until, until(sheets) { return sheets }
                if !selfClosing { depth += 1 }
            case .end("table"): depth -= 1
            case .end("spreadsheet"): return sheets
            default: break
            }
        }
        return sheets
    }

    // MARK: - Rows

    func nextRow() throws -> CSVRow? {
        while ready.isEmpty && !finished { try readRow() }
        return ready.isEmpty ? nil : ready.removeFirst()
    }

    private struct CellState {
        var text = ""
        var paragraphs = 0
        var inParagraph = 0
        var annotation = 0
        var type: String?
        var value: String?
        var formula = false
        var repeatColumns = 1
        var spanColumns = 1
        var spanRows = 1
        var covered = false
    }

    /// Reads one `table:table-row` of the chosen sheet into `ready` (repeated as it says, when not empty).
    private func readRow() throws {
        var cells: [String] = []
        var pendingEmpty = 0
        var repeatRows = 1
        var inRow = false
        var hidden = false
        var cell = CellState()
        var inCell = false
        var spanFill: (value: String, remaining: Int)?
        while let event = try events.next() {
            switch event {
            case .start(let name, let attributes, let selfClosing):
                if !inTable {
                    if name == "table", attributes["name"] == sheetName {
                        inTable = !selfClosing
                        if selfClosing {
                            finished = true
                            return
                        }
                    }
                    continue
                }
                switch name {
                case "table-row":
                    events.line = rowNumber
                    repeatRows = attributes["number-rows-repeated"].flatMap(Int.init) ?? 1
                    hidden = ["collapse", "filter"].contains(attributes["visibility"] ?? "")
                    cells = []
                    pendingEmpty = 0
                    if selfClosing {
                        rowNumber += max(1, repeatRows)
                        return
                    }
                    inRow = true
                case "table-cell", "covered-table-cell":
                    cell = CellState()
                    cell.covered = name == "covered-table-cell"
                    cell.repeatColumns = max(1, attributes["number-columns-repeated"].flatMap(Int.init) ?? 1)
                    cell.spanColumns = max(1, attributes["number-columns-spanned"].flatMap(Int.init) ?? 1)
                    cell.spanRows = max(1, attributes["number-rows-spanned"].flatMap(Int.init) ?? 1)
                    cell.type = attributes["value-type"]
                    cell.formula = attributes["formula"] != nil
                    switch cell.type {
                    case "float", "percentage", "currency": cell.value = attributes["value"].map(SpreadsheetValues.number)
                    case "date": cell.value = attributes["date-value"].map(SpreadsheetValues.isoDateTime)
                    case "time": cell.value = attributes["time-value"].map(SpreadsheetValues.isoDuration)
                    case "boolean": cell.value = attributes["boolean-value"].map { $0 == "true" ? "TRUE" : "FALSE" }
                    default: break
                    }
                    if selfClosing {
                        try place(cell, row: rowNumber + 1, cells: &cells, pendingEmpty: &pendingEmpty, spanFill: &spanFill)
                    } else {
                        inCell = true
                    }
                case "annotation" where inCell: cell.annotation += selfClosing ? 0 : 1
                case "p" where inCell && cell.annotation == 0:
                    if cell.paragraphs > 0 { cell.text += "\n" }
                    cell.paragraphs += 1
                    if !selfClosing { cell.inParagraph += 1 }
                case "s" where inCell && cell.annotation == 0:
                    cell.text += String(repeating: " ", count: max(1, attributes["c"].flatMap(Int.init) ?? 1))
                case "tab" where inCell && cell.annotation == 0: cell.text += "\t"
                case "line-break" where inCell && cell.annotation == 0: cell.text += "\n"
                default: break
                }
            case .text(let text):
                if inCell && cell.annotation == 0 && cell.inParagraph > 0 {
                    cell.text += text
                    if cell.text.utf8.count > limits.cellBytes {
                        throw ImportError.limitExceeded(
                            file: location, line: rowNumber + 1, what: "a cell larger than \(limits.cellBytes) bytes",
                            limit: .cellSize)
                    }
                }
            case .end(let name):
                guard inTable else { continue }
                switch name {
                case "p" where inCell && cell.annotation == 0: cell.inParagraph -= 1
                case "annotation" where inCell: cell.annotation -= 1
                case "table-cell", "covered-table-cell":
                    inCell = false
                    try place(cell, row: rowNumber + 1, cells: &cells, pendingEmpty: &pendingEmpty, spanFill: &spanFill)
                case "table-row" where inRow:
                    inRow = false
                    emit(cells, repeat: repeatRows, hidden: hidden)
                    if repeatRows > Self.repeatLimit && !cells.allSatisfy(\.isEmpty) {
                        throw ImportError.limitExceeded(
                            file: location, line: rowNumber, what: "a row repeated \(repeatRows) times", limit: .repeatedRows)
                    }
                    return
                case "table":
                    inTable = false
                    finished = true
                    events.cancel()
                    return
                default: break
                }
            }
        }
        finished = true
    }

    /// Puts a cell's value (repeated as it says) into the row; empty cells wait until something follows them.
    private func place(
        _ cell: CellState, row: Int, cells: inout [String], pendingEmpty: inout Int, spanFill: inout (value: String, remaining: Int)?
    ) throws {
        var value: String
        if cell.covered {
            let column = cells.count + pendingEmpty
            if let fill = spanFill, fill.remaining > 0 {
                value = fill.value
                spanFill = fill.remaining > cell.repeatColumns ? (fill.value, fill.remaining - cell.repeatColumns) : nil
            } else if let down = spansDown[column], down.until >= row {
                value = down.value
            } else {
                value = ""
            }
        } else {
            value = cell.value ?? cell.text
            if cell.type == nil || cell.type == "string", cell.formula || cell.value == nil, SpreadsheetValues.isErrorValue(value) {
                notes.error("\(XLSXReader.columnName(cells.count + pendingEmpty))\(row) (\(value))")
                value = ""
            }
            spanFill = cell.spanColumns > 1 ? (value, cell.spanColumns - 1) : nil
            if cell.spanRows > 1 {
                for offset in 0..<cell.spanColumns { spansDown[cells.count + pendingEmpty + offset] = (value, row + cell.spanRows - 1) }
            }
        }
        if value.isEmpty {
            pendingEmpty += cell.repeatColumns
            return
        }
        let width = cells.count + pendingEmpty + cell.repeatColumns
        if width > limits.columns {
            throw ImportError.limitExceeded(
                file: location, line: row, what: "a row with more than \(limits.columns) columns", limit: .columns)
        }
        cells.append(contentsOf: repeatElement("", count: pendingEmpty))
        pendingEmpty = 0
        cells.append(contentsOf: repeatElement(value, count: cell.repeatColumns))
    }

    private func emit(_ cells: [String], repeat count: Int, hidden: Bool) {
        let first = rowNumber + 1
        rowNumber += max(1, count)
        guard !cells.isEmpty else { return }
        for offset in 0..<min(count, Self.repeatLimit) {
            if hidden { notes.hidden(row: first + offset) }
            ready.append(CSVRow(fields: cells, line: first + offset))
        }
    }

    func verifyUnchanged() throws -> String { try workbook.verifyUnchanged() }
}
