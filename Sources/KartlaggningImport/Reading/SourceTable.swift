import Foundation
import KartlaggningCore

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
    let reader: RowReader
    /// Held-back rows that turned out to be data, last first (taken with `popLast`).
    private var pending: [CSVRow] = []
    /// Rows read ahead while finding the shape, read again as data; last first.
    private var replay: [CSVRow] = []
    private var trailing: [CSVRow] = []
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
        switch format {
        case .xlsx:
            reader = try XLSXReader(path: path, file: file, sheet: options.sheet, limits: options.limits)
        case .ods:
            reader = try ODSReader(path: path, file: file, sheet: options.sheet, limits: options.limits, allSheets: requested == nil)
        case .csv, .tsv:
            var csvOptions = options
            if format == .tsv && options.delimiter == nil { csvOptions.delimiter = "\t" }
            reader = try CSVRowReader(path: path, file: file, options: csvOptions, skipLines: (requested?.headerRow ?? 1) - 1)
        case .json, .ndjson:
            throw ImportError.unknownFormat(file: file, format: format.rawValue)
        }
        location = reader.sheet?.location(file: file) ?? file
        let source = reader
        var rows: [CSVRow] = []
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
            if row.line >= shape.headerRow { headerRecord = row; break }
        }
        guard let headerRecord else {
            if seen == 0 { throw ImportError.emptyFile(file: file) }
            throw ImportError.headerRowOutOfRange(file: file, headerRow: shape.headerRow, rows: seen)
        }
        var names = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        for skipped in 0..<shape.skipAfterHeader {
            guard let row = try nextRaw() else { break }
            if skipped == 0 { names = Self.joinGroups(names, sub: row.fields) }
        }
        header = names
        headerLine = headerRecord.line
        shapeNotes = detected
        replay = rows.reversed()
        var keys = Set<String>()
        for name in header where !name.isEmpty {
            if !keys.insert(MatchKey.header(name)).inserted {
                throw ImportError.duplicateHeader(file: file, line: headerLine, column: name)
            }
        }
    }

    /// Opens `path` with the shape `options` give (header on line 1 unless they say otherwise).
    convenience init(path: String, file: String, options: ReadOptions) throws {
        try self.init(path: path, file: file, options: options, shape: options.shape())
    }

    /// A group header over several columns (`Hur nöjd är du med …` above `Skolan`, `Vården`), written once and
    /// followed by empty cells — or repeated, as a merged cell reads — joined to the row below: `Hur nöjd är du med
    /// …: Skolan`. Columns whose header stands alone keep it.
    static func joinGroups(_ header: [String], sub raw: [String]) -> [String] {
        let sub = raw.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var out = header
        var start = 0
        while start < header.count {
            var end = start + 1
            while end < header.count && (header[end].isEmpty || header[end] == header[start]) { end += 1 }
            let span = start..<end
            let subs = span.map { $0 < sub.count ? sub[$0] : "" }
            if !header[start].isEmpty && span.count >= 2 && subs.allSatisfy({ !$0.isEmpty }) && Set(subs).count == subs.count {
                for (offset, column) in span.enumerated() { out[column] = "\(header[start]): \(subs[offset])" }
            } else if header[start].isEmpty, let only = subs.first, span.count == 1, !only.isEmpty {
                out[start] = only
            }
            start = end
        }
        return out
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
            if Self.isEmpty(row) || (!trailing.isEmpty && isFooterLike(row)) || (trailing.isEmpty && startsFooter(row)) {
                trailing.append(row)
                continue
            }
            if !trailing.isEmpty {
                pending = (trailing + [row]).reversed()
                trailing = []
                return try next()
            }
            return row
        }
        // The end: held-back rows are blank lines and a footer.
        for row in trailing {
            if Self.isEmpty(row) {
                emptyRows += 1
            } else {
                footerLines += 1
                if footerFirst == nil { footerFirst = row }
            }
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

    /// A footer starts after a blank line, or with a word footers start with (`Källa:`, `Anm.`, `Not:`).
    private func startsFooter(_ row: CSVRow) -> Bool {
        guard isFooterLike(row), let first = row.fields.first?.trimmedCell.lowercased() else { return false }
        return Self.footerWords.contains { first.hasPrefix($0) }
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
