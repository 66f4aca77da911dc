import KartlaggningModel

extension CrossCounts {
    /// Counts units: each unit adds to every cell of its row values × column values (weights multiplied), and once
    /// to each of its row and column values' bases and to the grand total — or, `weighted` (mentions), the bases
    /// are the cells' sums.
    public init(
        units: [(rows: [String: Int], cols: [String: Int])], rowValues: [String], colValues: [String], weighted: Bool,
        multiResponseRows: Bool = false, multiResponseCols: Bool = false
    ) {
        let rowIndex = Dictionary(rowValues.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let colIndex = Dictionary(colValues.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var counts = [[Int]](repeating: [Int](repeating: 0, count: colValues.count), count: rowValues.count)
        var rowBase = [Int](repeating: 0, count: rowValues.count)
        var colBase = [Int](repeating: 0, count: colValues.count)
        var grand = 0
        for unit in units {
            let rows = unit.rows.compactMap { value, weight in rowIndex[value].map { ($0, weight) } }
            let cols = unit.cols.compactMap { value, weight in colIndex[value].map { ($0, weight) } }
            for (r, rw) in rows { for (c, cw) in cols { counts[r][c] += rw * cw } }
            if !weighted {
                grand += 1
                for (r, _) in rows { rowBase[r] += 1 }
                for (c, _) in cols { colBase[c] += 1 }
            }
        }
        if weighted {
            rowBase = counts.map { $0.reduce(0, +) }
            colBase = colValues.indices.map { c in counts.reduce(0) { $0 + $1[c] } }
            grand = rowBase.reduce(0, +)
        }
        self.init(
            counts: counts, rowBase: rowBase, colBase: colBase, grand: grand, rowValues: rowValues, colValues: colValues,
            multiResponseRows: multiResponseRows, multiResponseCols: multiResponseCols)
    }

    /// The same counts with rows and columns in the given order; a value not counted gets zeros.
    public func arranged(rowValues newRows: [String], colValues newCols: [String]) -> CrossCounts {
        let rowIndex = Dictionary(rowValues.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let colIndex = Dictionary(colValues.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let cols = newCols.map { colIndex[$0] }
        return CrossCounts(
            counts: newRows.map { value in
                guard let r = rowIndex[value] else { return [Int](repeating: 0, count: newCols.count) }
                return cols.map { c in c.map { counts[r][$0] } ?? 0 }
            },
            rowBase: newRows.map { rowIndex[$0].map { rowBase[$0] } ?? 0 }, colBase: cols.map { c in c.map { colBase[$0] } ?? 0 },
            grand: grand, rowValues: newRows, colValues: newCols, multiResponseRows: multiResponseRows,
            multiResponseCols: multiResponseCols)
    }
}
