/// A table as a report template writes it: the header texts after the first column, and the rows, each a name and
/// its cells (texts already formatted). A closed question's grid also carries its text, id and whether it is
/// multi-response.
public struct ReportGrid: Encodable, Sendable, Equatable {
    /// The first header cell: what the rows are (Tema, Svar …, or Område when the grid is turned).
    public var corner = ""
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

    /// The same grid turned: its columns (areas) as rows, its rows as columns, `corner` naming the new rows — a
    /// table for 40 or 300 areas grows down the page instead of off its edge.
    public func transposed(corner: String) -> ReportGrid {
        var turned = ReportGrid(
            columns: rows.map(\.name),
            rows: columns.indices.map { c in Row(name: columns[c], cells: rows.map { c < $0.cells.count ? $0.cells[c] : "" }) })
        turned.corner = corner
        (turned.text, turned.id, turned.multi) = (text, id, multi)
        return turned
    }
}
