import KartlaggningCore
import KartlaggningModel

/// Writes rejected rows, with their reasons, to a CSV file a user can fix and import again.
///
/// Columns: `file`, `line`, `errors`, then the survey's source columns as read.
public final class RejectsWriter {
    private let output: TextFileWriter
    private let csv = CSVWriter()
    private let columns: [String]
    private var wroteHeader = false
    /// Rows written so far.
    public private(set) var count = 0

    public init(path: String, columns: [String]) throws {
        output = try TextFileWriter(path: path)
        self.columns = columns
        output.write(csv.line(["file", "line", "errors"] + columns))
    }

    func write(file: String, line: Int, issues: [ImportIssue], cells: [String]) {
        let reasons = issues.map { issue in
            (issue.column.map { "column \"\($0)\": " } ?? "") + issue.message
        }.joined(separator: "; ")
        output.write(csv.line([file, String(line), reasons] + cells))
        count += 1
    }

    public func close() { output.flush() }
}
