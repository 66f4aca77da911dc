import KartlaggningModel

/// A cross-tabulation: counts, bases, percentages, suppression and statistics, ready to render.
public struct CrossTable: Codable, Sendable, Equatable {
    /// One cell. A suppressed cell carries neither `n` nor `percent`.
    public struct Cell: Codable, Sendable, Equatable {
        public var row: String
        public var col: String
        public var n: Int?
        public var base: Int?
        public var percent: Double?
        public var suppressed: Bool
    }

    /// A row's or column's total: the base the percentages of that line are shares of.
    public struct Total: Codable, Sendable, Equatable {
        public var value: String
        public var n: Int?
        public var suppressed: Bool
    }

    /// χ² results: for the whole table, or per row (or column) of a multi-response dimension.
    public struct Stats: Codable, Sendable, Equatable {
        public var table: ChiSquare.Result?
        /// For a multi-response dimension: a 2×k test of each value (present or not) against the other dimension.
        public var perValue: [String: ChiSquare.Result]
        public var warnings: [String]
    }

    public var rows: String
    public var cols: String
    public var unit: CountUnit
    public var percentBase: PercentBase
    public var rowValues: [String]
    public var colValues: [String]
    public var multiResponseRows: Bool
    public var multiResponseCols: Bool
    public var cells: [Cell]
    public var rowTotals: [Total]
    public var colTotals: [Total]
    public var total: Int
    /// The whole is hidden: a selection whose own size may not be shown (`CrossTabulation`), every number in it hidden
    /// too. Renderers show `shownTotal`.
    public var totalSuppressed = false
    /// The whole as it may be shown: nil where it is hidden.
    public var shownTotal: Int? { totalSuppressed ? nil : total }
    public var minCell: Int
    public var stats: Stats?
    public var notes: [String]
    /// With `--audit`: each suppressed value's feasible range, worked out from everything the table shows.
    public var audit: [Range]?
    /// What the table published, for the publication ledger (not part of its JSON).
    public var publication: PublishedTable?
    /// Areas shown together (`AreaPooling`): which column (or row) counts which areas (not part of its JSON).
    public var districtPools = AreaPools()
    /// The respondent kinds it shows together (`KindPooling`); empty where each is shown on its own.
    public var kindPools = AreaPools()

    private enum CodingKeys: String, CodingKey {
        case rows, cols, unit, percentBase, rowValues, colValues, multiResponseRows, multiResponseCols, cells, rowTotals
        case colTotals, total, totalSuppressed, minCell, stats, notes, audit
    }

    /// What a reader can work out about a suppressed cell (row and col) or total (row or col nil).
    public struct Range: Codable, Sendable, Equatable {
        public var row: String?
        public var col: String?
        public var lower: Int
        public var upper: Int
    }

    /// The keys (`FactKeys`) of the numbers this table hides; a table withheld whole hides them all.
    public var hiddenKeys: Set<String> {
        guard let publication else { return [] }
        return Set(publication.published.filter { $0.hidden || totalSuppressed }.map(\.key))
    }

    /// The cell at `row`, `col`: found by its place where the cells lie row by row over `rowValues` × `colValues`
    /// (as tables are made), else looked for. A page that looks up every cell uses `Lookup`.
    public func cell(_ row: String, _ col: String) -> Cell? {
        if cells.count == rowValues.count * colValues.count, let r = rowValues.firstIndex(of: row), let c = colValues.firstIndex(of: col) {
            let placed = cells[r * colValues.count + c]
            if placed.row == row && placed.col == col { return placed }
        }
        return cells.first { $0.row == row && $0.col == col }
    }
}

extension CrossTable {
    /// The table without the rows no one is in (a theme no one raised): the same numbers, fewer empty rows. The rows
    /// left out, in order.
    public func droppingEmptyRows() -> (table: CrossTable, dropped: [String]) {
        let empty = rowTotals.filter { $0.n == 0 }.map(\.value)
        guard !empty.isEmpty else { return (self, []) }
        return (removingRows(Set(empty)), empty)
    }

    /// The table without the rows whose total is hidden and which show nothing (every cell hidden or 0): answers or
    /// themes fewer than min-cell gave, a row of `··` even for the whole. Nothing shown is dropped; a report names
    /// them in a line ("fewer than 3: …"), which says what `··` said.
    public func droppingHiddenRows() -> (table: CrossTable, dropped: [String]) {
        let lookup = Lookup(self)
        let hidden = rowTotals.filter(\.suppressed).map(\.value).filter { row in
            colValues.allSatisfy { col in lookup.cell(row, col).map { $0.suppressed || $0.n == 0 } ?? true }
        }
        guard !hidden.isEmpty else { return (self, []) }
        return (removingRows(Set(hidden)), hidden)
    }

    /// The table without a parent theme's row where it has one child and the same numbers as it in every cell (no
    /// one was tagged with the parent alone): two identical rows say one thing, and the child's row, named under its
    /// parent, says it. `parents` maps each theme of the codebook to its parent. The rows left out, in order.
    public func droppingParentsRepeatingTheirChild(parents: [String: String]) -> (table: CrossTable, dropped: [String]) {
        var children: [String: [String]] = [:]
        for (child, parent) in parents { children[parent, default: []].append(child) }
        let lookup = Lookup(self)
        let totals = Dictionary(rowTotals.map { ($0.value, $0) }, uniquingKeysWith: { first, _ in first })
        func same(_ a: String, _ b: String) -> Bool {
            guard let ta = totals[a], let tb = totals[b], ta.n == tb.n, ta.suppressed == tb.suppressed else { return false }
            return colValues.allSatisfy { col in
                let (x, y) = (lookup.cell(a, col), lookup.cell(b, col))
                return x?.n == y?.n && x?.suppressed == y?.suppressed
            }
        }
        let repeating = rowValues.filter { row in
            guard let only = children[row], only.count == 1, rowValues.contains(only[0]) else { return false }
            return same(row, only[0])
        }
        guard !repeating.isEmpty else { return (self, []) }
        return (removingRows(Set(repeating)), repeating)
    }

    /// The table without these rows, their totals and cells: the same numbers otherwise.
    func removingRows(_ rows: Set<String>) -> CrossTable {
        var table = self
        table.rowValues.removeAll { rows.contains($0) }
        table.rowTotals.removeAll { rows.contains($0.value) }
        table.cells.removeAll { rows.contains($0.row) }
        return table
    }

    /// Whether anyone has an answer in it: a row other than "(ej svar)" with someone in it (a hidden total has).
    public var anyAnswer: Bool {
        rowTotals.contains { $0.value != CrossSpec.noAnswer && ($0.n ?? 1) > 0 }
    }

    /// The table without the columns no one is in (a district outside a report's selection): the same numbers,
    /// fewer empty columns.
    public func droppingEmptyColumns() -> CrossTable {
        droppingColumns(Set(colTotals.filter { $0.n == 0 }.map(\.value)))
    }

    /// The table without these columns (one no one is in, or a pool of every area, which repeats the whole).
    public func droppingColumns(_ values: Set<String>) -> CrossTable {
        guard !values.isEmpty else { return self }
        var table = self
        table.colValues.removeAll { values.contains($0) }
        table.colTotals.removeAll { values.contains($0.value) }
        table.cells.removeAll { values.contains($0.col) }
        return table
    }

    /// The same table with its columns in `order` (columns it does not name keep their place after those it does):
    /// only the order changes, never a number.
    public func arrangingColumns(_ order: [String]) -> CrossTable {
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let current = Dictionary(colValues.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        func key(_ value: String) -> (Int, Int) { (rank[value] ?? order.count, current[value] ?? 0) }
        var table = self
        table.colValues.sort { key($0) < key($1) }
        table.colTotals.sort { key($0.value) < key($1.value) }
        // Each cell's place worked out once (a cell's key is its column's), not twice in every comparison: at 300
        // areas a report sorted a few hundred thousand keys that hashed a column name each.
        table.cells = cells.enumerated().map { (key: key($0.element.col), offset: $0.offset, cell: $0.element) }
            .sorted { ($0.key.0, $0.key.1, $0.offset) < ($1.key.0, $1.key.1, $1.offset) }.map(\.cell)
        return table
    }

    /// The same columns and totals with no rows: what a table of themes is when there is no codebook.
    public func withoutRows() -> CrossTable {
        var table = self
        table.rowValues = []
        table.rowTotals = []
        table.cells = []
        table.stats = nil
        table.multiResponseRows = true
        return table
    }
}
