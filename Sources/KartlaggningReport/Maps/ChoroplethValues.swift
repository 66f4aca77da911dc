import KartlaggningAnalysis
import KartlaggningModel

/// A map's values read from one protected table (areas as columns): the one place a map takes numbers, so it shows
/// exactly what the table shows. A hidden cell is `.hidden` (a hidden area total too: its base may not be shown); a
/// shown base below the minimum is `.lowBase`; pooled columns give their value to each of their districts.
public enum ChoroplethValues {
    /// The values of `row` of `table` (columns: districts or pools of them), and the pools drawn as one.
    public static func values(
        of table: CrossTable, row: String, minBase: Int, palette: ChoroplethInput.Palette
    ) -> (values: [String: ChoroplethInput.Value], pools: [(label: String, districts: [String])]) {
        let lookup = CrossTable.Lookup(table)
        let totals = Dictionary(table.colTotals.map { ($0.value, $0) }, uniquingKeysWith: { first, _ in first })
        let whole = wholeShare(of: table, row: row)
        var values: [String: ChoroplethInput.Value] = [:]
        var pools: [(label: String, districts: [String])] = []
        for column in table.colValues {
            let value: ChoroplethInput.Value
            let total = totals[column]
            if total?.suppressed == true {
                value = .hidden
            } else if let base = total?.n, base == 0 {
                value = .noData
            } else if let base = total?.n, base < minBase {
                value = .lowBase(base: base)
            } else if let cell = lookup.cell(row, column) {
                if cell.suppressed || table.totalSuppressed {
                    value = .hidden
                } else if let n = cell.n, let percent = cell.percent, let base = total?.n {
                    if palette == .diverging, let whole {
                        value = .difference(points: percent - whole, percent: percent, base: base)
                    } else {
                        value = .share(percent: percent, n: n, base: base)
                    }
                } else {
                    value = .noData
                }
            } else {
                value = .noData
            }
            if let members = table.districtPools.pools[column] {
                pools.append((column, members))
                for member in members { values[member] = value }
            } else {
                values[column] = value
            }
        }
        return (values, pools)
    }

    /// The row's share of the whole table, in percent, where the table shows both; nil where either is hidden.
    public static func wholeShare(of table: CrossTable, row: String) -> Double? {
        guard !table.totalSuppressed, table.total > 0,
            let total = table.rowTotals.first(where: { $0.value == row }), !total.suppressed, let n = total.n
        else { return nil }
        return Double(n) / Double(table.total) * 100
    }
}
