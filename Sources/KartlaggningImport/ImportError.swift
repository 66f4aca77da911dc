import Foundation
import KartlaggningCore
import KartlaggningModel

/// What can stop a file from being read or imported. Every case names the file, and the line
/// (or JSON record) and column where that is known: `foretag.csv:14: column "Nöjd (1-5)": 7 is outside the scale 1–5`.
public enum ImportError: Error, Equatable, Sendable, LocalizedError {
    case fileNotFound(file: String)
    case isDirectory(file: String)
    case unreadable(file: String, reason: String)
    case emptyFile(file: String)
    case headerOnly(file: String)
    case binaryFile(file: String, line: Int)
    /// Bytes that are not valid UTF-8 in a file that is UTF-8 (announced by its byte-order mark, or UTF-8 everywhere
    /// else): the first one's line and byte, how many sequences in all, and the first few lines that hold them.
    case invalidUTF8(file: String, line: Int, byte: Int, why: String, count: Int, lines: [Int], moreLines: Bool)
    /// The file changed while it was being read: nothing from it is written.
    case fileChanged(file: String, detail: String)
    /// A quote where RFC 4180 does not allow one.
    case strayQuote(file: String, line: Int, inQuotedCell: Bool)
    /// A cell, row or header past a reading limit.
    case limitExceeded(file: String, line: Int, what: String, limit: Remedy.ReadLimit)
    case implausibleEncoding(file: String, reason: String)
    case unterminatedQuote(file: String, line: Int)
    case missingColumns(file: String, line: Int, columns: [String], available: [String])
    case headerRowOutOfRange(file: String, headerRow: Int, rows: Int)
    /// The survey's columns are in a row below the one read as the header.
    case headerOnOtherLine(file: String, read: Int, found: Int)
    case jsonSyntax(file: String, line: Int, column: Int, message: String)
    case jsonShape(file: String, line: Int, message: String)
    /// A survey definition or district registry that cannot be used.
    case definition(file: String, line: Int?, message: String)
    case unknownFormat(file: String, format: String)
    /// A workbook that could not be read as a survey's table: the reason, and the workbook's sheets to choose from.
    indirect case inWorkbook(ImportError, sheets: [String])

    public var errorDescription: String? {
        switch self {
        case .fileNotFound(let file): "\(file): no such file"
        case .isDirectory(let file): "\(file): is a directory, not a file"
        case .unreadable(let file, let reason): "\(file): cannot be read: \(reason)"
        case .emptyFile(let file): "\(file): the file is empty"
        case .headerOnly(let file):
            "\(file): the file has a header but no data rows (if the header is further down, name its line with \(Remedy.headerRow(nil)))"
        case .binaryFile(let file, let line):
            "\(ImportIssue.place(file, line)): NUL and control bytes: this is a binary file, not CSV or JSON text (a workbook "
                + "or SPSS file renamed?)"
        case .invalidUTF8(let file, let line, let byte, let why, let count, let lines, let moreLines):
            "\(ImportIssue.place(file, line)): byte \(byte) is not valid UTF-8"
                + (count > 1 ? " (\(count) places in all, on \(FileProbe.listedLines(lines, more: moreLines)))" : "")
                + ", in a file that is UTF-8 \(why); nothing was read. Fix those bytes, or pass \(Remedy.encoding("utf-8")) to read them "
                + "as Windows-1252 characters and the rest as UTF-8, or \(Remedy.encoding("windows-1252")) if the whole file is "
                + "Windows-1252"
        case .fileChanged(let file, let detail):
            "\(file): the file changed while it was being read (\(detail)); nothing from it was written: import it again "
                + "once it is complete"
        case .strayQuote(let file, let line, true):
            "\(ImportIssue.place(file, line)): a quote inside a quoted cell that is not doubled (write \"\" for a quote in a cell); "
                + "\(Remedy.lenientQuotes) reads such cells as Excel does"
        case .strayQuote(let file, let line, false):
            "\(ImportIssue.place(file, line)): a quote inside a cell that does not start with one; quote the cell and double the quote, "
                + "or pass \(Remedy.lenientQuotes) to read it as Excel does"
        case .limitExceeded(let file, let line, let what, let limit):
            "\(ImportIssue.place(file, line)): \(what); if the file is right, raise the limit with \(Remedy.raiseLimit(limit))"
        case .implausibleEncoding(let file, let reason): "\(file): \(reason)"
        case .unterminatedQuote(let file, let line): "\(ImportIssue.place(file, line)): a quoted cell starts here and is never closed"
        case .missingColumns(let file, let line, let columns, let available):
            "\(ImportIssue.place(file, line)): missing column\(columns.count == 1 ? "" : "s") "
                + columns.map { "\"\($0.clipped())\"" }.joined(separator: ", ")
                + " that the survey maps; the file has " + available.prefix(12).map { "\"\($0.clipped(60))\"" }.joined(separator: ", ")
                + (available.count > 12 ? " and \(available.count - 12) more" : "")
        case .headerRowOutOfRange(let file, let headerRow, let rows):
            "\(file): the header row \(headerRow) (`header_row` or \(Remedy.headerRowSetting)) is past the end of the file (\(rows) rows)"
        case .headerOnOtherLine(let file, let read, let found):
            "\(ImportIssue.place(file, found)): the survey's columns are in this row, not in the one on line \(read): set "
                + "`header_row: \(found)` in the survey definition (or pass \(Remedy.headerRow(found)) for this import)"
        case .jsonSyntax(let file, let line, let column, let message): "\(file):\(line):\(column): JSON syntax error: \(message)"
        case .jsonShape(let file, let line, let message): "\(ImportIssue.place(file, line)): \(message)"
        case .definition(let file, let line, let message):
            line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
        case .unknownFormat(let file, let format):
            "\(file): unknown format \"\(format)\"; use csv, tsv, json, ndjson, xlsx, ods, sav, por or dta"
        case .inWorkbook(let error, let sheets):
            (error.errorDescription ?? "") + "; the workbook's sheets are " + sheets.joined(separator: ", ")
                + ": name the one with the answers with \(Remedy.chooseSheet(.name))"
        }
    }
}
