import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import Testing

@testable import KartlaggningReport

/// The summary a report opens with (#23.1): sentences from the shown numbers only, each naming its table.
struct ReportSummaryTests {
    /// kind × district with two small kinds, whose totals the protection hides.
    static func summary() -> MappingSummary {
        let counts = [[14, 9, 5], [1, 1, 0], [0, 1, 0], [20, 30, 4]]
        var spec = CrossSpec(rows: .kind, cols: .district)
        spec.minCell = 3
        let basis = CrossTabulation.tabulate(
            CrossCounts(
                counts: counts, rowBase: counts.map { $0.reduce(0, +) },
                colBase: (0..<3).map { c in counts.reduce(0) { $0 + $1[c] } }, grand: counts.joined().reduce(0, +),
                rowValues: ["företag", "förening", "offentlig", "privatperson"], colValues: ["Anundsjö", "Nätra", "BLT"]),
            spec: spec)
        var summary = MappingSummary(
            basis: basis, surveys: [], themes: basis.withoutRows(), themeLabels: [:], themeParents: [:], choices: [], scales: [],
            differences: [])
        summary.leftOut.unanswered = ["Kön"]
        return summary
    }

    @Test func sentencesUseShownNumbersOnly() {
        let summary = Self.summary()
        // The two small totals, and one more so that they cannot be worked out from the whole.
        #expect(summary.basis.rowTotals.filter(\.suppressed).map(\.value) == ["företag", "förening", "offentlig"])
        let lines = ReportSummary.overview(summary, ranked: [], language: .sv)
        #expect(
            lines == [
                "**85 respondenter** i 0 undersökningar: 54 privatpersoner och några till av 3 andra typer (se *Underlaget*).",
                "Flest svar kom från Nätra (41) och Anundsjö (35), färst från BLT (9); 3 områden har svar.",
                "Ett område har färre än 10 respondenter — BLT (9): andelar där bygger på få personer och många döljs.",
                "Ingen skillnad mellan ett område och resten av kommunen håller enligt rapportens regel (se *Största skillnaderna*).",
                "Rapporten utelämnar frågor som ingen i urvalet besvarade (Kön) (se *Om underlaget och metoden*).",
            ])
        // No hidden count in any sentence: förening's 2 and offentlig's 1.
        #expect(!lines.joined().contains("28 företag") && !lines.joined().contains("2 förening") && !lines.joined().contains("1 offentlig"))
        let english = ReportSummary.overview(summary, ranked: [], language: .en)
        #expect(english.first == "**85 respondents** in 0 surveys: 54 residents and a few of 3 other kinds (see *The data*).")
    }

    /// An empty selection says so, and names no kinds.
    @Test func anEmptySelectionSaysSo() {
        var spec = CrossSpec(rows: .kind, cols: .district)
        spec.minCell = 3
        let basis = CrossTabulation.tabulate(
            CrossCounts(counts: [], rowBase: [], colBase: [], grand: 0, rowValues: [], colValues: []), spec: spec)
        let summary = MappingSummary(
            basis: basis, surveys: [], themes: basis, themeLabels: [:], themeParents: [:], choices: [], scales: [], differences: [])
        #expect(ReportSummary.overview(summary, ranked: [], language: .sv).first == "Inga respondenter finns i urvalet (se *Underlaget*).")
    }
}
