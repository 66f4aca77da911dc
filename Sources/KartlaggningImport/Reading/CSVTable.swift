import Foundation
import KartlaggningCore

/// A CSV or TSV file opened for reading: encoding and delimiter settled, header read, rows streamed.
final class CSVTable {
    let file: String
    let header: [String]
    let headerLine: Int
    let encoding: TextEncoding
    let delimiter: UInt8
    let sha256: String
    private let path: String
    private let source: TextSource
    private var parser: CSVParser

    /// Opens `path`, detecting what `options` leaves open.
    /// - Throws: `ImportError` for an unreadable, empty, binary or mis-encoded file, a header row past the
    ///   end, or a duplicate header.
    init(path: String, file: String, options: ReadOptions) throws {
        let source = try TextSource.open(path: path, file: file, requested: options.encoding)
        self.file = file
        self.path = path
        self.source = source
        self.encoding = source.encoding
        self.sha256 = source.probe.sha256
        let headerRow = max(1, options.headerRow)
        if let explicit = try options.delimiterByte(file: file) {
            delimiter = explicit
        } else {
            // Sniff from the first 64 KiB, then hand those chunks back to the parser.
            var sample: [UInt8] = []
            var chunks: [[UInt8]] = []
            var complete = false
            while sample.count < 1 << 16 {
                guard let chunk = try source.stream.next() else { complete = true; break }
                chunks.append(chunk)
                sample += chunk
            }
            for chunk in chunks.reversed() { source.stream.pushBack(chunk) }
            delimiter = DialectSniffer.sniff(sample, complete: complete, skipRecords: headerRow - 1) ?? 0x2C
        }
        parser = CSVParser(
            stream: source.stream, file: file, delimiter: delimiter, lenientQuotes: options.lenientQuotes, limits: options.limits)
        var rowsSeen = 0
        var headerRecord: CSVRow?
        while let row = try parser.next() {
            rowsSeen += 1
            if rowsSeen == headerRow { headerRecord = row; break }
        }
        guard let headerRecord else {
            if rowsSeen == 0 { throw ImportError.emptyFile(file: file) }
            throw ImportError.headerRowOutOfRange(file: file, headerRow: headerRow, rows: rowsSeen)
        }
        header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        headerLine = headerRecord.line
        var seen = Set<String>()
        for name in header where !name.isEmpty {
            if !seen.insert(MatchKey.header(name)).inserted {
                throw ImportError.duplicateHeader(file: file, line: headerLine, column: name)
            }
        }
    }

    /// Rows whose every cell is empty (`;;;;` lines that spreadsheets leave), skipped and counted here.
    private(set) var emptyRows = 0

    /// The next data row that has any content, or nil at the end.
    func next() throws -> CSVRow? {
        while let row = try parser.next() {
            if row.fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
                emptyRows += 1
                continue
            }
            return row
        }
        return nil
    }

    /// Cells with quotes RFC 4180 does not allow, read as Excel reads them (`--lenient-quotes`).
    var strayQuotes: Int { parser.strayQuotes }

    /// After the last row: the SHA-256 of the bytes parsed; throws when the file changed while it was read.
    func verifyUnchanged() throws -> String {
        try source.verifyUnchanged(path: path, file: file)
    }

    /// The delimiter as users write it (`;`, `,`, `\t`, `|`).
    var delimiterName: String { delimiter == 0x09 ? "\\t" : String(UnicodeScalar(delimiter)) }
}
