import KartlaggningCore
import KartlaggningModel
import Testing

@testable import KartlaggningReport

/// Rating batteries (#23.4): many scale questions of one survey on one scale are one table, their items named
/// without what they all share.
struct RatingBatteryTests {
    static func scale(_ id: String, _ text: String, survey: String = "enkat", range: ScaleRange = ScaleRange(min: 0, max: 14))
        -> MappingSummary.ScaleQuestion
    {
        var question = MappingSummary.ScaleQuestion(id: id, text: text, range: range, means: [])
        question.surveyID = survey
        return question
    }

    static let services = ["skolan", "vårdcentralen", "bussen", "bredbandet", "snöröjningen"]

    @Test func fiveItemsOnOneScaleAreABattery() throws {
        let items = Self.services.enumerated().map { i, service in
            Self.scale("q\(i)", "Hur nöjd är du med \(service)? (0 = inte alls, 14 = helt)")
        }
        let found = RatingBattery.find(in: items + [Self.scale("trivsel", "Hur trivs du? (1–5)", range: ScaleRange(min: 1, max: 5))])
        #expect(found.count == 1)
        let battery = try #require(found.first)
        #expect(battery.items == ["q0", "q1", "q2", "q3", "q4"])
        #expect(battery.stem == "Hur nöjd är du med")
        #expect(battery.labels["q2"] == "bussen?")
        #expect(battery.range == ScaleRange(min: 0, max: 14))
    }

    @Test func fourItemsOrTwoSurveysAreNot() {
        let four = Self.services.prefix(4).enumerated().map { i, s in Self.scale("q\(i)", "Hur nöjd är du med \(s)?") }
        #expect(RatingBattery.find(in: four).isEmpty)
        // Five on one scale, but from two surveys: no battery.
        let split = Self.services.enumerated().map { i, s in Self.scale("q\(i)", "Hur nöjd är du med \(s)?", survey: i < 3 ? "a" : "b") }
        #expect(RatingBattery.find(in: split).isEmpty)
        // Number questions never are one.
        var numbers = Self.services.enumerated().map { i, s in Self.scale("q\(i)", "Antal \(s)") }
        for i in numbers.indices { numbers[i].numbers = true }
        #expect(RatingBattery.find(in: numbers).isEmpty)
    }

    /// A shared start ends at a word; items sharing only part of a word keep it.
    @Test func theSharedStartIsWholeWords() {
        #expect(RatingBattery.sharedStart(["Hur nöjd är du med skolan", "Hur nöjd är du med skogen"]) == "Hur nöjd är du med")
        #expect(RatingBattery.sharedStart(["Skolan", "Skogen"]) == nil)
        #expect(RatingBattery.sharedStart(["Trygghet", "Service"]) == nil)
        let items = ["Trygghet", "Service", "Skola", "Vård", "Buss"].enumerated().map { i, s in Self.scale("q\(i)", s) }
        let battery = RatingBattery.find(in: items).first
        #expect(battery?.stem == nil)
        #expect(battery?.labels["q1"] == "Service")
    }
}

/// The HTML page's narrow tables two to a row in print: the same elements, in the same order.
struct HTMLColumnsTests {
    static func block(_ title: String, columns: Int, text: String = "12,5 % (6/48)") -> String {
        let header = "<tr>" + (0..<columns).map { "<th>K\($0)</th>" }.joined() + "</tr>"
        let row = "<tr>" + (0..<columns).map { _ in "<td>\(text)</td>" }.joined() + "</tr>"
        return "<h3>\(title)</h3><table><thead>\(header)</thead><tbody>\(row)</tbody></table><p><em>not</em></p>"
    }

    @Test func narrowBlocksGoTwoToARow() {
        let body =
            "<h2>Slutna</h2>" + Self.block("A", columns: 2) + Self.block("B", columns: 3) + Self.block("C", columns: 6)
            + Self.block("D", columns: 2) + "<h2>Nästa</h2>"
        let html = HTMLPage.columns(body)
        // A and B together; C too wide (6 columns of 13 characters); D alone stays as it is.
        #expect(
            html
                == "<h2>Slutna</h2><div class=\"columns\"><section class=\"block\">\(Self.block("A", columns: 2))</section>"
                + "<section class=\"block\">\(Self.block("B", columns: 3))</section></div>" + Self.block("C", columns: 6)
                + Self.block("D", columns: 2) + "<h2>Nästa</h2>")
        // Nothing lost or reordered: the markup without the wrappers is the input.
        let unwrapped = html.replacing(/<\/?(div|section)[^>]*>/, with: "")
        #expect(unwrapped == body)
    }

    @Test func aBlockWithAChartIsNeverNarrow() {
        #expect(!HTMLPage.narrow((Self.block("A", columns: 2) + "<figure><svg></svg></figure>")[...]))
        #expect(HTMLPage.narrow(Self.block("A", columns: 2)[...]))
    }
}
