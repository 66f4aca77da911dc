import KartlaggningAnalysis
import Testing

@testable import KartlaggningReport
@testable import KartlaggningReportBuilder

/// A number question's size classes: round edges, never an answer's own value, the last class open.
struct NumberClassesTests {
    let sv = ReportLanguage.sv

    @Test func wholeNumbersGetDecades() {
        let classes = NumberClasses(smallest: 0, largest: 250, integer: true, number: sv.integer)
        #expect(classes.labels == ["0", "1–9", "10–99", "100+"])
        #expect([0, 1, 9, 10, 99, 100, 250, 100_000].map { classes.index(of: $0) } == [0, 1, 1, 2, 2, 3, 3, 3])
    }

    @Test func decimalsSayWhereAClassEnds() {
        let classes = NumberClasses(smallest: 0.5, largest: 12.5, integer: false, number: sv.integer)
        #expect(classes.labels == ["0–<1", "1–<10", "10+"])
        #expect([0.5, 0.999, 1, 9.99, 10, 12.5].map { classes.index(of: $0) } == [0, 0, 1, 1, 2, 2])
    }

    @Test func negativesHaveAClassAndLargeRangesStepByAHundred() {
        let classes = NumberClasses(smallest: -40_000, largest: 3_500_000, integer: true, number: sv.integer)
        // 3.5 million spans seven decades: steps of a hundred, numbers written as Swedish writes them.
        #expect(classes.labels == ["<0", "0", "1–99", "100–9\u{00A0}999", "10\u{00A0}000–999\u{00A0}999", "1\u{00A0}000\u{00A0}000+"])
        #expect([-1, 0, 50, 100, 9_999, 10_000, 999_999, 1_000_000].map { classes.index(of: $0) } == [0, 1, 2, 3, 3, 4, 4, 5])
    }

    @Test func onlyZerosAndHugeValuesStayFinite() {
        #expect(NumberClasses(smallest: 0, largest: 0, integer: true, number: sv.integer).labels == ["0"])
        let huge = NumberClasses(smallest: 0, largest: .infinity, integer: true, number: sv.integer)
        #expect(huge.labels.count == 9 && huge.labels.last?.hasSuffix("+") == true)
        #expect(huge.index(of: 1e300) == huge.labels.count - 1)
    }

    /// The chart's table: answers counted into their classes per area, protected and audited as every report table.
    @Test func theChartsTableIsCountedAndProtected() throws {
        let counts: [String: [Double: Int]] = [
            "Nätra": [0: 2, 3: 5, 12: 4, 40: 1], "Husum": [1: 6, 2: 3, 15: 5], "BLT": [7: 1, 250: 1],
        ]
        let exact = try #require(
            MappingSummaryGatherer.classTable(
                counts, question: "anstallda", areas: ["Nätra", "Husum", "BLT"], integer: true, minCell: 0, language: .sv))
        #expect(exact.rowValues == ["0", "1–9", "10–99", "100+"])
        #expect(exact.total == 28 && exact.colTotals.map(\.n) == [12, 14, 2] && exact.rowTotals.map(\.n) == [2, 15, 10, 1])
        #expect(exact.cell("1–9", "Husum")?.n == 9 && exact.cell("10–99", "Nätra")?.n == 5 && exact.cell("100+", "BLT")?.n == 1)
        let table = try #require(
            MappingSummaryGatherer.classTable(
                counts, question: "anstallda", areas: ["Nätra", "Husum", "BLT"], integer: true, minCell: 3, language: .sv, audit: true))
        #expect(table.colTotals[2].n == nil && table.cell("100+", "BLT")?.suppressed == true)
        // Nothing hidden can be worked out to within fewer than 3.
        #expect(table.audit?.isEmpty == false)
        for range in table.audit ?? [] { #expect(range.upper - range.lower >= 3, "\(range)") }
        #expect(table.cells.filter(\.suppressed).count >= 2)
    }
}
