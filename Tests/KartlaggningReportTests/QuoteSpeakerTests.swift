import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import Testing

@testable import KartlaggningReport
@testable import KartlaggningReportBuilder

/// A quote names its speaker's kind only where the kind × district cell it would point to is shown and large enough.
struct QuoteSpeakerTests {
    @Test func aHiddenKindIsOnlyARespondent() {
        // kind × district: one public-sector respondent in Nätra (hidden, and a cell beside it to protect it).
        let counts = CrossCounts(
            counts: [[9, 5], [8, 6], [1, 0], [20, 12]], rowBase: [14, 14, 1, 32], colBase: [38, 23], grand: 61,
            rowValues: ["företag", "förening", "offentlig", "privatperson"], colValues: ["Nätra", "BLT"])
        let basis = CrossTabulation.tabulate(counts, spec: CrossSpec(rows: .kind, cols: .district))
        #expect(basis.cell("offentlig", "Nätra")?.suppressed == true)
        let hiddenBeside = basis.cells.filter { $0.suppressed && $0.row != "offentlig" }.map(\.row)
        #expect(!hiddenBeside.isEmpty)
        #expect(QuoteChooser.speaker(kind: "offentlig", district: "Nätra", basis: basis, language: .sv) == "respondent")
        for kind in hiddenBeside {
            #expect(QuoteChooser.speaker(kind: kind, district: "Nätra", basis: basis, language: .sv) == "respondent")
        }
        #expect(QuoteChooser.speaker(kind: "privatperson", district: "BLT", basis: basis, language: .en) == "privatperson")
        // Without a district, the kind's total decides: offentlig's 1 is hidden.
        #expect(QuoteChooser.speaker(kind: "offentlig", district: nil, basis: basis, language: .sv) == "respondent")
    }
}
