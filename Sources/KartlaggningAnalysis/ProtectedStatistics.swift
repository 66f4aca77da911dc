/// χ² and Cramér's V computed from what a protected table may show, so that no statistic undoes its protection: the
/// rows that hold a hidden number are merged into one row, and the columns whose total is hidden into one column,
/// before the test. Every count of that merged table follows from the totals and shown cells, so the statistic tells
/// nothing they do not — any fill of the hidden cells that keeps the table's facts gives the same χ².
/// For a multi-response dimension, a value whose line holds a hidden number gets no 2×k test.
enum ProtectedStatistics {
    /// The statistics of `counts` as published with `hidden`, `hiddenRowTotal`, `hiddenColTotal`.
    static func compute(
        counts: [[Int]], rowBase: [Int], colBase: [Int], rowValues: [String], colValues: [String], hidden: [[Bool]],
        hiddenRowTotal: [Bool], hiddenColTotal: [Bool], multiResponseRows: Bool, multiResponseCols: Bool
    ) -> CrossTable.Stats {
        var perValue: [String: ChiSquare.Result] = [:]
        var table: ChiSquare.Result?
        var warnings: [String] = []
        let rowHides = rowValues.indices.map { hidden[$0].contains(true) || hiddenRowTotal[$0] }
        let colHides = colValues.indices.map { c in rowValues.indices.contains { hidden[$0][c] } || hiddenColTotal[c] }
        if !multiResponseRows && !multiResponseCols {
            let merged = merge(counts, rows: rowHides, cols: hiddenColTotal)
            table = ChiSquare.test(merged.map { $0.map(Double.init) })
            if rowHides.contains(true) || hiddenColTotal.contains(true) {
                warnings.append(
                    table == nil
                        ? "no χ²: once the lines with hidden cells are merged (so that χ² gives none of them away), too few remain"
                        : "χ² with the rows holding hidden cells merged into one"
                            + (hiddenColTotal.contains(true) ? " and the columns with hidden totals into one" : "")
                            + ", so that it gives no hidden cell away")
            }
        } else if multiResponseRows && !multiResponseCols {
            let shownCols = colValues.indices.filter { !hiddenColTotal[$0] }
            for (r, row) in rowValues.enumerated() where !rowHides[r] {
                perValue[row] = ChiSquare.test([
                    shownCols.map { Double(counts[r][$0]) }, shownCols.map { Double(colBase[$0] - counts[r][$0]) },
                ])
            }
            if rowHides.contains(true) { warnings.append("no χ² for values with hidden cells, so that it gives none away") }
        } else if multiResponseCols && !multiResponseRows {
            let shownRows = rowValues.indices.filter { !hiddenRowTotal[$0] }
            for (c, col) in colValues.enumerated() where !colHides[c] {
                perValue[col] = ChiSquare.test([
                    shownRows.map { Double(counts[$0][c]) }, shownRows.map { Double(rowBase[$0] - counts[$0][c]) },
                ])
            }
            if colHides.contains(true) { warnings.append("no χ² for values with hidden cells, so that it gives none away") }
        } else {
            warnings.append("no χ² for two multi-response dimensions")
        }
        for result in [table].compactMap({ $0 }) + perValue.values where result.lowExpectedCells > 0 {
            warnings.append("some expected counts are below 5: the χ² approximation is unreliable there")
            break
        }
        return CrossTable.Stats(table: table, perValue: perValue, warnings: warnings)
    }

    /// `counts` with the marked rows summed into one last row and the marked columns into one last column.
    static func merge(_ counts: [[Int]], rows: [Bool], cols: [Bool]) -> [[Int]] {
        let width = cols.count
        let keptCols = (0..<width).filter { !cols[$0] }
        let mergesCols = cols.contains(true)
        func line(_ row: [Int]) -> [Int] {
            keptCols.map { row[$0] } + (mergesCols ? [(0..<width).filter { cols[$0] }.reduce(0) { $0 + row[$1] }] : [])
        }
        var out = counts.indices.filter { !rows[$0] }.map { line(counts[$0]) }
        if rows.contains(true) {
            let mergedRow = counts.indices.filter { rows[$0] }.reduce([Int](repeating: 0, count: width)) { sum, r in
                zip(sum, counts[r]).map { $0 + $1 }
            }
            out.append(line(mergedRow))
        }
        return out
    }
}
