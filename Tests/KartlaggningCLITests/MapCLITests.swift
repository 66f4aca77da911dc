import Foundation
import TestSupport
import Testing

/// `kartlagg map` over the sample project: the map shows exactly what crosstab shows (a hidden cell is hatched, never
/// a share), its SVG as recorded, and its errors.
@Suite(.serialized)
struct MapCLITests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("k.sqlite") }

    func kartlagg(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments, in: folder.url)
    }

    /// Each area's state and title in a map: (data-state, title) by district.
    static func areas(_ svg: String) -> [String: (state: String, title: String)] {
        let pattern = #/data-area="([^"]*)" data-state="([^"]*)"[^>]*><title>([^<]*)</title>/#
        return Dictionary(svg.matches(of: pattern).map { (String($0.1), (String($0.2), String($0.3))) }, uniquingKeysWith: { a, _ in a })
    }

    /// Every theme and several selections (one where everything is hidden, ones where some is): for each area, the
    /// map hatches exactly the cells crosstab hides, and prints the share crosstab prints.
    @Test func theMapShowsWhatCrosstabShowsAndNothingElse() throws {
        #expect(try CLI.prepareSample(db: db, in: folder.url) == [])
        let themes = ["bredband", "kollektivtrafik", "nararbetsplatser", "samverkan", "civilsamhalle", "service"]
        var hidden = 0
        var shown = 0
        for selection in [[], ["--where", "kind=förening"], ["--where", "kind=företag"], ["--where", "survey=inspel-2025"]] {
            for theme in themes {
                let table = try kartlagg(["crosstab", "--db", db, "--rows", "theme", "--cols", "district", "--format", "json"] + selection)
                guard table.status == 0 else {
                    Issue.record("crosstab \(selection): \(table.stderr)")
                    continue
                }
                let object = try JSONSerialization.jsonObject(with: Data(table.stdout.utf8)) as? [String: Any]
                let json = try #require(object?["table"] as? [String: Any])
                let out = folder.path("\(theme).svg")
                let map = try kartlagg(["map", "--db", db, "--theme", theme, "--out", out] + selection)
                #expect(map.status == 0, "\(theme) \(selection): \(map.stderr)")
                let areas = Self.areas(try String(contentsOfFile: out, encoding: .utf8))
                #expect(areas.count == 4)
                let totals = Dictionary(
                    ((json["colTotals"] as? [[String: Any]]) ?? []).map {
                        ($0["value"] as? String ?? "", $0["suppressed"] as? Bool ?? false)
                    },
                    uniquingKeysWith: { a, _ in a })
                let wholeHidden = json["totalSuppressed"] as? Bool ?? false
                for cell in (json["cells"] as? [[String: Any]]) ?? [] where cell["row"] as? String == theme {
                    let district = cell["col"] as? String ?? ""
                    let area = try #require(areas[district], "\(district)")
                    if cell["suppressed"] as? Bool == true || totals[district] == true || wholeHidden {
                        hidden += 1
                        #expect(area.state == "hidden", "\(theme) \(selection) \(district): \(area)")
                        #expect(!area.title.contains("%") && !area.title.contains(" av "), "\(area.title)")
                    } else {
                        shown += 1
                        let percent = try #require(cell["percent"] as? Double)
                        let n = try #require(cell["n"] as? Int)
                        #expect(area.state == "shown", "\(theme) \(selection) \(district): \(area)")
                        let shown = String(format: "%.1f", percent).replacingOccurrences(of: ".", with: ",") + "\u{00A0}% (\(n) av "
                        #expect(area.title.contains(shown), "\(area.title) vs \(percent)")
                    }
                }
            }
        }
        // Both kinds of area were met.
        #expect(hidden > 10 && shown > 10, "hidden \(hidden), shown \(shown)")
    }

    @Test func theSampleMapIsAsRecorded() throws {
        #expect(try CLI.prepareSample(db: db, in: folder.url) == [])
        let out = folder.path("karta.svg")
        let result = try kartlagg(["map", "--db", db, "--theme", "samverkan", "--min-base", "15", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("karta.svg: map written"))
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        let expected = try #require(Golden.expected("map-samverkan.svg", target: "KartlaggningCLITests", actual: svg))
        #expect(svg == expected)
        // The same with --difference: a diverging map, and the whole's share under it.
        let difference = try kartlagg(["map", "--db", db, "--theme", "nararbetsplatser", "--difference", "--out", out])
        #expect(difference.status == 0)
        let diverging = try String(contentsOfFile: out, encoding: .utf8)
        #expect(diverging.contains("procentenheter mot hela kommunen") && diverging.contains("Hela kommunen: "))
    }

    @Test func errorsSayWhatToDo() throws {
        #expect(try CLI.prepareSample(db: db, in: folder.url) == [])
        let out = folder.path("m.svg")
        let unknown = try kartlagg(["map", "--db", db, "--theme", "nosuch", "--out", out])
        #expect(unknown.status != 0 && unknown.stderr.contains("no theme \"nosuch\" in the codebook; themes: "))
        let value = try kartlagg(["map", "--db", db, "--question", "bredband_nojd", "--out", out])
        #expect(
            value.stderr.contains("say which answer to map with --question bredband_nojd=VALUE, one of 1, 2, 3, 4, 5"), "\(value.stderr)")
        let wrong = try kartlagg(["map", "--db", db, "--question", "bredband_nojd=9", "--out", out])
        #expect(wrong.status != 0 && wrong.stderr.contains("bredband_nojd has no answer \"9\""))
        let both = try kartlagg(["map", "--db", db, "--theme", "bredband", "--question", "x", "--out", out])
        #expect(both.status != 0 && both.stderr.contains("either --theme ID or --question"))
        let format = try kartlagg(["map", "--db", db, "--theme", "bredband", "--out", folder.path("m.pdf")])
        #expect(format.status != 0 && format.stderr.contains(".svg or .png"))
        #expect(!FileManager.default.fileExists(atPath: out))

        // A registry without a map.
        let sample = try String(contentsOfFile: Paths.sample("districts.yaml"), encoding: .utf8)
        let withoutMap = sample.split(separator: "\n", omittingEmptySubsequences: false).filter {
            !$0.hasPrefix("map:") && !$0.hasPrefix("  file:") && !$0.hasPrefix("  property:") && !$0.hasPrefix("  source:")
        }
        let plain = folder.write("plain.yaml", withoutMap.joined(separator: "\n"))
        let load = try kartlagg(["districts", "load", "--db", db, plain])
        #expect(load.status == 0, "\(load.stderr)")
        let none = try kartlagg(["map", "--db", db, "--theme", "bredband", "--out", out])
        #expect(none.status != 0 && none.stderr.contains("the district registry has no map"), "\(none.stderr)")
        #expect(none.stderr.contains("`kartlagg districts load districts.yaml`"))
    }
}
