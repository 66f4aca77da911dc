/// One problem with one row: where it is and what is wrong.
public struct ImportIssue: Codable, Sendable, Equatable {
    /// The line the row starts on; for JSON, the line of the record.
    public var line: Int
    /// The source column, when the problem lies in one cell.
    public var column: String?
    /// What is wrong, in words a user can act on.
    public var message: String
    /// The record number (JSON), when that helps to find the row.
    public var record: Int?
    /// Issues with the same group (an unknown district name) are summarised once, with their count and first lines.
    package var group: String?

    enum CodingKeys: String, CodingKey { case line, column, message, record }

    public init(line: Int, column: String? = nil, message: String, record: Int? = nil) {
        self.init(line: line, column: column, message: message, record: record, group: nil)
    }

    package init(line: Int, column: String? = nil, message: String, record: Int? = nil, group: String?) {
        self.group = group
        self.line = line
        self.column = column
        self.message = message
        self.record = record
    }

    /// `foretag.csv:14: column "Nöjd med bredband (1-5)": 7 is outside the scale 1–5`; for a sheet, `file` is
    /// `svar.xlsx:Blad1!` and the place reads `svar.xlsx:Blad1!14`.
    public func formatted(file: String) -> String {
        var text = "\(Self.place(file, line)): "
        if let column { text += "column \"\(column)\": " }
        text += message
        if let record { text += " (record \(record))" }
        return text
    }

    /// `file:line`, or `file!line` run together for a sheet (`svar.xlsx:Blad1!14`).
    package static func place(_ file: String, _ line: Int) -> String {
        file.hasSuffix("!") ? "\(file)\(line)" : "\(file):\(line)"
    }
}
