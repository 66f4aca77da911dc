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

    public init(line: Int, column: String? = nil, message: String, record: Int? = nil) {
        self.line = line
        self.column = column
        self.message = message
        self.record = record
    }

    /// `foretag.csv:14: column "Nöjd med bredband (1-5)": 7 is outside the scale 1–5`.
    public func formatted(file: String) -> String {
        var text = "\(file):\(line): "
        if let column { text += "column \"\(column)\": " }
        text += message
        if let record { text += " (record \(record))" }
        return text
    }
}
