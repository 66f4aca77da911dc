import TestSupport
import Testing

@testable import KartlaggningAnalysis

/// Secondary suppression hides little and protects fully: what it hides is checked by the audit's linear program,
/// which `SuppressionAuditTests` checks against brute force.
struct SecondarySuppressionTests {
    /// The table `counts` as published with only its primary suppression (0 < n < minCell, and small totals).
    static func primary(
        _ counts: [[Int]], rowBase: [Int]? = nil, colBase: [Int]? = nil, grand: Int? = nil, rowParent: [Int?]? = nil, minCell: Int = 3
    ) -> SuppressionAudit.Table {
        let rowBase = rowBase ?? counts.map { $0.reduce(0, +) }
        let colBase = colBase ?? (counts.first ?? []).indices.map { c in counts.reduce(0) { $0 + $1[c] } }
        let grand = grand ?? counts.joined().reduce(0, +)
        let small = { (n: Int) in n > 0 && n < minCell }
        return SuppressionAudit.Table(
            counts: counts, rowBase: rowBase, colBase: colBase, grand: grand, hidden: counts.map { $0.map(small) },
            hiddenRowTotal: rowBase.map(small), hiddenColTotal: colBase.map(small),
            rowAdditive: counts.indices.map { counts[$0].reduce(0, +) == rowBase[$0] },
            colAdditive: colBase.indices.map { c in counts.reduce(0) { $0 + $1[c] } == colBase[c] },
            rowTotalsAdditive: rowBase.reduce(0, +) == grand, colTotalsAdditive: colBase.reduce(0, +) == grand,
            rowParent: rowParent ?? counts.map { _ in nil }, colParent: colBase.map { _ in nil })
    }

    /// Every hidden count of people, by the audit: its range is at least `minCell` wide.
    static func narrow(_ table: SuppressionAudit.Table, minCell: Int) -> [String] {
        let facts = TableFacts(table)
        return SuppressionAudit.ranges(table).compactMap { value, range in
            facts.truth[facts.position(value)] > 0 && range.upperBound - range.lowerBound < minCell ? "\(value): \(range)" : nil
        }
    }

    @Test func aMoveGoesAsFarAsEveryFactAllows() {
        // 1 4 | 5
        // 5 2 | 7     every cell hidden, totals shown: the rectangle can take 1 up to 5 and down to 0.
        var table = Self.primary([[1, 4], [5, 2]])
        table.hidden = [[true, true], [true, true]]
        let facts = TableFacts(table)
        let rectangle = [
            facts.position(cell: 0, 0): 1, facts.position(cell: 0, 1): -1, facts.position(cell: 1, 0): -1, facts.position(cell: 1, 1): 1,
        ]
        #expect(facts.step(rectangle) == 4)
        #expect(facts.step(rectangle.mapValues { -$0 }) == 1)
        // Moving one cell alone breaks its row's sum.
        #expect(facts.step([facts.position(cell: 0, 0): 1]) == 0)
        // A row total moving with its cell: the column's sum breaks, unless another row gives way.
        #expect(facts.step([facts.position(cell: 0, 0): 1, facts.rowTotal(0): 1]) == 0)
        #expect(
            facts.step([
                facts.position(cell: 0, 0): 1, facts.rowTotal(0): 1, facts.position(cell: 1, 0): -1, facts.rowTotal(1): -1,
            ]) == 5)
    }

    /// A move's reach both ways, from one pass over its facts, is the largest t for which truth ± t · direction keeps
    /// every fact and bound — checked by trying each t on random tables (multi-response lines, a theme hierarchy) and
    /// random moves of a few numbers.
    @Test func aMoveGoesBothWaysAsFarAsTryingEachStepFinds() {
        var rng = SeededGenerator(seed: 2612)
        var moving = 0
        for _ in 0..<60 {
            let (rows, cols) = (Int.random(in: 2...4, using: &rng), Int.random(in: 2...4, using: &rng))
            var counts = (0..<rows).map { _ in (0..<cols).map { _ in Int.random(in: 0...6, using: &rng) } }
            // Row 1 a child of row 0 (the parent holds at least what it does); row totals above the sum where
            // answers name several themes.
            for c in 0..<cols { counts[0][c] = max(counts[0][c], counts[1][c]) }
            var rowBase = counts.map { $0.reduce(0, +) + (Bool.random(using: &rng) ? Int.random(in: 1...3, using: &rng) : 0) }
            rowBase[0] = max(rowBase[0], rowBase[1])
            let table = Self.primary(
                counts, rowBase: rowBase, grand: max(counts.joined().reduce(0, +), rowBase.max() ?? 0),
                rowParent: [nil, 0] + Array(repeating: nil, count: rows - 2))
            let facts = TableFacts(table)
            func keepsEveryFact(_ direction: [Int: Int], _ t: Int) -> Bool {
                let value = { (p: Int) in facts.truth[p] + t * (direction[p] ?? 0) }
                guard facts.truth.indices.allSatisfy({ (0...facts.grand).contains(value($0)) }) else { return false }
                return facts.facts.allSatisfy { fact in
                    let sum = fact.terms.reduce(0) { $0 + $1.coefficient * value($1.position) }
                    switch fact.relation {
                    case .equal: return sum == fact.bound
                    case .atMost: return sum <= fact.bound
                    case .atLeast: return sum >= fact.bound
                    }
                }
            }
            func furthest(_ direction: [Int: Int]) -> Int {
                var t = 0
                while t < facts.grand && keepsEveryFact(direction, t + 1) { t += 1 }
                return t
            }
            #expect(keepsEveryFact([:], 0), "the table as it is: \(counts) \(rowBase)")
            for _ in 0..<20 {
                var direction: [Int: Int] = [:]
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    direction[Int.random(in: 0..<facts.truth.count, using: &rng)] = [-2, -1, 1, 2].randomElement(using: &rng)
                }
                let steps = facts.steps(direction)
                // The numbers' own room bounds the steps: a move it rules out need not be checked.
                let room = facts.room(direction)
                #expect(steps.forward <= room.forward && steps.backward <= room.backward, "\(direction): \(steps), \(room)")
                #expect(steps.forward == furthest(direction), "\(counts) \(rowBase) \(direction)")
                #expect(steps.backward == furthest(direction.mapValues { -$0 }), "\(counts) \(rowBase) \(direction)")
                if steps.forward + steps.backward > 0 { moving += 1 }
            }
        }
        #expect(moving > 20, "moves that go somewhere: \(moving)")
    }

    /// The case: the "(ej svar)" row has 2 people, so its total is hidden; the totals add up to the whole,
    /// so a second total must go — the smallest, and only the cells the two 1s need, not the whole row.
    @Test func aSmallTotalCostsOneMoreTotalNotAWholeLine() {
        let counts = [[20, 25, 24], [30, 28, 33], [12, 18, 15], [1, 0, 1]]
        var suppression = SecondarySuppression(Self.primary(counts), minCell: 3)
        suppression.protect()
        let published = suppression.published
        #expect(!suppression.unprotectable)
        #expect(Self.narrow(published, minCell: 3).isEmpty)
        #expect(published.hiddenRowTotal == [false, false, true, true])
        // The two 1s take the cheapest rectangle, 12 and 15 in row 2 (the smallest other total, 45), which also
        // lets row 2's total move against row 3's; row 2's 18 and rows 0 and 1 show.
        #expect(published.hidden[3] == [true, false, true])
        #expect(published.hidden[2] == [true, false, true])
        #expect(!published.hidden[0...1].joined().contains(true))
        #expect(!published.hiddenColTotal.contains(true))
    }

    /// The cheapest rectangle is taken: small cells, not the large ones beside them.
    @Test func theCheapestCellsProtect() {
        let counts = [[1, 29, 4], [30, 40, 3], [5, 31, 35]]
        var suppression = SecondarySuppression(Self.primary(counts), minCell: 3)
        suppression.protect()
        let published = suppression.published
        #expect(Self.narrow(published, minCell: 3).isEmpty)
        // 1 at (0,0): the rectangle (0,0) (0,2) (2,0) (2,2) costs 4 + 5 + 35; (0,0) (0,2) (1,0) (1,2) costs
        // 4 + 30 + 3 = 37 and is taken.
        let hidden = published.hidden.enumerated().flatMap { r, row in row.enumerated().filter(\.element).map { [r, $0.offset] } }
        #expect(hidden == [[0, 0], [0, 2], [1, 0], [1, 2]])
    }

    /// The search for moves is shared among threads, each with its own copy of the table: one thread or several hide
    /// the same numbers, on tables of small areas (a theme hierarchy, multi-response), every thread given a share;
    /// moves alone decide (no linear program to make up for a number taken as safe or weak by mistake).
    @Test(arguments: 0..<12)
    func oneThreadOrSeveralHideTheSame(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed) &+ 2026)
        let (themes, areas) = (6, 12)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: areas), count: themes)
        var colBase = [Int](repeating: 0, count: areas)
        var rowBase = [Int](repeating: 0, count: themes)
        for area in 0..<areas {
            for _ in 0..<Int.random(in: 3...30, using: &random) {
                colBase[area] += 1
                var held = Set((1...3).filter { _ in Int.random(in: 0..<5, using: &random) == 0 })
                if !held.isEmpty { held.insert(0) }
                for theme in 4..<themes where Int.random(in: 0..<4, using: &random) == 0 { held.insert(theme) }
                for theme in held {
                    counts[theme][area] += 1
                    rowBase[theme] += 1
                }
            }
        }
        var table = Self.primary(
            counts, rowBase: rowBase, colBase: colBase, grand: colBase.reduce(0, +), rowParent: [nil, 0, 0, 0, nil, nil], minCell: 5)
        table.colAdditive = colBase.map { _ in false }
        #expect(table.hidden.joined().filter { $0 }.count >= 9, "hidden numbers for three threads to share")
        var published: [[[Bool]]] = []
        for workers in [1, 2, 3] {
            var suppression = SecondarySuppression(table, minCell: 5)
            suppression.workers = workers
            suppression.smallestShare = 3
            suppression.largestProgram = 0
            suppression.protect()
            #expect(!suppression.unprotectable)
            #expect(Self.narrow(suppression.published, minCell: 5).isEmpty)
            published.append(suppression.published.hidden + [suppression.published.hiddenRowTotal, suppression.published.hiddenColTotal])
        }
        #expect(published[0] == published[1])
        #expect(published[0] == published[2])
        #expect(published[0].joined().filter { $0 }.count > table.hidden.joined().filter { $0 }.count, "secondary suppression hid more")
    }

    /// Generated multi-response tables with a theme hierarchy (a parent and its children, each respondent in one
    /// area): moves alone (no linear program) protect every hidden count, and so does the default.
    @Test(arguments: 0..<30)
    func movesAloneProtectThemesWithAHierarchy(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed) &* 6151 &+ 11)
        let areas = Int.random(in: 3...7, using: &random)
        // Rows: 0 the parent of 1…3, 4 a theme of its own.
        var counts = [[Int]](repeating: [Int](repeating: 0, count: areas), count: 5)
        var colBase = [Int](repeating: 0, count: areas)
        var rowBase = [Int](repeating: 0, count: 5)
        for area in 0..<areas {
            for _ in 0..<Int.random(in: 2...25, using: &random) {
                colBase[area] += 1
                let children = (1...3).filter { _ in Int.random(in: 0..<4, using: &random) == 0 }
                var themes = Set(children)
                if !children.isEmpty { themes.insert(0) }
                if Int.random(in: 0..<3, using: &random) == 0 { themes.insert(4) }
                for theme in themes {
                    counts[theme][area] += 1
                    rowBase[theme] += 1
                }
            }
        }
        let grand = colBase.reduce(0, +)
        for largestProgram in [0, 250] {
            var table = Self.primary(counts, rowBase: rowBase, colBase: colBase, grand: grand, rowParent: [nil, 0, 0, 0, nil])
            // Themes are multi-response: no reader knows an area's themes to add up to its respondents, even where
            // they happen to (crosstab states it so).
            table.colAdditive = colBase.map { _ in false }
            var suppression = SecondarySuppression(table, minCell: 3)
            suppression.largestProgram = largestProgram
            suppression.protect()
            let (unprotectable, narrow) = (suppression.unprotectable, Self.narrow(suppression.published, minCell: 3))
            #expect(!unprotectable, "\(counts), program \(largestProgram)")
            #expect(narrow.isEmpty, "\(counts), program \(largestProgram): \(narrow)")
        }
    }
}

/// One pattern per table, margins published (#22): over generated tables, the table and its transpose hide the same
/// numbers, no total of at least min-cell is hidden, and the audit finds no hidden count narrower than min-cell.
struct OrientationTests {
    @Test(arguments: 0..<40)
    func bothOrientationsHideTheSameAndNoTotal(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let rows = Int.random(in: 2...6, using: &random)
        let cols = Int.random(in: 2...9, using: &random)
        let minCell = [3, 5][Int(seed % 2)]
        // Small villages: many small and empty cells among a few large ones.
        let counts = (0..<rows).map { _ in
            (0..<cols).map { _ in [0, 1, 2, 3, 4, 6, 9, 15, 30][Int.random(in: 0..<9, using: &random)] }
        }
        let rowValues = (0..<rows).map { "r\($0)" }
        let colValues = (0..<cols).map { "c\($0)" }
        var options = HandMadeTable()
        options.minCell = minCell
        options.audit = true
        let rowBase = counts.map { $0.reduce(0, +) }
        let colBase = (0..<cols).map { c in counts.reduce(0) { $0 + $1[c] } }
        let grand = rowBase.reduce(0, +)
        let table = CrossTabulation.tabulate(
            counts: counts, rowBase: rowBase, colBase: colBase, grand: grand, rowValues: rowValues, colValues: colValues,
            options: options)
        let turned = CrossTabulation.tabulate(
            counts: (0..<cols).map { c in (0..<rows).map { counts[$0][c] } }, rowBase: colBase, colBase: rowBase, grand: grand,
            rowValues: colValues, colValues: rowValues, options: options)
        let hidden = Set(table.cells.filter(\.suppressed).map { "\($0.row)×\($0.col)" })
        let hiddenTurned = Set(turned.cells.filter(\.suppressed).map { "\($0.col)×\($0.row)" })
        #expect(hidden == hiddenTurned, "\(counts)")
        #expect(table.rowTotals.map(\.suppressed) == turned.colTotals.map(\.suppressed))
        // A total is hidden only where it is itself small, or where a small total of its margin needs a second one.
        let smallRowTotal = rowBase.contains { $0 > 0 && $0 < minCell }
        let smallColTotal = colBase.contains { $0 > 0 && $0 < minCell }
        for (total, n) in zip(table.rowTotals, rowBase) where total.suppressed && n >= minCell {
            #expect(smallRowTotal, "row total \(n) hidden in \(counts)")
        }
        for (total, n) in zip(table.colTotals, colBase) where total.suppressed && n >= minCell {
            #expect(smallColTotal, "column total \(n) hidden in \(counts)")
        }
        #expect(!table.notes.contains { $0.contains("can be narrowed") }, "\(counts)")
        for range in table.audit ?? [] {
            let truth =
                range.col.flatMap { col in range.row.map { counts[rowValues.firstIndex(of: $0)!][colValues.firstIndex(of: col)!] } }
                ?? range.row.map { rowBase[rowValues.firstIndex(of: $0)!] } ?? range.col.map { colBase[colValues.firstIndex(of: $0)!] } ?? 0
            if truth > 0 { #expect(range.upper - range.lower >= minCell, "\(range) in \(counts)") }
        }
    }
}
