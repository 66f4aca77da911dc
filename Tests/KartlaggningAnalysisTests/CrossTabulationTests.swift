import Testing

@testable import KartlaggningAnalysis

struct CrossTabulationTests {
    /// Upper-tail probabilities of χ², computed independently with SciPy (`scipy.stats.chi2.sf`).
    @Test(arguments: [
        (3.84, 1, 0.05004352124870519), (10, 4, 0.04042768199451279), (0.5, 2, 0.7788007830714049),
        (25.3, 12, 0.01346352324003206), (100, 50, 3.454931382984871e-05), (0.001, 3, 0.9999915920809419),
        (7.8147, 3, 0.050000625284760056),
    ])
    func chiSquareTail(x: Double, df: Int, p: Double) {
        #expect(abs(ChiSquare.upperTail(x, df: df) - p) < 1e-10 * max(1, p / 1e-5))
    }

    /// Tables tested with `scipy.stats.chi2_contingency(table, correction=False)`.
    @Test func pearsonTests() throws {
        let first = try #require(ChiSquare.test([[20, 15, 5], [10, 25, 25]]))
        #expect(abs(first.chiSquare - 15.79861111111111) < 1e-9)
        #expect(first.degreesOfFreedom == 2)
        #expect(abs(first.pValue - 0.0003710010906678793) < 1e-12)
        // Cramér's V = √(15.7986 / (100 · 1)).
        #expect(abs(first.cramersV! - (15.79861111111111 / 100).squareRoot()) < 1e-12)
        #expect(first.lowExpectedCells == 0)
        let second = try #require(ChiSquare.test([[3, 1, 0], [1, 4, 2], [0, 2, 6], [0, 0, 0]]))
        #expect(abs(second.chiSquare - 12.650510204081634) < 1e-9)
        #expect(second.degreesOfFreedom == 4)
        #expect(abs(second.pValue - 0.013115938334914293) < 1e-12)
        #expect(second.lowExpectedCells == 9)
        #expect(ChiSquare.test([[1, 2]]) == nil)
    }

    static func units(_ pairs: [(String, String)]) -> [CrossUnit] {
        pairs.map { CrossUnit(rows: [$0.0: 1], cols: [$0.1: 1]) }
    }

    /// A cell is found by its place where the cells lie row by row (as tables are made), and looked for where they do
    /// not (a table put together another way, or missing a cell): the same cell either way, and the same as a lookup.
    @Test func aCellIsFoundByItsPlaceOrLookedFor() {
        let units = Self.units((0..<60).map { (["bredband", "buss", "skola"][$0 % 3], "Område \($0 % 7)") })
        var options = HandMadeTable()
        options.minCell = 0
        let areas = (0..<7).map { "Område \($0)" }
        let table = CrossTabulation.tabulate(units, rowValues: ["bredband", "buss", "skola"], colValues: areas, options: options)
        var shuffled = table
        shuffled.cells.reverse()
        var missing = table
        missing.cells.removeAll { $0.row == "buss" && $0.col == "Område 3" }
        for candidate in [table, shuffled, missing] {
            let lookup = CrossTable.Lookup(candidate)
            for row in table.rowValues + ["tåg"] {
                for col in areas + ["Område 9"] {
                    let scanned = candidate.cells.first { $0.row == row && $0.col == col }
                    #expect(candidate.cell(row, col) == scanned && lookup.cell(row, col) == scanned, "\(row), \(col)")
                }
            }
        }
        #expect(table.cell("buss", "Område 3")?.n != nil && missing.cell("buss", "Område 3") == nil)
    }

    /// Hand count: 10 respondents by kind (rows) and district (cols).
    @Test func countsBasesAndPercentages() {
        let units = Self.units([
            ("företag", "Nätra"), ("företag", "Nätra"), ("företag", "Nätra"), ("förening", "Nätra"),
            ("företag", "BLT"), ("förening", "BLT"), ("förening", "BLT"), ("förening", "BLT"), ("förening", "BLT"), ("förening", "BLT"),
        ])
        var options = HandMadeTable()
        options.minCell = 0
        let table = CrossTabulation.tabulate(
            units, rowValues: ["företag", "förening", "offentlig"], colValues: ["Nätra", "BLT"], options: options)
        #expect(table.cell("företag", "Nätra")?.n == 3)
        #expect(table.cell("företag", "Nätra")?.percent == 75)
        #expect(abs(table.cell("förening", "BLT")!.percent! - 500.0 / 6) < 1e-9)
        #expect(table.cell("offentlig", "BLT")?.n == 0)  // an empty row stays
        #expect(table.colTotals.map(\.n) == [4, 6])
        #expect(table.rowTotals.map(\.n) == [4, 6, 0])
        #expect(table.total == 10)
        options.percent = .row
        #expect(
            CrossTabulation.tabulate(units, rowValues: ["företag"], colValues: ["Nätra", "BLT"], options: options).cell("företag", "BLT")?
                .percent == 25)
        options.percent = .total
        #expect(
            CrossTabulation.tabulate(units, rowValues: ["förening"], colValues: ["BLT"], options: options).cell("förening", "BLT")?.percent
                == 50)
    }

    @Test func multiResponseRowsUseTheColumnsRespondents() {
        // Three respondents in Nätra; two mention bredband, all three buss; one in BLT mentions nothing.
        let units = [
            CrossUnit(rows: ["bredband": 1, "buss": 1], cols: ["Nätra": 1]),
            CrossUnit(rows: ["bredband": 1, "buss": 1], cols: ["Nätra": 1]),
            CrossUnit(rows: ["buss": 1], cols: ["Nätra": 1]), CrossUnit(rows: [:], cols: ["BLT": 1]),
        ]
        var options = HandMadeTable()
        options.minCell = 0
        options.multiResponseRows = true
        options.stats = true
        let table = CrossTabulation.tabulate(units, rowValues: ["bredband", "buss"], colValues: ["Nätra", "BLT"], options: options)
        #expect(abs(table.cell("bredband", "Nätra")!.percent! - 200.0 / 3) < 1e-9)
        #expect(table.cell("buss", "Nätra")?.percent == 100)
        #expect(table.cell("buss", "BLT")?.percent == 0)
        #expect(table.notes.first?.contains("percentages do not sum to 100") == true)
        // Per theme, a 2×k test: bredband [2, 0] against [1, 1].
        #expect(table.stats?.perValue["bredband"]?.degreesOfFreedom == 1)
        #expect(table.stats?.table == nil)
    }

    /// Suppression that cannot be undone: no suppressed value follows from the totals shown.
    @Test func suppressionCannotBeUndoneFromTotals() {
        // kind × district: Grundsunda has 1 company (suppressed), so a second cell in its row and column must go.
        var pairs: [(String, String)] = []
        pairs += Array(repeating: ("företag", "Nätra"), count: 9) + Array(repeating: ("förening", "Nätra"), count: 7)
        pairs += Array(repeating: ("företag", "BLT"), count: 5) + Array(repeating: ("förening", "BLT"), count: 4)
        pairs += [("företag", "Grundsunda")] + Array(repeating: ("förening", "Grundsunda"), count: 6)
        let table = CrossTabulation.tabulate(
            Self.units(pairs), rowValues: ["företag", "förening"], colValues: ["Nätra", "BLT", "Grundsunda"], options: HandMadeTable())
        let hidden = table.cells.filter(\.suppressed).map { "\($0.row)/\($0.col)" }
        #expect(hidden.contains("företag/Grundsunda"))
        #expect(table.cell("företag", "Grundsunda")?.n == nil)
        #expect(table.cell("företag", "Grundsunda")?.percent == nil)
        // Every row and column with a hidden cell has at least two, since each adds up to its total.
        for row in table.rowValues {
            let count = table.colValues.filter { table.cell(row, $0)!.suppressed }.count
            #expect(count == 0 || count >= 2, "\(row)")
        }
        for col in table.colValues {
            let count = table.rowValues.filter { table.cell($0, col)!.suppressed }.count
            #expect(count == 0 || count >= 2, "\(col)")
        }
        #expect(table.notes.last?.contains("suppressed") == true)
        // Turned off, everything shows.
        var off = HandMadeTable()
        off.minCell = 0
        #expect(
            CrossTabulation.tabulate(Self.units(pairs), rowValues: ["företag"], colValues: ["Grundsunda"], options: off).cell(
                "företag", "Grundsunda")?.n == 1)
    }

    /// A parent theme counts its children's respondents: a child's hidden cell must not be recoverable as the
    /// parent's cell minus a shown sibling — but the parent is hidden only where nothing cheaper protects the child.
    @Test func hiddenChildCellsAreProtectedAgainstTheirParentsCell() throws {
        var units: [CrossUnit] = []
        // Nätra: 2 respondents with "buss" only, 3 with "fiber" only; infrastructure (the parent) has all 5.
        units += Array(repeating: CrossUnit(rows: ["buss": 1, "infrastruktur": 1], cols: ["Nätra": 1]), count: 2)
        units += Array(repeating: CrossUnit(rows: ["fiber": 1, "infrastruktur": 1], cols: ["Nätra": 1]), count: 3)
        units += Array(repeating: CrossUnit(rows: ["buss": 1, "fiber": 1, "infrastruktur": 1], cols: ["BLT": 1]), count: 6)
        var options = HandMadeTable()
        options.multiResponseRows = true
        options.audit = true
        options.rowParents = ["buss": "infrastruktur", "fiber": "infrastruktur"]
        let table = CrossTabulation.tabulate(
            units, rowValues: ["infrastruktur", "buss", "fiber"], colValues: ["Nätra", "BLT"], options: options)
        #expect(table.cell("buss", "Nätra")?.suppressed == true)
        // buss in BLT goes with it (buss's row adds up to its total); the parent's 5 stays: with BLT's 6 hidden,
        // buss in Nätra could be 2…5 (at least 5 − 3 by the parent, at most Nätra's 5), four values.
        #expect(table.cell("buss", "BLT")?.suppressed == true)
        #expect(table.cell("infrastruktur", "Nätra")?.n == 5)
        let range = try #require(table.audit?.first { $0.row == "buss" && $0.col == "Nätra" })
        #expect((range.lower, range.upper) == (2, 5))
        #expect(!table.notes.contains { $0.contains("can be narrowed") })
    }

    /// Themes are multi-response: an area whose theme counts happen to add up to its N gives the reader no equation
    /// (they cannot know no one has two themes or none), so a hidden 1 there is protected along its own row alone.
    @Test func aCoincidentalSumIsNoFact() throws {
        var units: [CrossUnit] = []
        // X: 1 respondent with A, 4 with B — 1 + 4 = N = 5 by chance. Y: 10 with A, 9 with B, 1 with neither.
        units += [CrossUnit(rows: ["A": 1], cols: ["X": 1])]
        units += Array(repeating: CrossUnit(rows: ["B": 1], cols: ["X": 1]), count: 4)
        units += Array(repeating: CrossUnit(rows: ["A": 1], cols: ["Y": 1]), count: 10)
        units += Array(repeating: CrossUnit(rows: ["B": 1], cols: ["Y": 1]), count: 9)
        units += [CrossUnit(rows: [:], cols: ["Y": 1])]
        var options = HandMadeTable()
        (options.multiResponseRows, options.audit) = (true, true)
        let table = CrossTabulation.tabulate(units, rowValues: ["A", "B"], colValues: ["X", "Y"], options: options)
        #expect(table.cell("A", "X")?.suppressed == true)
        #expect(table.cell("A", "Y")?.suppressed == true)
        // Taken as a fact, 5 − 4 would give A in X away and B in X would have to go too.
        #expect(table.cell("B", "X")?.n == 4)
        #expect(table.cell("B", "Y")?.n == 9)
        let range = try #require(table.audit?.first { $0.row == "A" && $0.col == "X" })
        #expect((range.lower, range.upper) == (0, 5))
    }

    /// Where the shown children already account for every respondent of the parent, the parent's cell says
    /// nothing about a hidden child's and stays.
    @Test func parentsCoveredByShownChildrenStay() {
        var units: [CrossUnit] = []
        // Nätra: 2 respondents with buss and fiber, 3 with fiber only: buss 2 (hidden), fiber 5, the parent 5.
        units += Array(repeating: CrossUnit(rows: ["buss": 1, "fiber": 1, "infrastruktur": 1], cols: ["Nätra": 1]), count: 2)
        units += Array(repeating: CrossUnit(rows: ["fiber": 1, "infrastruktur": 1], cols: ["Nätra": 1]), count: 3)
        units += Array(repeating: CrossUnit(rows: ["buss": 1, "fiber": 1, "infrastruktur": 1], cols: ["BLT": 1]), count: 6)
        var options = HandMadeTable()
        options.multiResponseRows = true
        options.rowParents = ["buss": "infrastruktur", "fiber": "infrastruktur"]
        let table = CrossTabulation.tabulate(
            units, rowValues: ["infrastruktur", "buss", "fiber"], colValues: ["Nätra", "BLT"], options: options)
        #expect(table.cell("buss", "Nätra")?.suppressed == true)
        // 5 − 5 (fiber, shown) = 0: buss could be anything from 0 to 5.
        #expect(table.cell("infrastruktur", "Nätra")?.n == 5)
        #expect(table.cell("fiber", "Nätra")?.n == 5)
    }

    @Test func smallBasesHideTheirWholeLine() {
        let pairs =
            Array(repeating: ("företag", "Nätra"), count: 10) + [("företag", "BLT"), ("förening", "BLT")]
            + Array(repeating: ("förening", "Nätra"), count: 5) + Array(repeating: ("förening", "Anundsjö"), count: 8)
            + Array(repeating: ("företag", "Anundsjö"), count: 4)
        let table = CrossTabulation.tabulate(
            Self.units(pairs), rowValues: ["företag", "förening"], colValues: ["Nätra", "BLT", "Anundsjö"], options: HandMadeTable())
        // BLT's base is 2 < 3: hidden, and so is a second column total, since the totals add up to the whole.
        #expect(table.colTotals.first { $0.value == "BLT" }?.n == nil)
        #expect(table.colTotals.filter(\.suppressed).count == 2)
        #expect(table.cell("företag", "BLT")?.percent == nil)
    }
}

/// A parent theme with one child and the same numbers as it (no one tagged the parent alone) leaves the table: two
/// identical rows say one thing (#23.5). A parent tagged on its own, or with two children, stays.
struct ParentRepeatingItsChildTests {
    @Test func identicalParentRowIsDropped() {
        // Respondents by theme: "företagande" only ever with its one child "kompetens"; "infra" has its own tag once.
        let units = [
            CrossUnit(rows: ["företagande": 1, "kompetens": 1, "infra": 1, "vägar": 1], cols: ["Nätra": 1]),
            CrossUnit(rows: ["företagande": 1, "kompetens": 1], cols: ["BLT": 1]),
            CrossUnit(rows: ["infra": 1], cols: ["BLT": 1]),
            CrossUnit(rows: ["infra": 1, "vägar": 1, "bredband": 1], cols: ["Nätra": 1]),
        ]
        var options = HandMadeTable()
        options.minCell = 0
        options.multiResponseRows = true
        let table = CrossTabulation.tabulate(
            units, rowValues: ["företagande", "kompetens", "infra", "vägar", "bredband"], colValues: ["Nätra", "BLT"], options: options)
        let parents = ["kompetens": "företagande", "vägar": "infra", "bredband": "infra"]
        let (kept, dropped) = table.droppingParentsRepeatingTheirChild(parents: parents)
        #expect(dropped == ["företagande"])
        #expect(kept.rowValues == ["kompetens", "infra", "vägar", "bredband"])
        #expect(kept.cell("kompetens", "BLT")?.n == 1)
        // One child but a different count somewhere: kept.
        let (same, none) = table.droppingParentsRepeatingTheirChild(parents: ["vägar": "infra"])
        #expect(none.isEmpty && same.rowValues.count == 5)
    }
}
