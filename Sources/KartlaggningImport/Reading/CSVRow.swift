/// One CSV record: its cells and the line it starts on.
public struct CSVRow: Sendable, Equatable {
    public var fields: [String]
    /// The physical line the record starts on (a quoted line break makes a record span lines).
    public var line: Int
}
