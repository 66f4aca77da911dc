import Foundation

/// One sheet of an Office Open XML workbook (`.xlsx`, ECMA-376), row by row.
///
/// The workbook, its relationships, styles and shared strings are read first (the shared strings are the one
/// table held in memory); the sheet itself is inflated and scanned as rows are pulled, so a 200,000-row sheet
/// is read with flat memory. Merged cells are read in a first, cheap pass and their value fills every cell
/// they cover. Row numbers are the sheet's own.
final class XLSXReader: RowReader {
    private let chosen: SpreadsheetSheet
    /// Every sheet of the workbook, in order, with whether it is hidden.
    let sheets: [SpreadsheetSheet]
    private let workbook: WorkbookFile
    private let file: String
    private let limits: ReadLimits
    private let sharedStrings: SharedStrings
    private let formats: [NumberFormatKind]
    private let date1904: Bool
    private let events: XMLPartReader
    private var merges: MergeFiller
    private var previousRow = 0
    private var finished = false
    private var notes = SheetNotes()

    init(path: String, file: String, sheet selector: String?, limits: ReadLimits) throws {
        self.file = file
        self.limits = limits
        let url = URL(fileURLWithPath: path)
        workbook = try WorkbookFile(path: path, file: file)
        let archive = try Self.openArchive(url: url, file: file)
        let (workbookPart, relationships) = try Self.workbookParts(url: url, file: file, has: { archive.contains($0) })
        var sheets: [SpreadsheetSheet] = []
        var date1904 = false
        try XMLPartReader(url: url, part: workbookPart, file: file).forEachEvent { event in
            guard case .start(let name, let attributes, _) = event else { return }
            if name == "workbookPr" {
                date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
            } else if name == "sheet", let sheetName = attributes["name"], let id = attributes["id"], let part = relationships[id] {
                sheets.append(SpreadsheetSheet(name: sheetName, part: part, hidden: (attributes["state"] ?? "visible") != "visible"))
            }
        }
        self.sheets = sheets
        self.date1904 = date1904
        let chosen = try SpreadsheetSheet.choose(selector, from: sheets, file: file)
        self.chosen = chosen
        guard archive.contains(chosen.part) else {
            throw ImportError.unreadable(file: file, reason: "sheet \"\(chosen.name)\" has no part \(chosen.part) in the workbook")
        }
        let base = (workbookPart as NSString).deletingLastPathComponent
        let stringsPart = relationships.values.first { $0.hasSuffix("sharedStrings.xml") } ?? base + "/sharedStrings.xml"
        sharedStrings =
            archive.contains(stringsPart) ? try Self.readSharedStrings(url: url, part: stringsPart, file: file) : SharedStrings()
        let stylesPart = relationships.values.first { $0.hasSuffix("styles.xml") } ?? base + "/styles.xml"
        formats = archive.contains(stylesPart) ? try Self.readStyles(url: url, part: stylesPart, file: file) : []
        // A merge wider than a row may be is left alone (the row limit still holds for the cells themselves).
        do {
            merges = MergeFiller(ranges: try Self.readMerges(url: url, part: chosen.part).filter { $0.right < limits.columns })
        } catch let error as ZipPartError {
            throw ImportError.unreadable(file: file, reason: error.message)
        }
        events = XMLPartReader(url: url, part: chosen.part, file: file, limits: limits)
        events.location = chosen.location(file: file)
    }

    deinit {
        events.cancel()
    }

    var description: String { "sheet \(sheetName)" }

    var warnings: [String] { notes.warnings }

    var sha256: String { workbook.sha256 }

    // MARK: - Rows

    func nextRow() throws -> CSVRow? {
        guard !finished else { return nil }
        var cells: [String] = []
        var inRow = false
        var rowNumber = 0
        var column = 0
        var cell = CellState()
        var capture: Capture = .none
        while let event = try events.next() {
            switch event {
            case .start(let name, let attributes, let selfClosing):
                switch name {
                case "row":
                    rowNumber = attributes["r"].flatMap(Int.init) ?? previousRow + 1
                    previousRow = rowNumber
                    events.line = rowNumber - 1
                    column = 0
                    cells = []
                    if ["1", "true"].contains(attributes["hidden"] ?? "") {
                        notes.hidden(row: rowNumber)
                    }
                    if selfClosing {
                        if let row = finishRow(cells, rowNumber) { return row }
                    } else {
                        inRow = true
                    }
                case "c" where inRow:
                    let reference = attributes["r"].flatMap(Self.columnIndex)
                    cell = CellState(
                        column: reference ?? column, type: attributes["t"] ?? "n", style: attributes["s"].flatMap(Int.init) ?? 0)
                    column = cell.column + 1
                    if cell.column >= limits.columns {
                        throw ImportError.limitExceeded(
                            file: location, line: rowNumber, what: "a row with more than \(limits.columns) columns", limit: .columns)
                    }
                    if selfClosing { try store(cell, in: &cells, row: rowNumber) }
                case "v" where inRow && !selfClosing: capture = .value
                case "is" where inRow: capture = .inline
                case "rPh": capture = capture == .inline ? .phonetic : capture
                case "t" where capture == .inline: cell.inTextRun = !selfClosing
                default: break
                }
            case .text(let text):
                switch capture {
                case .value: cell.value += text
                case .inline where cell.inTextRun: cell.inline += text
                default: break
                }
                if cell.value.utf8.count + cell.inline.utf8.count > limits.cellBytes {
                    throw ImportError.limitExceeded(
                        file: location, line: rowNumber, what: "a cell larger than \(limits.cellBytes) bytes", limit: .cellSize)
                }
            case .end(let name):
                switch name {
                case "v": capture = .none
                case "t": cell.inTextRun = false
                case "rPh": capture = .inline
                case "is": capture = .none
                case "c" where inRow:
                    try store(cell, in: &cells, row: rowNumber)
                    cell = CellState()
                case "row" where inRow:
                    inRow = false
                    if let row = finishRow(cells, rowNumber) { return row }
                case "sheetData":
                    finished = true
                    events.cancel()
                    return nil
                default: break
                }
            }
        }
        finished = true
        return nil
    }

    private func finishRow(_ cells: [String], _ number: Int) -> CSVRow? {
        var cells = cells
        merges.fill(&cells, row: number)
        return CSVRow(fields: cells, line: number)
    }

    private enum Capture { case none, value, inline, phonetic }

    private struct CellState {
        var column = 0
        var type = "n"
        var style = 0
        var value = ""
        var inline = ""
        var inTextRun = false
    }

    private func store(_ cell: CellState, in cells: inout [String], row: Int) throws {
        let text: String
        switch cell.type {
        case "s":
            guard let index = Self.index(cell.value), let shared = sharedStrings[index] else {
                throw ImportError.unreadable(
                    file: file,
                    reason:
                        "\(location)\(row): cell \(Self.columnName(cell.column))\(row) names shared string \(cell.value), which the workbook does not have"
                )
            }
            text = shared
        case "inlineStr": text = SpreadsheetValues.unescapeOffice(cell.inline)
        case "str": text = SpreadsheetValues.unescapeOffice(cell.value)
        case "b": text = cell.value == "1" ? "TRUE" : cell.value == "0" ? "FALSE" : cell.value
        case "e":
            notes.error("\(Self.columnName(cell.column))\(row) (\(cell.value))")
            text = ""
        case "d": text = SpreadsheetValues.isoDateTime(cell.value)
        default:
            guard !cell.value.isEmpty else { return }
            let kind = cell.style < formats.count ? formats[cell.style] : .number
            if kind != .number, let serial = Double(cell.value),
                let date = SpreadsheetValues.date(serial: serial, kind: kind, date1904: date1904)
            {
                text = date
            } else {
                text = SpreadsheetValues.number(cell.value)
            }
        }
        if cells.count <= cell.column { cells.append(contentsOf: repeatElement("", count: cell.column + 1 - cells.count)) }
        cells[cell.column] = text
    }

    private var location: String { chosen.location(file: file) }

    var sheet: SpreadsheetSheet? { chosen }
    var sheetName: String { chosen.name }

    func verifyUnchanged() throws -> String { try workbook.verifyUnchanged() }

    // MARK: - Workbook parts

    static func openArchive(url: URL, file: String) throws -> ZipDirectory {
        do {
            return try ZipDirectory(url: url)
        } catch {
            // An OLE2 compound file: a password-protected workbook (Excel encrypts into one) or the old .xls format.
            if let head = try? FileHandle(forReadingFrom: url).read(upToCount: 8), head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
                throw ImportError.unreadable(
                    file: file,
                    reason: "a password-protected workbook or the old .xls format; open it in Excel or LibreOffice and save it "
                        + "as .xlsx without a password")
            }
            throw ImportError.unreadable(file: file, reason: "not a workbook: the file is not a ZIP package (\(error))")
        }
    }

    /// The workbook part and its relationships (id → part path), found through the package's own relationships.
    static func workbookParts(url: URL, file: String, has: (String) -> Bool) throws -> (String, [String: String]) {
        var workbook = "xl/workbook.xml"
        if has("_rels/.rels") {
            try XMLPartReader(url: url, part: "_rels/.rels", file: file).forEachEvent { event in
                if case .start("Relationship", let attributes, _) = event, let type = attributes["Type"], type.hasSuffix("/officeDocument"),
                    let target = attributes["Target"]
                {
                    workbook = target.hasPrefix("/") ? String(target.dropFirst()) : target
                }
            }
        }
        guard has(workbook) else {
            throw ImportError.unreadable(file: file, reason: "not an XLSX workbook: the package has no \(workbook)")
        }
        let base = (workbook as NSString).deletingLastPathComponent
        let relsPart = base + "/_rels/" + (workbook as NSString).lastPathComponent + ".rels"
        var relationships: [String: String] = [:]
        if has(relsPart) {
            try XMLPartReader(url: url, part: relsPart, file: file).forEachEvent { event in
                if case .start("Relationship", let attributes, _) = event, let id = attributes["Id"], let target = attributes["Target"] {
                    relationships[id] = resolve(target, base: base)
                }
            }
        }
        return (workbook, relationships)
    }

    static func resolve(_ target: String, base: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = base.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    /// The shared strings: each `<si>`'s text, rich-text runs joined, phonetic runs (`<rPh>`) left out.
    static func readSharedStrings(url: URL, part: String, file: String) throws -> SharedStrings {
        var strings = SharedStrings()
        var current = ""
        var inText = false
        var phonetic = 0
        func keep(_ text: String) throws {
            do {
                try strings.append(text)
            } catch {
                throw ImportError.unreadable(
                    file: file, reason: "could not keep the workbook's shared strings aside: \(error.localizedDescription)")
            }
        }
        try XMLPartReader(url: url, part: part, file: file).forEachEvent { event in
            switch event {
            case .start("si", _, let selfClosing):
                current = ""
                if selfClosing { try keep("") }
                if !strings.isWithinLimit {
                    throw ImportError.unreadable(file: file, reason: "the workbook's shared strings are larger than 4 GiB")
                }
            case .start("rPh", _, let selfClosing): if !selfClosing { phonetic += 1 }
            case .start("t", _, let selfClosing): inText = !selfClosing && phonetic == 0
            case .text(let text) where inText: current += text
            case .end("t"): inText = false
            case .end("rPh"): phonetic -= 1
            case .end("si"): try keep(SpreadsheetValues.unescapeOffice(current))
            default: break
            }
        }
        do {
            try strings.finish()
        } catch {
            let reason = "could not keep the workbook's shared strings aside: \(error.localizedDescription)"
            throw ImportError.unreadable(file: file, reason: reason)
        }
        return strings
    }

    /// The number format kind of each cell style (`cellXfs`), by style index.
    static func readStyles(url: URL, part: String, file: String) throws -> [NumberFormatKind] {
        var custom: [Int: String] = [:]
        var kinds: [NumberFormatKind] = []
        var inCellXfs = false
        var xfIds: [Int] = []
        try XMLPartReader(url: url, part: part, file: file).forEachEvent { event in
            switch event {
            case .start("numFmt", let attributes, _):
                if let id = attributes["numFmtId"].flatMap(Int.init) { custom[id] = attributes["formatCode"] ?? "" }
            case .start("cellXfs", _, let selfClosing): inCellXfs = !selfClosing
            case .end("cellXfs"): inCellXfs = false
            case .start("xf", let attributes, _) where inCellXfs:
                xfIds.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default: break
            }
        }
        for id in xfIds { kinds.append(NumberFormatKind.of(id: id, code: custom[id])) }
        return kinds
    }

    /// The merged ranges of a sheet (`<mergeCell ref="B1:D1"/>`, written after the rows), found by a byte scan.
    static func readMerges(url: URL, part: String) throws -> [MergeRange] {
        let stream = ZipPartStream(url: url, part: part)
        defer { stream.cancel() }
        var ranges: [MergeRange] = []
        var carry: [UInt8] = []
        let needle = Array("mergeCell ".utf8)
        while let chunk = try stream.next() {
            var bytes = carry
            bytes.append(contentsOf: chunk)
            var i = 0
            var resume = max(0, bytes.count - needle.count + 1)
            while i + needle.count <= bytes.count {
                if bytes[i] == 0x6D && bytes[i..<(i + needle.count)].elementsEqual(needle) {
                    guard let close = bytes[i...].firstIndex(of: 0x3E) else {
                        resume = i
                        break
                    }
                    let tag = String(decoding: bytes[i..<close], as: UTF8.self)
                    if let range = tag.range(of: "ref=\""), let end = tag[range.upperBound...].firstIndex(of: "\""),
                        let merge = MergeRange(String(tag[range.upperBound..<end]))
                    {
                        ranges.append(merge)
                    }
                    i = close
                }
                i += 1
            }
            carry = bytes.count - resume > 4096 ? [] : Array(bytes[resume...])
        }
        return ranges
    }

    // MARK: - References

    /// A shared-string index (`<v>12</v>`), read from its digits without Foundation.
    static func index(_ text: String) -> Int? {
        var value = 0
        var digits = 0
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { continue }
            guard byte >= 0x30 && byte <= 0x39, digits < 12 else { return nil }
            value = value * 10 + Int(byte - 0x30)
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// `B14` → 1 (columns from 0).
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference.utf8 {
            guard byte >= 0x41 && byte <= 0x5A || byte >= 0x61 && byte <= 0x7A else { break }
            // Three letters reach XFD, the last column a sheet has; more is not a reference.
            guard letters < 3 else { return nil }
            index = index * 26 + Int((byte & 0xDF) - 0x40)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }

    /// 1 → `B`.
    static func columnName(_ index: Int) -> String {
        var name = ""
        var n = index + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
