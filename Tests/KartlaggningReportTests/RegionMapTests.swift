import Foundation
import KartlaggningImport
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningReport

/// Sweden's 290 municipalities (`../shared/geo/`, real boundaries): loaded through a registry as a regional programme
/// would, every area drawn, the SVG under 300 kB, and in a real browser every area drawn inside the map, every text
/// inside it and every hidden area hatched. Skipped with a message where the shared folder is absent.
struct RegionMapTests {
    static let geo = Paths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/geo/swedish_municipalities.geojson")

    /// The registry `make demo-region` writes: each municipality by name, its code against the map's `id`.
    static func load(_ folder: TemporaryDirectory) throws -> AreaMap? {
        guard FileManager.default.fileExists(atPath: geo.path) else {
            print("RegionMapTests: \(geo.path) is absent; skipped")
            return nil
        }
        let collection = try JSONSerialization.jsonObject(with: Data(contentsOf: geo)) as? [String: Any]
        let features = (collection?["features"] as? [[String: Any]]) ?? []
        var yaml = "map:\n  file: \"\(geo.path)\"\n  property: id\n  source: \"okfse/sweden-geojson\"\ndistricts:\n"
        for feature in features {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            yaml += "  - name: \"\(properties["kom_namn"] as? String ?? "")\"\n    code: \"\(properties["id"] as? String ?? "")\"\n"
        }
        let path = folder.write("omraden.yaml", yaml)
        return try AreaMapLoader.load(try DefinitionLoader.districts(at: path), registryPath: path)
    }

    static func input(_ map: AreaMap) -> ChoroplethInput {
        var values: [String: ChoroplethInput.Value] = [:]
        for (i, area) in map.areas.enumerated() {
            values[area.name] =
                i % 7 == 0 ? .hidden : i % 11 == 0 ? .lowBase(base: 4) : .share(percent: Double(i % 45), n: i % 45, base: 100)
        }
        var input = ChoroplethInput(title: "Bredband", measure: "Andel", map: map, values: values)
        input.minBase = 10
        return input
    }

    @Test func theMunicipalitiesOfSwedenDrawAsAMapUnder300kB() throws {
        let folder = TemporaryDirectory()
        guard let map = try Self.load(folder) else { return }
        #expect(map.areas.count == 290)
        #expect(map.projection == "SWEREF 99 TM (EPSG:3006)")
        let points = map.areas.reduce(0) { $0 + $1.polygons.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } }
        #expect(points > 5_000 && points < 19_691, "\(points) points")
        // Örnsköldsvik's outline lies where SWEREF 99 TM puts it (its town at 686,307 E, 7,023,402 N by PROJ).
        let ornskoldsvik = try #require(map.area("Örnsköldsvik"))
        let xs = ornskoldsvik.polygons.flatMap { $0[0] }.map(\.x)
        let ys = ornskoldsvik.polygons.flatMap { $0[0] }.map(\.y)
        #expect(xs.min()! < 686_307 && xs.max()! > 686_307 && ys.min()! < 7_023_402 && ys.max()! > 7_023_402)

        let svg = ChoroplethMap.svg(Self.input(map))
        #expect(svg.utf8.count < 300_000, "\(svg.utf8.count) bytes")
        let drawn = svg.matches(of: /data-area="([^"]*)"/).map { String($0.1) }
        #expect(Set(drawn) == Set(map.areas.map(\.name)) && drawn.count == 290)
        #expect(svg.components(separatedBy: "data-state=\"hidden\"").count - 1 == 42)

        guard let problems = try Browser.mapProblems(ofSVG: svg, areas: 290, in: folder.url) else {
            print("RegionMapTests: no browser; the browser check is skipped")
            return
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func theSampleMapPassesTheBrowserCheck() throws {
        let folder = TemporaryDirectory()
        let svg = ChoroplethMap.svg(ChoroplethMapTests.input())
        guard let problems = try Browser.mapProblems(ofSVG: svg, areas: 7, in: folder.url) else { return }
        #expect(problems.isEmpty, "\(problems)")
    }
}
