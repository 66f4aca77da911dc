import Testing

@testable import KartlaggningAnalysis

/// The statistics reports add to cross-tabs: differences from the whole with χ², and protected scale means.
struct ReportStatisticsTests {
    /// Theme counts by district: A 4 of 13, B 4 of 46 (hand-made table).
    static func table() -> CrossTable {
        var options = HandMadeTable()
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

    /// Newcombe's (1998) worked examples, his method 10: 56/70 − 48/80 → 0.0524 to 0.3339; 9/10 − 3/10 → 0.1705 to
    /// 0.8090. And the table above: A's interval scaled to the difference from the whole (46/59 of A − rest).
    @Test func intervalsMatchNewcombesExamples() throws {
        let first = ProportionInterval.newcombe(56, of: 70, 48, of: 80)
        #expect(abs(first.lowerBound - 0.0524) < 5e-5 && abs(first.upperBound - 0.3339) < 5e-5)
        let second = ProportionInterval.newcombe(9, of: 10, 3, of: 10)
        #expect(abs(second.lowerBound - 0.1705) < 5e-5 && abs(second.upperBound - 0.8090) < 5e-5)
        let a = try #require(ShareDifference.largest(in: Self.table()).first { $0.col == "A" })
        #expect(abs(a.lowerPoints - 0.44396) < 1e-4 && abs(a.upperPoints - 38.55078) < 1e-4)
        #expect(a.lowerPoints < a.points && a.points < a.upperPoints)
        #expect(a.base == 13 && a.restBase == 46)
    }

    /// p.adjust by hand: Holm multiplies the i-th smallest of m by m − i + 1 and keeps them non-decreasing;
    /// Benjamini–Hochberg by m / i and keeps them non-increasing from the largest.
    @Test func multipleComparisonCorrections() {
        let p = [0.04, 0.01, 0.03, 0.02, 0.5]
        // Sorted 0.01, 0.02, 0.03, 0.04, 0.5 (m = 5). Holm: 0.05, 0.08, 0.09, max(0.08, 0.09) = 0.09, 0.5.
        let holm = MultipleComparison.holm.adjust(p)
        for (value, expected) in zip(holm, [0.09, 0.05, 0.09, 0.08, 0.5]) { #expect(abs(value - expected) < 1e-12) }
        // BH: 0.05, 0.05, 0.05, 0.05, 0.5 (0.04 · 5/4 = 0.05, 0.03 · 5/3 = 0.05, 0.02 · 5/2 = 0.05, 0.01 · 5 = 0.05).
        let bh = MultipleComparison.bh.adjust(p)
        for (value, expected) in zip(bh, [0.05, 0.05, 0.05, 0.05, 0.5]) { #expect(abs(value - expected) < 1e-12) }
        #expect(MultipleComparison.none.adjust(p) == p)
        #expect(MultipleComparison.holm.adjust([0.3, 0.4]) == [0.6, 0.6])
        #expect(MultipleComparison.holm.adjust([0.9, 0.8]) == [1, 1])  // capped at 1
    }

    /// A yes/no question's "nej" mirrors its "ja" (same χ², opposite points): only the first answer is compared. With
    /// "(ej svar)" beside them too; a question with three answers keeps all three.
    @Test func aBinaryQuestionIsComparedOnce() {
        var options = HandMadeTable()
        options.minCell = 0
        let binary = CrossTabulation.tabulate(
            counts: [[30, 10], [10, 30], [2, 3]], rowBase: [40, 40, 5], colBase: [42, 43], grand: 85,
            rowValues: ["Ja", "Nej", "(ej svar)"], colValues: ["A", "B"], options: options)
        #expect(Set(ShareDifference.ofQuestion(binary).map(\.row)) == ["Ja"])
        #expect(Set(ShareDifference.largest(in: binary).map(\.row)) == ["Ja", "Nej"])
        let three = CrossTabulation.tabulate(
            counts: [[20, 10], [10, 20], [12, 13]], rowBase: [30, 30, 25], colBase: [42, 43], grand: 85,
            rowValues: ["bra", "dålig", "vet ej"], colValues: ["A", "B"], options: options)
        #expect(Set(ShareDifference.ofQuestion(three).map(\.row)) == ["bra", "dålig", "vet ej"])
    }

    /// Only groups large enough are compared; a difference is shown where it holds after the correction over them.
    @Test func differencesWorthShowing() {
        func difference(_ col: String, p: Double, base: Int, rest: Int) -> ShareDifference {
            ShareDifference(
                row: "r", col: col, percent: 0, wholePercent: 0, points: 0, chiSquare: 0, pValue: p, lowExpected: false, base: base,
                restBase: rest, lowerPoints: 0, upperPoints: 0, adjustedP: p)
        }
        let candidates = [
            difference("A", p: 0.001, base: 40, rest: 200), difference("B", p: 0.02, base: 50, rest: 190),
            difference("C", p: 0.0001, base: 3, rest: 237), difference("D", p: 0.3, base: 60, rest: 180),
        ]
        let (shown, compared) = ShareDifference.worthShowing(candidates, rule: DifferenceRule(minGroup: 30, correction: .holm))
        #expect(compared == 3)  // C's 3 respondents are not compared at all
        // Holm over 3: A 0.001 · 3 = 0.003 (shown), B 0.02 · 2 = 0.04 (shown), D 0.3 · 1 → 0.3.
        #expect(shown.map { $0?.col } == ["A", "B", nil, nil])
        #expect(abs((shown[0]?.adjustedP ?? 1) - 0.003) < 1e-12)
        #expect(abs((shown[1]?.adjustedP ?? 1) - 0.04) < 1e-12)
        let strict = ShareDifference.worthShowing(candidates, rule: DifferenceRule(minGroup: 30, correction: .holm)).shown
        #expect(strict.compactMap { $0 }.count == 2)
        let tiny = ShareDifference.worthShowing(candidates, rule: DifferenceRule(minGroup: 1, correction: .none)).shown
        #expect(tiny.map { $0?.col } == ["A", "B", "C", nil])
    }

    @Test func suppressedCellsAreNotCompared() {
        var options = HandMadeTable()
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

    /// A dominance hide is not undone by the whole (#22.5): one area's 30 members' counts, one company far the largest,
    /// the other areas with no answer — the whole's mean would be that area's, so it is hidden too; with another area
    /// to hide beside it, the whole shows.
    @Test func theWholeDoesNotUndoADominanceHide() {
        var members: [Double: Int] = [5: 20, 8: 9]
        members[900] = 1
        let alone = ScaleMean.protected(
            distributions: [("Nätra", members), ("BLT", [:]), ("Anundsjö", [:])], minCell: 3, wholeLabel: "Hela", numbers: true)
        #expect(alone[0] == ScaleMean(group: "Nätra", n: nil, mean: nil))
        #expect(alone.last == ScaleMean(group: "Hela", n: nil, mean: nil))
        let withOthers = ScaleMean.protected(
            distributions: [("Nätra", members), ("BLT", [4: 3, 6: 2]), ("Anundsjö", [3: 6, 7: 4])], minCell: 3, wholeLabel: "Hela",
            numbers: true)
        #expect(withOthers[0].mean == nil && withOthers[1].mean == nil)
        #expect(withOthers[2].mean == 4.6)
        #expect(withOthers.last?.n == 45 && withOthers.last?.mean != nil)
    }

    /// Medians from counts per value, by hand: 1,1,2,4,5 → 2; 1,2,4,5 → 3; and protected like the means: a hidden
    /// group shows neither, the whole's median is over every answer.
    @Test func mediansFromCountsAndProtectedLikeMeans() {
        #expect(ScaleMean.median(of: [1: 2, 2: 1, 4: 1, 5: 1]) == 2)
        #expect(ScaleMean.median(of: [1: 1, 2: 1, 4: 1, 5: 1]) == 3)
        #expect(ScaleMean.median(of: [3: 4]) == 3)
        #expect(ScaleMean.median(of: [:]) == nil)
        let means = ScaleMean.protected(
            distributions: [("A", [1: 1, 5: 1]), ("B", [2: 2, 3: 1, 5: 3]), ("C", [4: 3, 5: 3]), ("D", [3: 5])], minCell: 3,
            wholeLabel: "Hela")
        // A (n 2) is hidden, and so is the smallest shown group (D, n 5) lest A be worked out from the whole.
        // B: 2, 2, 3, 5, 5, 5 → (3 + 5) / 2 = 4; C: 4, 4, 4, 5, 5, 5 → 4.5.
        #expect(means.map(\.median) == [nil, 4, 4.5, nil, 4])
        #expect(means[2] == ScaleMean(group: "C", n: 6, mean: 4.5, median: 4.5))
        // The whole: 1; 2, 2; 3 × 6; 4 × 3; 5 × 7 — 19 answers, the 10th is 4.
        #expect(means[4].n == 19 && means[4].median == 4)
    }

    @Test func emptyColumnsAreDroppedWithTheirCells() {
        var options = HandMadeTable()
        options.minCell = 0
        let table = CrossTabulation.tabulate(
            counts: [[1, 0, 2]], rowBase: [3], colBase: [5, 0, 6], grand: 11, rowValues: ["x"], colValues: ["A", "B", "C"], options: options
        )
        let trimmed = table.droppingEmptyColumns()
        #expect(trimmed.colValues == ["A", "C"])
        #expect(trimmed.cells.map(\.col) == ["A", "C"])
        #expect(trimmed.total == 11)
    }

    /// Number questions (the sample's employees, by hand): Grundsunda's 35 is more than half of its 54, so its mean
    /// goes; being the only one hidden, the smallest shown group goes with it (Anundsjö, 6 answers, before BLT by name).
    /// Medians only from 10 answers: the whole's 13th of 25 sorted values, 4.
    @Test func numberMeansFollowTheDominanceRule() {
        func counts(_ values: [Double]) -> [Double: Int] { values.reduce(into: [:]) { $0[$1, default: 0] += 1 } }
        let groups: [(group: String, counts: [Double: Int])] = [
            ("Anundsjö", counts([2, 3, 4, 7, 14, 4])), ("Nätra", counts([2, 2, 5, 11, 12, 22, 6])),
            ("Grundsunda", counts([2, 2, 3, 8, 35, 4])), ("BLT", counts([1, 3, 5, 9, 16, 1])),
        ]
        let means = ScaleMean.protected(distributions: groups, minCell: 3, wholeLabel: "Hela", numbers: true)
        #expect(means.map(\.group) == ["Anundsjö", "Nätra", "Grundsunda", "BLT", "Hela"])
        #expect(means[0] == ScaleMean(group: "Anundsjö", n: nil, mean: nil))
        #expect(means[1] == ScaleMean(group: "Nätra", n: 7, mean: 60.0 / 7))
        #expect(means[2] == ScaleMean(group: "Grundsunda", n: nil, mean: nil))
        #expect(means[3] == ScaleMean(group: "BLT", n: 6, mean: 35.0 / 6))
        #expect(means[4] == ScaleMean(group: "Hela", n: 25, mean: 183.0 / 25, median: 4))
        // The same answers as a scale: no dominance rule, every median shown.
        let asScale = ScaleMean.protected(distributions: groups, minCell: 3, wholeLabel: "Hela")
        #expect(asScale[2] == ScaleMean(group: "Grundsunda", n: 6, mean: 9, median: 3.5))
    }
}
