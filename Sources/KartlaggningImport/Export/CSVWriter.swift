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
        let needsQuotes = cell.contains(delimiter) || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
            || cell.hasPrefix(" ") || cell.hasSuffix(" ")
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A text file written line by line, for exports and rejects that may be large.
public final class TextFileWriter {
    private let handle: FileHandle
    private var buffer = ""

    /// Creates (or truncates) the file at `path`.
    public init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ImportError.unreadable(file: path, reason: "cannot be written")
        }
        self.handle = handle
    }

    /// A writer to standard output.
    public init(standardOutput: Void = ()) {
        handle = FileHandle.standardOutput
    }

    public func write(_ text: String) {
        buffer += text
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer.utf8))
        buffer = ""
    }

    deinit { flush() }
}
