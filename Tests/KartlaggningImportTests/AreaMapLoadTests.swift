import Foundation
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningCore
@testable import KartlaggningImport

/// A registry's `map:`: GeoJSON and TopoJSON read alike, every district matched to a feature and every feature to a
/// district (by name, alias or code), the shapes stored with the registry, and a bad map changing nothing.
struct AreaMapLoadTests {
    static let norr = "[[18.0,63.3],[18.25,63.28],[18.5,63.3],[18.5,63.5],[18.0,63.5],[18.0,63.3]]"
    static let soder = "[[18.5,63.3],[18.25,63.28],[18.0,63.3],[18.0,63.1],[18.5,63.1],[18.5,63.3]]"

    static func geoJSON(_ features: [(String, String)]) -> String {
        let items = features.map { name, ring in
            #"{"type":"Feature","properties":{"namn":"\#(name)","nr":7},"geometry":{"type":"Polygon","coordinates":[\#(ring)]}}"#
        }
        return #"{"type":"FeatureCollection","features":[\#(items.joined(separator: ","))]}"#
    }

    /// The same two areas as TopoJSON: their shared border one arc, quantised and delta-encoded.
    static let topoJSON = """
        {"type":"Topology","transform":{"scale":[0.01,0.01],"translate":[18.0,63.0]},
         "objects":{"omraden":{"type":"GeometryCollection","geometries":[
           {"type":"Polygon","arcs":[[0,1]],"properties":{"namn":"Norra området"}},
           {"type":"Polygon","arcs":[[-1,-3]],"properties":{"namn":"2284"}}]}},
         "arcs":[[[0,30],[25,-2],[25,2]],[[50,30],[0,20],[-50,0],[0,-20]],[[50,30],[0,-20],[-50,0],[0,20]]]}
        """

    static func registry(file: String, extra: String = "") -> String {
        """
        map:
          file: \(file)
          property: namn
          source: "Testkarta"
        districts:
          - name: Norr
            aliases: [Norra området]
          - name: Söder
            code: "2284"
        \(extra)
        """
    }

    static func load(_ folder: TemporaryDirectory, map: (String, String), registry: String? = nil) throws -> (DistrictRegistry, AreaMap?) {
        folder.write(map.0, map.1)
        let path = folder.write("districts.yaml", registry ?? Self.registry(file: map.0))
        let loaded = try DefinitionLoader.districts(at: path)
        return (loaded, try AreaMapLoader.load(loaded, registryPath: path))
    }

    @Test func geoJSONAndTopoJSONGiveTheSameMap() throws {
        let folder = TemporaryDirectory()
        let (registry, geo) = try Self.load(folder, map: ("a.geojson", Self.geoJSON([("Norra området", Self.norr), ("2284", Self.soder)])))
        let (_, topo) = try Self.load(folder, map: ("a.topojson", Self.topoJSON))
        let map = try #require(geo)
        #expect(registry.map == MapSource(file: "a.geojson", property: "namn", source: "Testkarta"))
        #expect(map.projection == "SWEREF 99 TM (EPSG:3006)")
        #expect(map.source == "Testkarta")
        #expect(map.areas.map(\.name) == ["Norr", "Söder"])
        #expect(map.areas.map { $0.polygons.count } == [1, 1])
        // SWEREF 99 TM of (18.0, 63.3), by PROJ (pyproj 3): 650,355.203 E, 7,022,532.749 N, in whole metres.
        #expect(map.areas[0].polygons[0][0].contains(AreaMap.Point(x: 650_355, y: 7_022_533)))
        #expect(topo?.areas.map(\.polygons) == map.areas.map(\.polygons))
        // The shared border is one line for both.
        let shared = Set(map.areas[0].polygons[0][0]).intersection(map.areas[1].polygons[0][0])
        #expect(shared.count == 3)
    }

    @Test func everyDistrictAndEveryFeatureMustMatch() throws {
        let folder = TemporaryDirectory()
        let extra = Self.geoJSON([("Norra området", Self.norr), ("2284", Self.soder), ("Väster", Self.norr)])
        #expect(throws: ImportError.self) { try Self.load(folder, map: ("a.geojson", extra)) }
        do {
            _ = try Self.load(folder, map: ("b.geojson", Self.geoJSON([("Norr", Self.norr), ("Öster", Self.soder)])))
            Issue.record("a map without Söder loaded")
        } catch {
            let message = error.localizedDescription
            #expect(message.contains("districts.yaml: map: no area in the map for Söder"), "\(message)")
            #expect(message.contains("areas in the map that are no district: Öster"), "\(message)")
        }
        do {
            let registry = Self.registry(file: "c.geojson").replacingOccurrences(of: "property: namn", with: "property: kom_namn")
            _ = try Self.load(folder, map: ("c.geojson", Self.geoJSON([("Norr", Self.norr)])), registry: registry)
            Issue.record("a map without the property loaded")
        } catch {
            #expect(
                error.localizedDescription.contains("has the property \"kom_namn\"; its properties: namn, nr"),
                "\(error.localizedDescription)")
        }
        #expect(throws: ImportError.self) { try Self.load(folder, map: ("d.geojson", "not json")) }
        #expect(throws: ImportError.self) { try Self.load(folder, map: ("e.geojson", #"{"type":"FeatureCollection","features":[]}"#)) }
    }

    @Test func theMapIsStoredWithTheRegistryAndABadOneChangesNothing() throws {
        let folder = TemporaryDirectory()
        folder.write("a.geojson", Self.geoJSON([("Norra området", Self.norr), ("2284", Self.soder)]))
        let good = folder.write("districts.yaml", Self.registry(file: "a.geojson"))
        let store = try KartlaggningStore(path: folder.path("k.sqlite"))
        let summary = try DistrictLoad.run(file: good, opening: { store })
        #expect(summary.mapAreas == 2 && summary.projection == "SWEREF 99 TM (EPSG:3006)")
        let stored = try #require(try store.areaMap())
        let (_, made) = try Self.load(folder, map: ("a.geojson", Self.geoJSON([("Norra området", Self.norr), ("2284", Self.soder)])))
        #expect(stored == made)
        #expect(try store.districtRegistry().districts.map(\.code) == [nil, "2284"])
        #expect(try store.districtRegistry().map?.file == "a.geojson")

        // A registry whose map does not match: an error, and the stored registry and map as they were.
        folder.write("bad.geojson", Self.geoJSON([("Norr", Self.norr)]))
        let bad = folder.write("bad.yaml", Self.registry(file: "bad.geojson"))
        #expect(throws: ImportError.self) { try DistrictLoad.run(file: bad, opening: { store }) }
        #expect(try store.areaMap() == stored)

        // A registry without a map removes the map (the registry is replaced whole).
        let plain = folder.write("plain.yaml", "districts:\n  - name: Norr\n  - name: Söder\n")
        _ = try DistrictLoad.run(file: plain, opening: { store })
        #expect(try store.areaMap() == nil)
        #expect(try store.districtRegistry().map == nil)
    }

    @Test func theSampleMapLoads() throws {
        let registry = try DefinitionLoader.districts(at: Paths.sample("districts.yaml"))
        let map = try #require(try AreaMapLoader.load(registry, registryPath: Paths.sample("districts.yaml")))
        #expect(map.areas.map(\.name) == ["Anundsjö", "Nätra", "Grundsunda", "BLT"])
        #expect(map.source?.contains("Schematisk") == true)
    }
}
