import KartlaggningCore
import KartlaggningModel

/// The rows of any supported file, streamed and aligned to the columns a survey reads.
final class RecordStream {
    let format: SourceFormat
    let encoding: TextEncoding
    let delimiter: String?
    let sha256: String
    let columns: [String]
    /// How row errors name their place (`svar.csv`, or `svar.xlsx:Blad1!` for a sheet).
    let location: String
    /// The sheet read, for a workbook.
    let sheet: String?
    /// The wanted columns in the order the file has them (CSV); the survey's order for JSON.
    private(set) var columnsInFileOrder: [String] = []
    /// Columns of the file that the survey does not read (CSV), for a warning.
    private(set) var unreadColumns: [String] = []
    private let file: String
    private var csv: SourceTable?
    private var csvIndices: [Int?] = []
    private var json: JSONRecordReader?
    private var separators: [String?]
    private var seenJSONColumns: Set<Int> = []
    private var rowNumber = 0

    /// - Parameters:
    ///   - columns: the source columns wanted, with the list separator for multi-answer columns.
    init(
        path: String, file: String, options: ReadOptions, shape: TableShape = TableShape(),
        columns: [(name: String, separator: String?)]
    ) throws {
        self.file = file
        self.columns = columns.map(\.name)
        self.separators = columns.map(\.separator)
        format = try SourceFormat.resolve(options.format, path: path, file: file)
        if format.isJSON {
            let reader = try JSONRecordReader(path: path, file: file, options: options, format: format)
            json = reader
            encoding = reader.encoding
            sha256 = reader.sha256
            delimiter = nil
            location = file
            sheet = nil
            columnsInFileOrder = self.columns
        } else {
            let table = try SourceTable(path: path, file: file, options: options, shape: shape)
            csv = table
            encoding = table.encoding ?? .utf8
            sha256 = table.sha256
            delimiter = (table.reader as? CSVRowReader)?.delimiterName
            location = table.location
            sheet = table.reader.sheet?.name
            csvIndices = Self.locate(self.columns, in: table.header)
            let missing = zip(self.columns, csvIndices).filter { $0.1 == nil }.map(\.0)
            if !missing.isEmpty {
                // A header further down (a preamble the definition does not know of) is named, with the fix.
                let wanted = Set(self.columns.map(MatchKey.header))
                var looked = 0
                while looked < 30, let row = try table.next() {
                    looked += 1
                    let found = row.fields.filter { wanted.contains(MatchKey.header($0.trimmedCell)) }.count
                    if found * 2 >= wanted.count && found > Set(table.header.map(MatchKey.header)).intersection(wanted).count {
                        throw ImportError.headerOnOtherLine(file: table.location, read: table.headerLine, found: row.line)
                    }
                }
                throw ImportError.missingColumns(
                    file: file, line: table.headerLine, columns: missing, available: table.header.filter { !$0.isEmpty })
            }
            columnsInFileOrder = zip(self.columns, csvIndices).sorted { ($0.1 ?? 0) < ($1.1 ?? 0) }.map(\.0)
            let used = Set(csvIndices.compactMap { $0 })
            unreadColumns = table.header.enumerated().filter { !used.contains($0.offset) }
                .map { $0.element.isEmpty ? "(column \($0.offset + 1), no header)" : $0.element }
        }
    }

    /// Where each wanted column stands in `header`: exact match first, then ignoring case and spacing.
    static func locate(_ wanted: [String], in header: [String]) -> [Int?] {
        let keys = header.map(MatchKey.header)
        return wanted.map { name in
            header.firstIndex(of: name) ?? keys.firstIndex(of: MatchKey.header(name))
        }
    }

    /// The next record, or nil at the end.
    func next() throws -> SourceRecord? {
        if let csv {
            guard let row = try csv.next() else { return nil }
            rowNumber += 1
            var cells = [String](repeating: "", count: columns.count)
            for (slot, index) in csvIndices.enumerated() {
                if let index, index < row.fields.count { cells[slot] = row.fields[index] }
            }
            var issue: ImportIssue?
            if csv.format.isSpreadsheet {
                // A sheet has no delimiters to miscount: cells past the header are a problem only when filled.
                if row.fields.count > csv.header.count, row.fields[csv.header.count...].contains(where: { !$0.trimmedCell.isEmpty }) {
                    issue = ImportIssue(
                        line: row.line,
                        message: "the row has values in \(row.fields.count - csv.header.count) column(s) right of the last header")
                }
            } else if let message = RecordStream.raggedness(of: row, header: csv.header, firstRow: rowNumber == 1) {
                issue = ImportIssue(line: row.line, message: message)
            }
            return SourceRecord(
                line: row.line, number: rowNumber, cells: cells, issue: issue, fields: row.fields, indices: csvIndices,
                width: csv.header.count)
        }
        guard let json, let record = try json.next() else { return nil }
        var cells = [String](repeating: "", count: columns.count)
        for (slot, name) in columns.enumerated() {
            guard let cell = record.cells[name] else { continue }
            seenJSONColumns.insert(slot)
            switch cell {
            case .value(let text): cells[slot] = text
            case .list(let items): cells[slot] = items.joined(separator: (separators[slot] ?? ";") + " ")
            case .null: break
            }
        }
        return SourceRecord(line: record.line, number: record.index, cells: cells)
    }

    /// What is wrong with a row whose cell count differs from the header's, or nil when nothing is.
    /// Extra cells are fine when empty: spreadsheets often end rows with stray delimiters.
    static func raggedness(of row: CSVRow, header: [String], firstRow: Bool) -> String? {
        let ragged =
            row.fields.count < header.count
            || (row.fields.count > header.count && row.fields[header.count...].contains(where: { !$0.isEmpty }))
        guard ragged else { return nil }
        var message = "the row has \(row.fields.count) cells but the header has \(header.count)"
        if firstRow && row.fields.count > header.count {
            message += " (if the real header is further down, name its line with \(Remedy.headerRow(nil)) or `header_row: N`)"
        }
        return message
    }

    /// What reading the file noticed (stray quotes, hidden rows, error cells, a footer), once it is read.
    var warnings: [String] { csv?.warnings ?? json?.warnings ?? [] }

    /// After the last record: checks the file did not change while it was read, and returns the SHA-256 of the
    /// bytes parsed (the one the import records).
    func verifyUnchanged() throws -> String {
        if let csv { return try csv.verifyUnchanged() }
        if let json { return try json.verifyUnchanged() }
        return sha256
    }

    /// Rows with no content at all, skipped.
    var emptyRows: Int { csv?.emptyRows ?? 0 }

    /// Wanted JSON keys that no record had (call at the end).
    var jsonColumnsNeverSeen: [String] {
        guard json != nil else { return [] }
        return columns.enumerated().filter { !seenJSONColumns.contains($0.offset) }.map(\.element)
    }
}
