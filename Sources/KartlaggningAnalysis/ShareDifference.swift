/// How far one column's share of a row value (a district's share raising a theme) lies from the share in the
/// whole table, with Pearson's χ² (df 1, no continuity correction) of the column against the rest.
public struct ShareDifference: Sendable, Equatable, Codable {
    public var row: String
    public var col: String
    /// The column's share, 0–100.
    public var percent: Double
    /// The whole table's share, 0–100.
    public var wholePercent: Double
    /// `percent − wholePercent`, in percentage points.
    public var points: Double
    public var chiSquare: Double
    public var pValue: Double
    /// Whether an expected count of the 2×2 table is below 5, where the χ² approximation is unreliable.
    public var lowExpected: Bool

    /// Every shown cell of `table` (column percentages of respondents) against its row's share of the whole, the
    /// largest differences first. Suppressed cells and totals, and the "(ej svar)"/"(okänt)" values, are left out.
    /// - Parameter top: how many to keep (nil: all).
    public static func largest(in table: CrossTable, top: Int? = nil) -> [ShareDifference] {
        let skip: Set<String> = ["(ej svar)", "(okänt)"]
        var out: [ShareDifference] = []
        for row in table.rowValues where !skip.contains(row) {
            guard let rowTotal = table.rowTotals.first(where: { $0.value == row }), let inRow = rowTotal.n, inRow > 0 else { continue }
            for col in table.colValues where !skip.contains(col) {
                guard let cell = table.cell(row, col), let n = cell.n, let base = cell.base, base > 0, base < table.total else {
                    continue
                }
                let restBase = table.total - base
                let restN = inRow - n
                guard restN >= 0, restN <= restBase else { continue }
                let observed = [[Double(n), Double(base - n)], [Double(restN), Double(restBase - restN)]]
                guard let test = ChiSquare.test(observed) else { continue }
                let percent = Double(n) / Double(base) * 100
                let whole = Double(inRow) / Double(table.total) * 100
                out.append(
                    ShareDifference(
                        row: row, col: col, percent: percent, wholePercent: whole, points: percent - whole, chiSquare: test.chiSquare,
                        pValue: test.pValue, lowExpected: test.lowExpectedCells > 0))
            }
        }
        out.sort(by: precedes)
        return top.map { Array(out.prefix($0)) } ?? out
    }

    /// The order differences are listed in: the largest (in points) first, then the smaller p, then by name.
    public static func precedes(_ a: ShareDifference, _ b: ShareDifference) -> Bool {
        (-abs(a.points), a.pValue, a.row, a.col) < (-abs(b.points), b.pValue, b.row, b.col)
    }
}
