import TestSupport
import Testing

@testable import KartlaggningAnalysis

/// The audit's numbers are checked against an independent count: every integer filling of the hidden values that
/// agrees with what the table shows, enumerated by brute force.
struct SuppressionAuditTests {
    /// A single-response table (every unit in one row and one column), tabulated with suppression.
    static func table(_ counts: [[Int]], minCell: Int, audit: Bool = true) -> CrossTable {
        let rowValues = counts.indices.map { "r\($0)" }
        let colValues = (counts.first ?? []).indices.map { "c\($0)" }
        var options = HandMadeTable()
        options.minCell = minCell
        options.audit = audit
        return CrossTabulation.tabulate(
            counts: counts, rowBase: counts.map { $0.reduce(0, +) },
            colBase: colValues.indices.map { c in counts.reduce(0) { $0 + $1[c] } }, grand: counts.joined().reduce(0, +),
            rowValues: rowValues, colValues: colValues, options: options)
    }

    /// Every filling of the hidden cells and totals (0…grand) that agrees with the shown numbers and the sums: the
    /// range each hidden value takes over them. Rows are filled one at a time, so only sums that fit are tried.
    static func bruteForce(_ table: CrossTable) -> [String: ClosedRange<Int>] {
        let rows = table.rowValues.count
        let cols = table.colValues.count
        let grand = table.total
        var ranges: [String: ClosedRange<Int>] = [:]
        var grid = [[Int?]](repeating: [Int?](repeating: nil, count: cols), count: rows)
        for (index, cell) in table.cells.enumerated() { grid[index / cols][index % cols] = cell.n }
        let rowTotals = table.rowTotals.map(\.n)
        let colTotals = table.colTotals.map(\.n)
        func record(_ key: String, _ value: Int) {
            ranges[key] = ranges[key].map { min($0.lowerBound, value)...max($0.upperBound, value) } ?? value...value
        }
        var filled = grid.map { $0.map { $0 ?? 0 } }
        // No cell exceeds its column's shown total.
        let caps = (0..<cols).map { colTotals[$0] ?? grand }
        /// The ways to give the `hidden` cells values summing to `sum`, each within its cap.
        func compositions(_ hidden: ArraySlice<Int>, _ sum: Int) -> [[Int]] {
            guard let first = hidden.first else { return sum == 0 ? [[]] : [] }
            if hidden.count == 1 { return sum <= caps[first] ? [[sum]] : [] }
            return (0...min(sum, caps[first])).flatMap { value in compositions(hidden.dropFirst(), sum - value).map { [value] + $0 } }
        }
        func fill(_ r: Int) {
            if r == rows {
                var colSums = (0..<cols).map { c in (0..<rows).reduce(0) { $0 + filled[$1][c] } }
                for c in 0..<cols where colTotals[c] != nil && colSums[c] != colTotals[c] { return }
                if colSums.reduce(0, +) != grand { return }
                // Hidden column totals are their sums; hidden row totals likewise.
                for r in 0..<rows {
                    for c in 0..<cols where grid[r][c] == nil { record("\(r),\(c)", filled[r][c]) }
                    if rowTotals[r] == nil { record("row \(r)", filled[r].reduce(0, +)) }
                }
                for c in 0..<cols where colTotals[c] == nil { record("col \(c)", colSums[c]) }
                colSums = []
                return
            }
            let hidden = (0..<cols).filter { grid[r][$0] == nil }
            let shown = (0..<cols).compactMap { grid[r][$0] }.reduce(0, +)
            let sums = rowTotals[r].map { [$0 - shown] } ?? Array(0...max(0, grand - shown))
            for sum in sums where sum >= 0 {
                for values in compositions(hidden[...], sum) {
                    for (c, value) in zip(hidden, values) { filled[r][c] = value }
                    // Prune: no column may already exceed its shown total.
                    if (0..<cols).contains(where: { c in
                        colTotals[c].map { total in (0...r).reduce(0) { $0 + filled[$1][c] } > total } ?? false
                    }) {
                        continue
                    }
                    fill(r + 1)
                }
            }
        }
        fill(0)
        return ranges
    }

    static func audited(_ table: CrossTable) -> [String: ClosedRange<Int>] {
        var ranges: [String: ClosedRange<Int>] = [:]
        for range in table.audit ?? [] {
            let key =
                switch (range.row, range.col) {
                case (let row?, let col?): "\(table.rowValues.firstIndex(of: row) ?? -1),\(table.colValues.firstIndex(of: col) ?? -1)"
                case (let row?, nil): "row \(table.rowValues.firstIndex(of: row) ?? -1)"
                case (nil, let col?): "col \(table.colValues.firstIndex(of: col) ?? -1)"
                case (nil, nil): "?"
                }
            ranges[key] = range.lower...range.upper
        }
        return ranges
    }

    /// The linear program's ranges equal the brute-force ones (two-way tables are totally unimodular).
    @Test(arguments: 0..<40)
    func auditRangesAreExactlyWhatCanBeWorkedOut(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed) &* 7919 &+ 17)
        let rows = Int.random(in: 2...3, using: &random)
        let cols = Int.random(in: 2...4, using: &random)
        let counts = (0..<rows).map { _ in (0..<cols).map { _ in Int.random(in: 0...4, using: &random) } }
        // Audit a table as published with its primary suppression only (minCell 3, secondary suppression off by
        // tabulating with audit after hiding): here the full tabulation, whose published ranges must match.
        let table = Self.table(counts, minCell: 3)
        #expect(Self.audited(table) == Self.bruteForce(table), "counts \(counts)")
    }

    /// Protection holds on generated tables with many small cells: every suppressed positive count can only be
    /// narrowed to a range at least min-cell wide. Where brute force is quick (few hidden cells, every total shown)
    /// the ranges are counted by it; elsewhere they are the audit's, which the test above checks against it.
    @Test(arguments: 0..<60)
    func noSuppressedCountCanBeNarrowedBelowMinCell(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed) &* 104_729 &+ 3)
        let rows = Int.random(in: 2...3, using: &random)
        let cols = Int.random(in: 2...4, using: &random)
        let counts = (0..<rows).map { _ in (0..<cols).map { _ in [0, 0, 1, 1, 2, 3, 4, 6].randomElement(using: &random) ?? 0 } }
        for minCell in [3, 5] {
            let table = Self.table(counts, minCell: minCell)
            if table.totalSuppressed {
                // Fewer than min-cell in the whole table: nothing of it is shown, N included.
                #expect(counts.joined().reduce(0, +) < minCell)
                #expect(table.shownTotal == nil && table.cells.allSatisfy { $0.n == nil || $0.n == 0 })
                continue
            }
            let quick =
                table.cells.filter(\.suppressed).count <= 5 && !(table.rowTotals + table.colTotals).contains(where: \.suppressed)
            let ranges = quick ? Self.bruteForce(table) : Self.audited(table)
            let unprotectable = table.notes.contains { $0.contains("can be narrowed") }
            for (index, cell) in table.cells.enumerated() where cell.suppressed {
                let truth = counts[index / counts[0].count][index % counts[0].count]
                guard let range = ranges["\(index / counts[0].count),\(index % counts[0].count)"] else {
                    Issue.record("no filling found for \(counts)")
                    continue
                }
                #expect(range.contains(truth))
                if truth > 0 && !unprotectable {
                    #expect(range.upperBound - range.lowerBound >= minCell, "counts \(counts), minCell \(minCell), cell \(index): \(range)")
                }
            }
        }
    }

    /// The issue's reproductions, as counts: interviewer × district (two cells of 1 given away by the other rows and
    /// the BLT column) and survey × sector at min-cell 5 (temagrupp × privat = 28 − 25 = 3).
    @Test func theIssuesReproductionsAreProtected() {
        let interviewers = [[2, 0, 2, 0], [9, 0, 1, 1], [0, 0, 4, 0], [0, 7, 0, 5], [0, 6, 0, 0], [9, 10, 6, 9]]
        let sectors = [[22, 0, 0, 0], [0, 25, 0, 0], [0, 0, 0, 12], [5, 3, 2, 2]]
        for (counts, minCell) in [(interviewers, 3), (sectors, 5)] {
            let table = Self.table(counts, minCell: minCell)
            // Tables this size are past brute force: the audit's ranges, which the tests above check against it.
            let ranges = Self.audited(table)
            for (index, cell) in table.cells.enumerated() where cell.suppressed {
                let (r, c) = (index / counts[0].count, index % counts[0].count)
                let range = ranges["\(r),\(c)"]
                #expect(range?.contains(counts[r][c]) == true)
                if counts[r][c] > 0, let range {
                    #expect(range.upperBound - range.lowerBound >= minCell, "\(counts): \(r),\(c) \(range)")
                }
            }
            #expect(!table.notes.contains { $0.contains("can be narrowed") })
        }
    }

    /// The simplex itself on programs whose optimum is known by hand.
    @Test func linearProgramOptimaByHand() throws {
        // x + y = 4, x − y ≥ 1, x ≤ 3: x ∈ [2.5, 3], y ∈ [1, 1.5].
        var program = LinearProgram(variables: 2)
        program.add([0: 1, 1: 1], .equal, 4)
        program.add([0: 1, 1: -1], .atLeast, 1)
        program.add([0: 1], .atMost, 3)
        let solver = try #require(program.prepared())
        #expect(abs((solver.maximum([0: 1]) ?? .nan) - 3) < 1e-9)
        #expect(abs((solver.maximum([0: -1]) ?? .nan) + 2.5) < 1e-9)
        #expect(abs((solver.maximum([1: 1]) ?? .nan) - 1.5) < 1e-9)
        // Infeasible: x + y = 1, x + y ≥ 2.
        var impossible = LinearProgram(variables: 2)
        impossible.add([0: 1, 1: 1], .equal, 1)
        impossible.add([0: 1, 1: 1], .atLeast, 2)
        #expect(impossible.prepared() == nil)
        // Unbounded: x − y = 0 with nothing above.
        var open = LinearProgram(variables: 2)
        open.add([0: 1, 1: -1], .equal, 0)
        #expect(try #require(open.prepared()).maximum([0: 1]) == nil)
    }
}
