import KartlaggningCore
/// Counts units into a table and protects it: percentages of the chosen base, small cells suppressed with
/// enough further cells that no hidden value can be recovered from the totals shown, and χ² statistics.
public enum CrossTabulation {
    /// How one table is tabulated: what a `CrossSpec` says, with the multi-response flags its counts carry and the
    /// theme tree as parents. Tests set it directly to tabulate hand-made units.
    struct Options: Sendable {
        var rows = "rows"
        var cols = "cols"
        var unit = CountUnit.respondents
        var percent = PercentBase.col
        /// Cells with 0 < n < minCell are suppressed; 0 turns suppression off.
        var minCell = 3
        var stats = false
        var multiResponseRows = false
        var multiResponseCols = false
        /// Mentions: bases are sums of cells, not counts of units.
        var weighted: Bool { unit == .mentions }
        /// Each row value's parent (themes): a parent's cell counts its children's units too, so a cell hidden in a
        /// child is hidden in its ancestors, lest parent minus shown siblings give it away.
        var rowParents: [String: String] = [:]
        /// The same for column values.
        var colParents: [String: String] = [:]
        /// Keep each suppressed value's feasible range in the table (`crosstab --audit`).
        var audit = false

        init() {}

        init(_ spec: CrossSpec) {
            (rows, cols, unit, percent) = (spec.rows.description, spec.cols.description, spec.unit, spec.percent)
            (minCell, stats, audit) = (spec.minCell, spec.stats, spec.audit)
            let parents = spec.codebook?.codebook.parents ?? [:]
            if spec.rows == .theme { rowParents = parents }
            if spec.cols == .theme { colParents = parents }
        }
    }

    /// The table `spec` asks for, from its counts (`CrossEngine.counts`): percentages, protection and statistics.
    public static func tabulate(_ counted: CrossCounts, spec: CrossSpec) -> CrossTable {
        tabulate(counted, options: Options(spec))
    }

    static func tabulate(_ units: [CrossUnit], rowValues: [String], colValues: [String], options: Options) -> CrossTable {
        tabulate(
            CrossCounts(
                units: units.map { ($0.rows, $0.cols) }, rowValues: rowValues, colValues: colValues, weighted: options.weighted),
            options: options)
    }

    /// Tabulates counts, their multi-response flags taken over.
    static func tabulate(_ counted: CrossCounts, options: Options) -> CrossTable {
        var options = options
        options.multiResponseRows = options.multiResponseRows || counted.multiResponseRows
        options.multiResponseCols = options.multiResponseCols || counted.multiResponseCols
        return tabulate(
            counts: counted.counts, rowBase: counted.rowBase, colBase: counted.colBase, grand: counted.grand,
            rowValues: counted.rowValues, colValues: counted.colValues, options: options)
    }

    /// Tabulates counts already made: `counts[row][col]`, the units with each row and column value, and all units.
    static func tabulate(
        counts: [[Int]], rowBase: [Int], colBase: [Int], grand: Int, rowValues: [String], colValues: [String], options: Options
    ) -> CrossTable {
        let rowIndex = Dictionary(rowValues.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let colIndex = Dictionary(colValues.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })

        // MARK: Suppression
        let minCell = max(0, options.minCell)
        var hidden = counts.map { $0.map { $0 > 0 && $0 < minCell } }
        var hiddenRowTotal = rowBase.map { $0 > 0 && $0 < minCell }
        var hiddenColTotal = colBase.map { $0 > 0 && $0 < minCell }
        var ranges: [SuppressionAudit.Value: ClosedRange<Int>] = [:]
        var unprotectable = false
        if minCell > 0 {
            for r in rowValues.indices where hiddenRowTotal[r] { for c in colValues.indices where counts[r][c] > 0 { hidden[r][c] = true } }
            for c in colValues.indices where hiddenColTotal[c] { for r in rowValues.indices where counts[r][c] > 0 { hidden[r][c] = true } }
            // A line whose cells add up to its shown total gives a lone hidden cell away: hide a second one.
            let rowAdditive = rowValues.indices.map { counts[$0].reduce(0, +) == rowBase[$0] }
            let colAdditive = colValues.indices.map { c in counts.reduce(0) { $0 + $1[c] } == colBase[c] }
            let rowTotalsAdditive = rowBase.reduce(0, +) == grand
            let colTotalsAdditive = colBase.reduce(0, +) == grand
            let rowParent = rowValues.map { options.rowParents[$0].flatMap { rowIndex[$0] } }
            let colParent = colValues.map { options.colParents[$0].flatMap { colIndex[$0] } }
            let rowChildren = rowValues.indices.map { p in rowValues.indices.filter { rowParent[$0] == p } }
            let colChildren = colValues.indices.map { p in colValues.indices.filter { colParent[$0] == p } }
            var changed = true
            while changed {
                changed = false
                // A parent counts its children's units (a child's respondents are the parent's too). With a child's
                // cell hidden, the parent's cell would tell something about it only if the parent has units its shown
                // children do not account for: then it is hidden too. Where the shown children already reach the
                // parent's count (overlapping children), the hidden child could be anything from 0 up: it stays.
                for r in rowValues.indices {
                    for c in colValues.indices where hidden[r][c] {
                        if let p = rowParent[r], !hidden[p][c], counts[p][c] > 0,
                            counts[p][c] > rowChildren[p].filter({ !hidden[$0][c] }).reduce(0, { $0 + counts[$1][c] })
                        {
                            hidden[p][c] = true
                            changed = true
                        }
                        if let p = colParent[c], !hidden[r][p], counts[r][p] > 0,
                            counts[r][p] > colChildren[p].filter({ !hidden[r][$0] }).reduce(0, { $0 + counts[r][$1] })
                        {
                            hidden[r][p] = true
                            changed = true
                        }
                    }
                }
                for r in rowValues.indices where rowAdditive[r] && !hiddenRowTotal[r] && hidden[r].filter({ $0 }).count == 1 {
                    if let c = smallest(colValues.indices.filter { !hidden[r][$0] }, by: { counts[r][$0] }) {
                        hidden[r][c] = true
                        changed = true
                    }
                }
                for c in colValues.indices
                where colAdditive[c] && !hiddenColTotal[c] && rowValues.indices.filter({ hidden[$0][c] }).count == 1 {
                    if let r = smallest(rowValues.indices.filter { !hidden[$0][c] }, by: { counts[$0][c] }) {
                        hidden[r][c] = true
                        changed = true
                    }
                }
                if colTotalsAdditive && hiddenColTotal.filter({ $0 }).count == 1,
                    let c = smallest(colValues.indices.filter { !hiddenColTotal[$0] }, by: { colBase[$0] })
                {
                    hiddenColTotal[c] = true
                    for r in rowValues.indices where counts[r][c] > 0 { hidden[r][c] = true }
                    changed = true
                }
                if rowTotalsAdditive && hiddenRowTotal.filter({ $0 }).count == 1,
                    let r = smallest(rowValues.indices.filter { !hiddenRowTotal[$0] }, by: { rowBase[$0] })
                {
                    hiddenRowTotal[r] = true
                    for c in colValues.indices where counts[r][c] > 0 { hidden[r][c] = true }
                    changed = true
                }
            }
            // The audit: what can be worked out about each hidden value from all the table shows. Where a range is
            // narrower than minCell, one more value beside it is hidden, and the table audited again.
            func published() -> SuppressionAudit.Table {
                SuppressionAudit.Table(
                    counts: counts, rowBase: rowBase, colBase: colBase, grand: grand, hidden: hidden, hiddenRowTotal: hiddenRowTotal,
                    hiddenColTotal: hiddenColTotal, rowAdditive: rowAdditive, colAdditive: colAdditive,
                    rowTotalsAdditive: rowTotalsAdditive, colTotalsAdditive: colTotalsAdditive, rowParent: rowParent, colParent: colParent)
            }
            func hideRow(_ r: Int) {
                hiddenRowTotal[r] = true
                for c in colValues.indices where counts[r][c] > 0 { hidden[r][c] = true }
            }
            func hideCol(_ c: Int) {
                hiddenColTotal[c] = true
                for r in rowValues.indices where counts[r][c] > 0 { hidden[r][c] = true }
            }
            func truth(_ value: SuppressionAudit.Value) -> Int {
                switch value {
                case .cell(let r, let c): counts[r][c]
                case .rowTotal(let r): rowBase[r]
                case .colTotal(let c): colBase[c]
                }
            }
            while !unprotectable {
                // A hidden 0 that can be worked out tells of no one; a hidden count of people must stay uncertain.
                let weak = SuppressionAudit.weakValues(published(), minCell: minCell, truth: truth)
                if weak.isEmpty { break }
                var touchedRows = Set<Int>(), touchedCols = Set<Int>()
                var widened = false
                for value in weak {
                    switch value {
                    case .cell(let r, let c):
                        if touchedRows.contains(r) || touchedCols.contains(c) { continue }
                        // A cell is uncertain when it lies on a cycle of hidden cells, (r, c) (r, c') (r', c') (r', c):
                        // shifting k around it keeps every sum. The rectangle that gives the most room for the least
                        // newly hidden count is hidden; room is what the cells the shift lowers can give.
                        var best: (score: Int, cost: Int, r: Int, c: Int)?
                        for r2 in rowValues.indices where r2 != r {
                            for c2 in colValues.indices where c2 != c {
                                let room = min(counts[r][c2], counts[r2][c]) + min(counts[r][c], counts[r2][c2])
                                let corners = [(r, c2), (r2, c), (r2, c2)]
                                let cost = corners.filter { !hidden[$0.0][$0.1] }.reduce(0) { $0 + max(counts[$1.0][$1.1], 1) }
                                if cost == 0 { continue }
                                let score = min(room, minCell)
                                if best.map({ (score, -cost, -r2, -c2) > ($0.score, -$0.cost, -$0.r, -$0.c) }) ?? true {
                                    best = (score, cost, r2, c2)
                                }
                            }
                        }
                        if let best, best.score > 0 {
                            hidden[r][best.c] = true
                            hidden[best.r][c] = true
                            hidden[best.r][best.c] = true
                        } else if !hiddenRowTotal[r] {
                            hideRow(r)
                        } else if !hiddenColTotal[c] {
                            hideCol(c)
                        } else {
                            continue
                        }
                        touchedRows.insert(r)
                        touchedCols.insert(c)
                        widened = true
                    case .rowTotal(let r):
                        if touchedRows.contains(r) { continue }
                        guard let other = smallest(rowValues.indices.filter { !hiddenRowTotal[$0] }, by: { rowBase[$0] }) else { continue }
                        hideRow(other)
                        touchedRows.formUnion([r, other])
                        widened = true
                    case .colTotal(let c):
                        if touchedCols.contains(c) { continue }
                        guard let other = smallest(colValues.indices.filter { !hiddenColTotal[$0] }, by: { colBase[$0] }) else { continue }
                        hideCol(other)
                        touchedCols.formUnion([c, other])
                        widened = true
                    }
                }
                if !widened {
                    unprotectable = true
                    break
                }
            }
            if options.audit { ranges = SuppressionAudit.ranges(published()) }
        }

        // MARK: Cells
        var cells: [CrossTable.Cell] = []
        for (r, row) in rowValues.enumerated() {
            for (c, col) in colValues.enumerated() {
                let base: Int?
                let baseHidden: Bool
                switch options.percent {
                case .col: (base, baseHidden) = (colBase[c], hiddenColTotal[c])
                case .row: (base, baseHidden) = (rowBase[r], hiddenRowTotal[r])
                case .total: (base, baseHidden) = (grand, false)
                case .none: (base, baseHidden) = (nil, false)
                }
                let suppressed = hidden[r][c]
                var percent: Double?
                if !suppressed && !baseHidden, let base, base > 0 { percent = Double(counts[r][c]) / Double(base) * 100 }
                cells.append(
                    .init(
                        row: row, col: col, n: suppressed ? nil : counts[r][c], base: baseHidden ? nil : base, percent: percent,
                        suppressed: suppressed))
            }
        }

        // MARK: Statistics
        var stats: CrossTable.Stats?
        if options.stats {
            var perValue: [String: ChiSquare.Result] = [:]
            var table: ChiSquare.Result?
            var warnings: [String] = []
            if !options.multiResponseRows && !options.multiResponseCols {
                table = ChiSquare.test(counts.map { $0.map(Double.init) })
            } else if options.multiResponseRows && !options.multiResponseCols {
                for (r, row) in rowValues.enumerated() {
                    perValue[row] = ChiSquare.test([
                        counts[r].map(Double.init), colValues.indices.map { Double(colBase[$0] - counts[r][$0]) },
                    ])
                }
            } else if options.multiResponseCols && !options.multiResponseRows {
                for (c, col) in colValues.enumerated() {
                    perValue[col] = ChiSquare.test([
                        rowValues.indices.map { Double(counts[$0][c]) }, rowValues.indices.map { Double(rowBase[$0] - counts[$0][c]) },
                    ])
                }
            } else {
                warnings.append("no χ² for two multi-response dimensions")
            }
            for result in [table].compactMap({ $0 }) + perValue.values where result.lowExpectedCells > 0 {
                warnings.append("some expected counts are below 5: the χ² approximation is unreliable there")
                break
            }
            stats = .init(table: table, perValue: perValue, warnings: warnings)
        }

        var notes: [String] = []
        if options.multiResponseRows || options.multiResponseCols {
            notes.append(
                "multi-response: a \(options.unit.rawValue.dropLast()) can count in several \(options.multiResponseRows ? "rows" : "columns"), so percentages do not sum to 100"
            )
        }
        if minCell > 0 && hidden.joined().contains(true) {
            notes.append(
                "cells with fewer than \(minCell) \(options.unit.rawValue), and enough others that none can be worked out from the totals, are suppressed"
            )
        }
        if unprotectable {
            notes.append("some suppressed values can be narrowed to fewer than \(minCell) possibilities from what the table shows")
        }
        let audit: [CrossTable.Range]? =
            options.audit
            ? ranges.keys.sorted().map { value in
                let range = ranges[value] ?? 0...0
                switch value {
                case .cell(let r, let c):
                    return .init(row: rowValues[r], col: colValues[c], lower: range.lowerBound, upper: range.upperBound)
                case .rowTotal(let r): return .init(row: rowValues[r], col: nil, lower: range.lowerBound, upper: range.upperBound)
                case .colTotal(let c): return .init(row: nil, col: colValues[c], lower: range.lowerBound, upper: range.upperBound)
                }
            } : nil
        return CrossTable(
            rows: options.rows, cols: options.cols, unit: options.unit, percentBase: options.percent, rowValues: rowValues,
            colValues: colValues, multiResponseRows: options.multiResponseRows, multiResponseCols: options.multiResponseCols,
            cells: cells,
            rowTotals: rowValues.indices.map {
                .init(value: rowValues[$0], n: hiddenRowTotal[$0] ? nil : rowBase[$0], suppressed: hiddenRowTotal[$0])
            },
            colTotals: colValues.indices.map {
                .init(value: colValues[$0], n: hiddenColTotal[$0] ? nil : colBase[$0], suppressed: hiddenColTotal[$0])
            },
            total: grand, minCell: minCell, stats: stats, notes: notes, audit: audit)
    }

    /// The index with the smallest positive value, else the smallest value; ties by position.
    static func smallest(_ indices: [Int], by value: (Int) -> Int) -> Int? {
        let positive = indices.filter { value($0) > 0 }
        return (positive.isEmpty ? indices : positive).min { (value($0), $0) < (value($1), $1) }
    }
}
