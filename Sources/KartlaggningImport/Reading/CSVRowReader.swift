import KartlaggningCore
import KartlaggningModel

/// A CSV or TSV file's records: encoding and delimiter settled, then streamed.
final class CSVRowReader: RowReader {
    let encoding: TextEncoding
    let delimiter: UInt8
    let sha256: String
    private let path: String
    private let file: String
    private let source: TextSource
    private var parser: CSVParser

    /// - Parameter skipLines: lines above the header, left out when sniffing the delimiter.
    init(path: String, file: String, options: ReadOptions, skipLines: Int) throws {
        let source = try TextSource.open(path: path, file: file, requested: options.encoding)
        self.path = path
        self.file = file
        self.source = source
        encoding = source.encoding
        sha256 = source.probe.sha256
        if let explicit = try options.delimiterByte(file: file) {
            delimiter = explicit
        } else {
            // Sniff from the first 64 KiB, then hand those chunks back to the parser.
            var sample: [UInt8] = []
            var chunks: [[UInt8]] = []
            var complete = false
            while sample.count < 1 << 16 {
                guard let chunk = try source.stream.next() else {
                    complete = true
                    break
                }
                chunks.append(chunk)
                sample += chunk
            }
            for chunk in chunks.reversed() { source.stream.pushBack(chunk) }
            delimiter = DialectSniffer.sniff(sample, complete: complete, skipRecords: skipLines) ?? 0x2C
        }
        parser = CSVParser(
            stream: source.stream, file: file, delimiter: delimiter, lenientQuotes: options.lenientQuotes, limits: options.limits)
    }

    func nextRow() throws -> CSVRow? { try parser.next() }

    func verifyUnchanged() throws -> String { try source.verifyUnchanged(path: path, file: file) }

    /// Cells with quotes RFC 4180 does not allow, read as Excel reads them (`--lenient-quotes`).
    var strayQuotes: Int { parser.strayQuotes }

    /// The delimiter as users write it (`;`, `,`, `\t`, `|`).
    var delimiterName: String { delimiter == 0x09 ? "\\t" : String(UnicodeScalar(delimiter)) }

    var description: String { "\(encoding.rawValue), delimiter \(delimiterName)" }

    var warnings: [String] {
        source.warnings
            + (strayQuotes == 0
                ? []
                : [
                    "\(strayQuotes) cell\(strayQuotes == 1 ? " has" : "s have") quotes RFC 4180 does not allow; "
                        + "read as Excel reads them (\(Remedy.lenientQuotes))"
                ])
    }
}
