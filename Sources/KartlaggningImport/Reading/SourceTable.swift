import Foundation
import KartlaggningCore
import KartlaggningModel

/// A tabular file — CSV, TSV, an XLSX or ODS sheet — opened with its shape applied: the preamble above the
/// header skipped, the header read (group headers joined to the row below), extra header rows skipped, empty
/// rows counted, and a footer of prose lines at the end recognised and left out with a warning.
final class SourceTable {
    let file: String
    /// How row errors name their place: `svar.csv` (`svar.csv:14`) or `svar.xlsx:Blad1!` (`svar.xlsx:Blad1!14`).
    let location: String
    let format: SourceFormat
    let header: [String]
    let headerLine: Int
    let shape: TableShape
    /// What `survey infer` found about the shape, for its notes.
    let shapeNotes: [String]
    /// Question texts from the header row below the names (Qualtrics' row 2), by column name.
    let labels: [String: String]
    let reader: RowReader
    /// Held-back rows that turned out to be data, last first (taken with `popLast`).
    private var pending: [CSVRow] = []
    /// Rows read ahead while finding the shape, read again as data; last first.
    private var replay: [CSVRow] = []
    private var trailing: [CSVRow] = []
    /// Blank rows held back with `trailing`: counted, not kept (a sheet of a billion empty rows holds no memory).
    private var trailingEmpty = 0
    /// Rows held back as a possible footer, at most: more are data (no footer is this long).
    static let longestFooter = 1_000
    /// Rows whose every cell is empty, skipped.
    private(set) var emptyRows = 0
    /// Footer lines left out at the end, the first one's line and text.
    private(set) var footerLines = 0
    private(set) var footerFirst: CSVRow?

    /// Opens `path`.
    /// - Parameters:
    ///   - shape: the shape to apply; nil to find it (`survey infer`).
    init(path: String, file: String, options: ReadOptions, shape requested: TableShape?) throws {
        self.file = file
        format = try SourceFormat.resolve(options.format, path: path, file: file)
        var sheetNotes: [String] = []
        // Rows already read from the chosen sheet while looking for the one with answers: the top of the table.
        var rows: [CSVRow] = []
        switch format {
        case .xlsx, .ods:
            let isXLSX = format == .xlsx
            let open: (String?) throws -> RowReader = { sheet in
                isXLSX
                    ? try XLSXReader(path: path, file: file, sheet: sheet, limits: options.limits)
                    : try ODSReader(path: path, file: file, sheet: sheet, limits: options.limits, allSheets: requested == nil)
            }
            let first = try open(options.sheet)
            if requested == nil && options.sheet == nil && first.sheets.count > 1 {
                (reader, rows, sheetNotes) = try Self.sheetWithAnswers(first, open: open)
            } else {
                reader = first
            }
        case .csv, .tsv:
            var csvOptions = options
            if format == .tsv && options.delimiter == nil { csvOptions.delimiter = "\t" }
            reader = try CSVRowReader(path: path, file: file, options: csvOptions, skipLines: (requested?.headerRow ?? 1) - 1)
        case .sav, .por, .dta:
            reader = try StatRowReader(path: path, file: file, kind: format.statKind ?? .sav)
        case .json, .ndjson:
            throw ImportError.unknownFormat(file: file, format: format.rawValue)
        }
        location = reader.sheet?.location(file: file) ?? file
        let source = reader
        var detected: [String] = []
        let shape: TableShape
        if let requested {
            shape = requested
        } else {
            // Look at the top of the file to find the header.
            while rows.count < ShapeDetector.window, let row = try source.nextRow() { rows.append(row) }
            let found = ShapeDetector.detect(rows)
            shape = found.shape
            detected = found.notes
        }
        self.shape = shape
        var seen = 0
        var headerRecord: CSVRow?
        func nextRaw() throws -> CSVRow? {
            if !rows.isEmpty { return rows.removeFirst() }
            return try source.nextRow()
        }
        while let row = try nextRaw() {
            seen += 1
            if row.line >= shape.headerRow {
                headerRecord = row
                break
            }
        }
        guard let headerRecord else {
            if seen == 0 { throw ImportError.emptyFile(file: file) }
            throw ImportError.headerRowOutOfRange(file: file, headerRow: shape.headerRow, rows: seen)
        }
        var names = headerRecord.fields.map(\.trimmedCell)
        var texts: [String] = []
        for skipped in 0..<shape.skipAfterHeader {
            guard let row = try nextRaw() else { break }
            if skipped == 0 {
                let own = names
                names = HeaderNames.join(names, sub: row.fields)
                // Where the row below did not become part of the name, it is the question's text (Qualtrics' row 2
                // under `Q1`): the label reports use. Import ids (`{"ImportId":…}`) are no text.
                texts = row.fields.enumerated().map { i, cell in
                    let text = cell.trimmedCell
                    guard i < own.count, names[i] == own[i], !text.isEmpty, text != own[i], !text.hasPrefix("{") else { return "" }
                    return text
                }
            }
        }
        let distinct = HeaderNames.distinct(names)
        header = distinct.names
        var labels: [String: String] = [:]
        for (name, text) in zip(distinct.names, texts) where !text.isEmpty { labels[name] = text }
        // A statistics file's variable labels are its questions' texts.
        for variable in (reader as? StatRowReader)?.metadata.variables ?? [] where !variable.label.isEmpty {
            labels[variable.name] = variable.label
        }
        for set in (reader as? StatRowReader)?.checkboxSets ?? [] { labels[set.name] = set.label }
        self.labels = labels
        headerLine = headerRecord.line
        shapeNotes = sheetNotes + detected + distinct.notes
        replay = rows.reversed()
    }

    /// The sheet that holds the answers, for `survey infer`: the first visible sheet unless it is empty or cannot be a
    /// table (a scratch sheet spanning 16,384 columns), then the next sheet with two rows of two cells or more — visible
    /// sheets before hidden ones (Microsoft Forms puts an empty sheet and a hidden sync sheet before `Form1`).
    /// - Returns: the sheet's reader, the rows read from it so far, and a note when it is not the first sheet.
    private static func sheetWithAnswers(
        _ first: RowReader, open: (String?) throws -> RowReader
    ) throws -> (reader: RowReader, rows: [CSVRow], notes: [String]) {
        /// The rows up to the second with two cells or more, or nil when the sheet ends (or cannot be read) first.
        func tableTop(_ reader: RowReader) -> [CSVRow]? {
            var read: [CSVRow] = []
            var filled = 0
            while filled < 2 {
                guard let row = try? reader.nextRow() else { return nil }
                read.append(row)
                if row.fields.filter({ !$0.trimmedCell.isEmpty }).count >= 2 { filled += 1 }
            }
            return read
        }
        if let top = tableTop(first) { return (first, top, []) }
        let sheets = first.sheets
        let order = sheets.indices.filter { !sheets[$0].hidden } + sheets.indices.filter { sheets[$0].hidden }
        for index in order where sheets[index].name != first.sheet?.name {
            guard let candidate = try? open(sheets[index].name), let top = tableTop(candidate) else { continue }
            return (
                candidate, top,
                [
                    "the first sheet \"\(first.sheet?.name ?? "")\" holds no table; sheet \(index + 1) \"\(sheets[index].name)\" "
                        + "\(sheets[index].hidden ? "(hidden) " : "")does, and is read"
                ]
            )
        }
        // No sheet holds a table: the first, opened again, says why as it is read.
        return (try open(first.sheet?.name), [], [])
    }

    /// Opens `path` with the shape `options` give (header on line 1 unless they say otherwise).
    convenience init(path: String, file: String, options: ReadOptions) throws {
        try self.init(path: path, file: file, options: options, shape: options.shape())
    }

    /// The next data row that has any content, or nil at the end (or at a footer).
    func next() throws -> CSVRow? {
        while let row = pending.popLast() {
            if Self.isEmpty(row) {
                emptyRows += 1
                continue
            }
            return row
        }
        return try nextPossiblyTrailing()
    }

    /// Rows that may be a footer are held back until a data row follows (then they are data) or the file ends.
    private func nextPossiblyTrailing() throws -> CSVRow? {
        while let row = try raw() {
            let holding = !trailing.isEmpty || trailingEmpty > 0
            if Self.isEmpty(row) {
                trailingEmpty += 1
                continue
            }
            if (holding && isFooterLike(row)) || (!holding && startsFooter(row)), trailing.count < Self.longestFooter {
                trailing.append(row)
                continue
            }
            if holding {
                emptyRows += trailingEmpty
                trailingEmpty = 0
                pending = (trailing + [row]).reversed()
                trailing = []
                return try next()
            }
            return row
        }
        // The end: held-back rows are blank lines and a footer.
        emptyRows += trailingEmpty
        trailingEmpty = 0
        for row in trailing {
            footerLines += 1
            if footerFirst == nil { footerFirst = row }
        }
        trailing = []
        return nil
    }

    private func raw() throws -> CSVRow? {
        if let row = replay.popLast() { return row }
        return try reader.nextRow()
    }

    /// A line of prose in the first cell and nothing else, in a table of two or more columns.
    private func isFooterLike(_ row: CSVRow) -> Bool {
        guard header.count >= 2, let first = row.fields.first?.trimmedCell, !first.isEmpty,
            row.fields.dropFirst().allSatisfy({ $0.trimmedCell.isEmpty })
        else { return false }
        return first.contains(where: \.isWhitespace) || Self.footerWords.contains { first.lowercased().hasPrefix($0) }
    }

    /// A footer starts after a blank line, with a word footers start with (`Källa:`, `Anm.`, `Not:`), or with a line
    /// shaped unlike a data row: in a delimited file, one cell where the rows carry a delimiter per column (an agency's
    /// `Rapportbeskrivning och definitioner`); in a workbook, a sentence of five words or more alone in its row. Rows
    /// held back so are data again when a data row follows them.
    private func startsFooter(_ row: CSVRow) -> Bool {
        guard isFooterLike(row), let first = row.fields.first?.trimmedCell.lowercased() else { return false }
        if Self.footerWords.contains(where: { first.hasPrefix($0) }) { return true }
        if !format.isSpreadsheet { return header.count >= 3 && row.fields.count * 2 < header.count }
        return first.split(whereSeparator: \.isWhitespace).count >= 5
    }

    static let footerWords = [
        "källa", "kalla:", "anm", "not:", "noter", "fotnot", "förklaring", "teckenförklaring", "source", "note", "footnote",
        "..", "* ", "uppgifter", "senast uppdaterad",
    ]

    static func isEmpty(_ row: CSVRow) -> Bool {
        row.fields.allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }

    /// After the last row: the SHA-256 of the file; throws when it changed while it was read.
    func verifyUnchanged() throws -> String { try reader.verifyUnchanged() }

    var sha256: String { reader.sha256 }

    /// What a labelled statistics file (SPSS, Stata) says of its variables; nil for other files.
    var statMetadata: StatFile.Metadata? { (reader as? StatRowReader)?.metadata }
    /// A statistics file's checkbox questions written one variable per option, each read as one more column.
    var statCheckboxSets: [StatCheckboxSet] { (reader as? StatRowReader)?.checkboxSets ?? [] }

    /// The text encoding and delimiter of a CSV or TSV file (nil for a workbook).
    var encoding: TextEncoding? { (reader as? CSVRowReader)?.encoding }
    var delimiter: UInt8? { (reader as? CSVRowReader)?.delimiter }

    /// What the user should know about how the file was read.
    var warnings: [String] {
        var warnings = reader.warnings
        if let footerFirst {
            warnings.append(
                "the data ends before line \(footerFirst.line): \(footerLines) line\(footerLines == 1 ? "" : "s") of prose after it "
                    + "(a footer: \"\(footerFirst.fields.first?.trimmedCell.clipped(80) ?? "")\") "
                    + "\(footerLines == 1 ? "was" : "were") skipped")
        }
        return warnings
    }

    /// How the file was read, for `survey infer`'s first comment and summaries.
    var readWith: String {
        var text = "\(format.rawValue), \(reader.description)"
        if shape.headerRow > 1 { text += ", header on line \(shape.headerRow)" }
        if shape.skipAfterHeader > 0 {
            text += ", \(shape.skipAfterHeader) more header row\(shape.skipAfterHeader == 1 ? "" : "s") skipped"
        }
        return text
    }
}
