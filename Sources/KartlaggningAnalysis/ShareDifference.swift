import KartlaggningModel

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
    /// The column's base and the rest's: the sizes of the two groups compared.
    public var base: Int
    public var restBase: Int
    /// 95 % interval of `points` (Newcombe's hybrid score interval of the column against the rest, scaled to the
    /// difference from the whole), in percentage points.
    public var lowerPoints: Double
    public var upperPoints: Double
    /// `pValue` after the report's multiple-comparison correction (`MultipleComparison`); `pValue` until then.
    public var adjustedP: Double

    /// Every shown cell of `table` (column percentages of respondents) against its row's share of the whole, the
    /// largest differences first. Suppressed cells and totals, and the "(ej svar)"/"(okänt)" values, are left out.
    /// - Parameter top: how many to keep (nil: all).
    public static func largest(in table: CrossTable, top: Int? = nil) -> [ShareDifference] {
        let skip: Set<String> = ["(ej svar)", "(okänt)"]
        var out: [ShareDifference] = []
        // A selection withheld whole has no whole to differ from.
        if table.totalSuppressed { return out }
        let lookup = CrossTable.Lookup(table)
        for row in table.rowValues where !skip.contains(row) {
            guard let rowTotal = lookup.rowTotal(row), let inRow = rowTotal.n, inRow > 0 else { continue }
            for col in table.colValues where !skip.contains(col) {
                guard let cell = lookup.cell(row, col), let n = cell.n, let base = cell.base, base > 0, base < table.total else {
                    continue
                }
                let restBase = table.total - base
                let restN = inRow - n
                guard restN >= 0, restN <= restBase else { continue }
                let observed = [[Double(n), Double(base - n)], [Double(restN), Double(restBase - restN)]]
                guard let test = ChiSquare.test(observed) else { continue }
                let percent = Double(n) / Double(base) * 100
                let whole = Double(inRow) / Double(table.total) * 100
                // The column minus the whole is (rest's share of the whole) × (column − rest).
                let scale = Double(restBase) / Double(table.total) * 100
                let interval = ProportionInterval.newcombe(n, of: base, restN, of: restBase)
                out.append(
                    ShareDifference(
                        row: row, col: col, percent: percent, wholePercent: whole, points: percent - whole, chiSquare: test.chiSquare,
                        pValue: test.pValue, lowExpected: test.lowExpectedCells > 0, base: base, restBase: restBase,
                        lowerPoints: interval.lowerBound * scale, upperPoints: interval.upperBound * scale, adjustedP: test.pValue))
            }
        }
        out.sort(by: precedes)
        return top.map { Array(out.prefix($0)) } ?? out
    }

    /// The differences of a closed question's table: as `largest(in:)`, but of a question with two answers (ja/nej,
    /// yes/no, any pair) only the first answer's — the second mirrors it (the same χ², the opposite points).
    public static func ofQuestion(_ table: CrossTable) -> [ShareDifference] {
        let answers = table.rowValues.filter { $0 != CrossSpec.noAnswer && $0 != CrossSpec.unknown }
        let mirror = !table.multiResponseRows && answers.count == 2 ? answers.last : nil
        return largest(in: table).filter { $0.row != mirror }
    }

    /// Which of `candidates` are worth a meeting's time by `rule`: both groups of at least `rule.minGroup`, and
    /// holding at 5 % after `rule.correction` over all that were compared (the family). The result is aligned with
    /// `candidates`: the difference with its adjusted p, or nil where it is not shown.
    public static func worthShowing(_ candidates: [ShareDifference], rule: DifferenceRule) -> (shown: [ShareDifference?], compared: Int) {
        let compared = candidates.indices.filter { candidates[$0].base >= rule.minGroup && candidates[$0].restBase >= rule.minGroup }
        let adjusted = rule.correction.adjust(compared.map { candidates[$0].pValue })
        var shown = [ShareDifference?](repeating: nil, count: candidates.count)
        for (index, p) in zip(compared, adjusted) where p < 0.05 {
            var difference = candidates[index]
            difference.adjustedP = p
            shown[index] = difference
        }
        return (shown, compared.count)
    }

    /// The order differences are listed in: the largest (in points) first, then the smaller p, then by name.
    public static func precedes(_ a: ShareDifference, _ b: ShareDifference) -> Bool {
        (-abs(a.points), a.pValue, a.row, a.col) < (-abs(b.points), b.pValue, b.row, b.col)
    }
}
