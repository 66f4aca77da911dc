import Foundation

/// Writes RFC 4180 CSV: cells with the delimiter, quotes or line breaks are quoted, quotes doubled.
public struct CSVWriter {
    public let delimiter: Character

    public init(delimiter: Character = ",") {
        self.delimiter = delimiter
    }

    /// One record as a line, CRLF-terminated as RFC 4180 has it.
    public func line(_ cells: [String]) -> String {
        cells.map(escape).joined(separator: String(delimiter)) + "\r\n"
    }

    func escape(_ cell: String) -> String {
        let needsQuotes =
            cell.contains(delimiter) || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
            || cell.hasPrefix(" ") || cell.hasSuffix(" ")
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
