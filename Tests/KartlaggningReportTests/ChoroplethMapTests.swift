import Foundation
import KartlaggningAnalysis
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningReport

/// The choropleth as drawn: hidden cells hatched and never given a share, pale areas below the base, pools drawn as
/// the union of their areas, classes and their counts, an index where a name does not fit.
struct ChoroplethMapTests {
    /// A 3 × 2 grid of 10 km squares, A B C on top, D E F below, and a 300 m strip G east of C.
    static let grid: AreaMap = {
        func square(_ column: Int, _ row: Int) -> [[[AreaMap.Point]]] {
            let (x, y) = (Double(column) * 10_000, Double(1 - row) * 10_000)
            return [[[.init(x: x, y: y), .init(x: x + 10_000, y: y), .init(x: x + 10_000, y: y + 10_000), .init(x: x, y: y + 10_000)]]]
        }
        var areas = ["A", "B", "C", "D", "E", "F"].enumerated().map { index, name in
            AreaMap.Area(name: name, polygons: square(index % 3, index / 3))
        }
        areas.append(
            AreaMap.Area(
                name: "G",
                polygons: [
                    [[.init(x: 30_000, y: 10_000), .init(x: 30_300, y: 10_000), .init(x: 30_300, y: 20_000), .init(x: 30_000, y: 20_000)]]
                ]))
        return AreaMap(areas: areas, projection: "SWEREF 99 TM (EPSG:3006)", source: "Testkarta")
    }()

    static func input() -> ChoroplethInput {
        var input = ChoroplethInput(
            title: "Bredband: andel per område", measure: "Andel av de svarande som tog upp bredband", map: grid,
            values: [
                "A": .share(percent: 12.5, n: 5, base: 40), "B": .share(percent: 37.5, n: 15, base: 40), "C": .hidden, "F": .hidden,
                "D": .lowBase(base: 8), "E": .noData, "G": .share(percent: 25, n: 10, base: 40),
            ])
        input.pools = [(label: "Östra", districts: ["C", "F"])]
        input.minBase = 10
        input.id = "t"
        input.notes = ["Hela kommunen: 20.0 % (200 svarande)."]
        return input
    }

    static func paths(_ svg: String) -> [(area: String, fill: String, state: String, title: String)] {
        let pattern = #/<path d="[^"]*" fill="([^"]*)" data-area="([^"]*)" data-state="([^"]*)"[^>]*><title>([^<]*)</title>/#
        return svg.matches(of: pattern).map { (String($0.2), String($0.1), String($0.3), String($0.4)) }
    }

    @Test func hiddenIsHatchedAndNeverCarriesAShare() throws {
        let svg = ChoroplethMap.svg(Self.input())
        let areas = Self.paths(svg)
        #expect(areas.map(\.area) == ["C", "F", "A", "B", "D", "E", "G"])
        for area in areas where ["C", "F"].contains(area.area) {
            #expect(area.fill == "url(#t-hatch)" && area.state == "hidden")
            #expect(!area.title.contains("%") && area.title.contains("dolt"), "\(area.title)")
        }
        let byName = Dictionary(uniqueKeysWithValues: areas.map { ($0.area, $0) })
        #expect(byName["A"]?.title == "A: 12,5\u{00A0}% (5 av 40)")
        #expect(byName["D"]?.fill == "#e9e9e9" && byName["D"]?.title == "D: 8 svarande, färre än 10: ingen andel")
        #expect(byName["E"]?.fill == "#ffffff" && byName["E"]?.state == "no-data")
        // Classes over 12.5–37.5 %: 0–10, 10–20, 20–30, 30 and more; A in the second, G in the third, B in the last.
        #expect(byName["A"]?.fill == "#a1dab4" && byName["G"]?.fill == "#2c7fb8")
        #expect(byName["B"]?.fill == "#253494")
        // The legend counts areas, a pool once: 1 + 1 + 1 shown, 1 hidden (the pool), 1 pale, 1 without answers.
        #expect(svg.contains(">10 till under 20 % (1)<") && svg.contains(">30 % och mer (1)<"))
        #expect(svg.contains("(1)</text>") && svg.contains("inga svar (1)"))
        // The pool is drawn as one: its members without borders of their own, and its outline.
        #expect(svg.contains("data-area=\"C\" data-state=\"hidden\" stroke=\"none\""))
        #expect(svg.contains("<g class=\"pools\""))
        #expect(!svg.contains("NaN"))
        // The outline of C and F: their eight edges less the two halves of the border they share.
        let outline = ChoroplethMap.outline([Self.grid.areas[2], Self.grid.areas[5]])
        let edges = outline.flatMap { line in zip(line, line.dropFirst()).map { [$0, $1] } }
        #expect(edges.count == 6)
        let shared: Set<AreaMap.Point> = [.init(x: 20_000, y: 10_000), .init(x: 30_000, y: 10_000)]
        #expect(!edges.contains { Set($0) == shared })
    }

    @Test func aNameThatDoesNotFitGoesToTheIndex() {
        let svg = ChoroplethMap.svg(Self.input())
        // G is 300 m wide (a few pixels): a number on the map, its name and share in the index under it.
        #expect(svg.contains(">1 G: 25,0\u{00A0}%</text>"))
        #expect(svg.contains("<g class=\"index\"") && svg.contains("\">1</text>"))
        // A fits: its name and share as a label.
        #expect(svg.contains("\">A</text>") && svg.contains("\">12,5\u{00A0}%</text>"))
    }

    @Test func theSVGIsAsRecorded() throws {
        let svg = ChoroplethMap.svg(Self.input())
        let expected = try #require(Golden.expected("map-grid.svg", target: "KartlaggningReportTests", actual: svg))
        #expect(svg == expected)
    }

    @Test func classesAreRoundAndAtMostFive() {
        #expect(MapClasses.sequential([12.5, 37.5]).breaks == [10, 20, 30])
        #expect(MapClasses.sequential([3]).breaks == [2, 4, 6, 8])
        #expect(MapClasses.sequential([100]).breaks == [20, 40, 60, 80])
        #expect(MapClasses.sequential([12.5, 37.5]).labels.first == "0 till under 10 %")
        let diverging = MapClasses.diverging([-6.6, 5.2])
        #expect(diverging.breaks == [-7.5, -2.5, 2.5, 7.5])
        #expect(diverging.index(of: -6.6) == 1 && diverging.index(of: 0.9) == 2 && diverging.index(of: 8) == 4)
    }

    @Test func valuesComeFromTheTableAsItIsShown() throws {
        // A table of one theme by four areas: a hidden cell, a hidden area total, an area below the base, one shown.
        let json = """
            {"rows":"theme","cols":"district","unit":"respondents","percentBase":"col","rowValues":["bredband"],
             "colValues":["A","B","C","Östra"],"multiResponseRows":true,"multiResponseCols":false,
             "cells":[{"row":"bredband","col":"A","n":5,"base":40,"percent":12.5,"suppressed":false},
                      {"row":"bredband","col":"B","suppressed":true},
                      {"row":"bredband","col":"C","suppressed":true},
                      {"row":"bredband","col":"Östra","n":3,"base":8,"percent":37.5,"suppressed":false}],
             "rowTotals":[{"value":"bredband","n":10,"suppressed":false}],
             "colTotals":[{"value":"A","n":40,"suppressed":false},{"value":"B","n":30,"suppressed":false},
                          {"value":"C","suppressed":true},{"value":"Östra","n":8,"suppressed":false}],
             "total":100,"totalSuppressed":false,"minCell":3,"notes":[]}
            """
        var table = try JSONDecoder().decode(CrossTable.self, from: Data(json.utf8))
        table.districtPools.pools = ["Östra": ["D", "E"]]
        let (values, pools) = ChoroplethValues.values(of: table, row: "bredband", minBase: 10, palette: .sequential)
        #expect(values["A"] == .share(percent: 12.5, n: 5, base: 40))
        #expect(values["B"] == .hidden && values["C"] == .hidden)
        #expect(values["D"] == .lowBase(base: 8) && values["E"] == .lowBase(base: 8))
        #expect(pools.map(\.label) == ["Östra"] && pools[0].districts == ["D", "E"])
        #expect(ChoroplethValues.wholeShare(of: table, row: "bredband") == 10)
        let diverging = ChoroplethValues.values(of: table, row: "bredband", minBase: 0, palette: .diverging).values
        #expect(diverging["A"] == .difference(points: 2.5, percent: 12.5, base: 40))
    }
}
