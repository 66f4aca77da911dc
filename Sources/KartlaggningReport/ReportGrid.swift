/// A table as a report template writes it: the header texts after the first column, and the rows, each a name and
/// its cells (texts already formatted). A closed question's grid also carries its text, id and whether it is
/// multi-response.
public struct ReportGrid: Encodable, Sendable, Equatable {
    public var columns: [String]
    public var rows: [Row]
    public var text: String?
    public var id: String?
    public var multi: Bool?

    public struct Row: Encodable, Sendable, Equatable {
        public var name: String
        public var cells: [String]
    }

    public init(columns: [String], rows: [Row]) {
        self.columns = columns
        self.rows = rows
    }
}
