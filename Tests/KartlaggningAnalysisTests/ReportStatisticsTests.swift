import Testing

@testable import KartlaggningAnalysis

/// The statistics reports add to cross-tabs: differences from the whole with χ², and protected scale means.
struct ReportStatisticsTests {
    /// Theme counts by district: A 4 of 13, B 4 of 46 (hand-made table).
    static func table() -> CrossTable {
        var options = CrossTabulation.Options()
        options.minCell = 0
        options.multiResponseRows = true
        return CrossTabulation.tabulate(
            counts: [[4, 4]], rowBase: [8], colBase: [13, 46], grand: 59, rowValues: ["turism"], colValues: ["A", "B"], options: options)
    }

    @Test func differenceFromTheWholeWithChiSquareByHand() throws {
        let differences = ShareDifference.largest(in: Self.table())
        let a = try #require(differences.first { $0.col == "A" })
        // [[4, 9], [4, 42]]: expected 1.7627, 11.237, 6.2373, 39.763 → χ² = 4.2135; p = erfc(√(χ²/2)) = 0.04010.
        #expect(abs(a.chiSquare - 4.2135) < 1e-3)
        #expect(abs(a.pValue - 0.040103) < 1e-5)
        #expect(abs(a.percent - 30.769) < 1e-3)
        #expect(abs(a.wholePercent - 13.559) < 1e-3)
        #expect(abs(a.points - 17.21) < 1e-2)
        #expect(a.lowExpected)  // 13 · 8 / 59 = 1.76 < 5
        // B against the rest is the same 2×2 table turned over: the same χ².
        let b = try #require(differences.first { $0.col == "B" })
        #expect(abs(b.chiSquare - a.chiSquare) < 1e-9)
        #expect(differences.map(\.col) == ["A", "B"])  // the larger difference first
    }

    @Test func suppressedCellsAreNotCompared() {
        var options = CrossTabulation.Options()
        options.minCell = 3
        let table = CrossTabulation.tabulate(
            counts: [[2, 10, 9]], rowBase: [21], colBase: [10, 30, 30], grand: 70, rowValues: ["x"], colValues: ["A", "B", "C"],
            options: options)
        #expect(!ShareDifference.largest(in: table).contains { $0.col == "A" })
    }

    @Test func scaleMeansHideSmallGroupsAndOneMoreWhenOnlyOneIsHidden() {
        let means = ScaleMean.protected(
            [("A", 2, 8), ("B", 4, 12), ("C", 6, 24), ("D", 0, 0)], minCell: 3, wholeLabel: "Hela")
        #expect(means[0] == ScaleMean(group: "A", n: nil, mean: nil))
        // A alone hidden would be worked out from the whole's mean: B (the smallest shown) is hidden too.
        #expect(means[1] == ScaleMean(group: "B", n: nil, mean: nil))
        #expect(means[2] == ScaleMean(group: "C", n: 6, mean: 4))
        #expect(means[3] == ScaleMean(group: "D", n: 0, mean: nil))
        #expect(means[4] == ScaleMean(group: "Hela", n: 12, mean: 44.0 / 12))
        let open = ScaleMean.protected([("A", 2, 8), ("B", 4, 12)], minCell: 0, wholeLabel: "Hela")
        #expect(open.map(\.mean) == [4, 3, 20.0 / 6])
    }

    @Test func emptyColumnsAreDroppedWithTheirCells() {
        var options = CrossTabulation.Options()
        options.minCell = 0
        let table = CrossTabulation.tabulate(
            counts: [[1, 0, 2]], rowBase: [3], colBase: [5, 0, 6], grand: 11, rowValues: ["x"], colValues: ["A", "B", "C"], options: options
        )
        let trimmed = table.droppingEmptyColumns()
        #expect(trimmed.colValues == ["A", "C"])
        #expect(trimmed.cells.map(\.col) == ["A", "C"])
        #expect(trimmed.total == 11)
    }
}
