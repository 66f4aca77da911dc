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
    /// A line under the table (which areas a pool counts).
    public var note: String?
    /// The values of the columns as the tables name them (areas, pools), where a grid's columns are not a table's:
    /// the scale and number means.
    public var columnValues: [String] = []
    /// The grid cut into tables of at most a page's width (`paged`): the same rows, a few columns each.
    public var parts: [ReportGrid] = []
    /// Whether a part follows another (a blank line before it in Markdown).
    public var separated = false

    public struct Row: Encodable, Sendable, Equatable {
        public var name: String
        public var cells: [String]
    }

    public init(columns: [String], rows: [Row]) {
        self.columns = columns
        self.rows = rows
    }

    /// One part as a Markdown table, after a blank line where it follows another: the report templates' `{{> grid}}`.
    public static let template = """
        {{#separated}}

        {{/separated}}
        | {{{corner}}} |{{#columns}} {{{.}}} |{{/columns}}
        |---|{{#columns}}---:|{{/columns}}
        {{#rows}}
        | {{{name}}} |{{#cells}} {{{.}}} |{{/cells}}
        {{/rows}}

        """

    /// The grid with `parts`: its columns in groups of at most `maxColumns` (evenly sized), each a table of its own
    /// with every row — a table of 20 themes for 300 areas fits an A4 page in three parts instead of running off it.
    public func paged(maxColumns: Int) -> ReportGrid {
        var paged = self
        let count = max(1, Int((Double(columns.count) / Double(max(1, maxColumns))).rounded(.up)))
        let size = max(1, Int((Double(columns.count) / Double(count)).rounded(.up)))
        paged.parts = stride(from: 0, to: max(columns.count, 1), by: size).enumerated().map { index, start in
            let range = start..<min(start + size, columns.count)
            var part = ReportGrid(
                columns: Array(columns[range]),
                rows: rows.map { row in Row(name: row.name, cells: range.map { c in c < row.cells.count ? row.cells[c] : "" }) })
            part.corner = corner
            part.separated = index > 0
            return part
        }
        return paged
    }

    /// The same grid turned: its columns (areas) as rows, its rows as columns, `corner` naming the new rows — a
    /// table for 40 or 300 areas grows down the page instead of off its edge.
    /// - Parameter groups: each column's group (`AreaArrangement.groups(of:)`), nil for none: a row with the group's
    ///   name in bold and empty cells comes before the first area of each group.
    public func transposed(corner: String, groups: [String?] = []) -> ReportGrid {
        var turned = ReportGrid(columns: rows.map(\.name), rows: [])
        var current: String?
        for c in columns.indices {
            if c < groups.count, let group = groups[c], group != current {
                turned.rows.append(Row(name: "**\(Markdown.cell(group))**", cells: rows.map { _ in "" }))
                current = group
            }
            turned.rows.append(Row(name: columns[c], cells: rows.map { c < $0.cells.count ? $0.cells[c] : "" }))
        }
        turned.corner = corner
        turned.text = text
        turned.id = id
        turned.multi = multi
        turned.note = note
        return turned
    }
}
