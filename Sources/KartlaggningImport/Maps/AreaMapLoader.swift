import Foundation
import KartlaggningAnalysis
import KartlaggningModel

/// A registry's `map:` file made into the areas' shapes: every district matched to its features and every feature to
/// a district, projected (`MapProjection`) and simplified (`MapSimplifier`) for drawing.
public enum AreaMapLoader {
    /// Points closer to the simplified line than this share of the map's larger side are dropped: about a third of
    /// a pixel on a map 800 pixels wide.
    static let tolerance = 1.0 / 2500

    /// The map of `registry` (read from `registryPath`), or nil when it has no `map:`.
    /// - Throws: `ImportError.definition` naming the districts without a feature and the features without a district,
    ///   or what is wrong with the file.
    public static func load(_ registry: DistrictRegistry, registryPath: String) throws -> AreaMap? {
        guard let source = registry.map else { return nil }
        let directory = (registryPath as NSString).deletingLastPathComponent
        let path = source.file.hasPrefix("/") ? source.file : (directory.isEmpty ? source.file : "\(directory)/\(source.file)")
        let features = try MapFileReader.read(path: path, property: source.property)
        return try build(registry, source: source, features: features, registryPath: registryPath, mapPath: path)
    }

    static func build(
        _ registry: DistrictRegistry, source: MapSource, features: [MapFeature], registryPath: String, mapPath: String
    ) throws -> AreaMap {
        // A feature names its district by the district's code, its name or one of its aliases.
        var byCode: [String: String] = [:]
        var byName: [String: String] = [:]
        for district in registry.districts {
            if let code = district.code { byCode[code] = district.name }
            for name in [district.name] + district.aliases { byName[MatchKey.place(name)] = district.name }
        }
        var polygons: [String: [[[(Double, Double)]]]] = [:]
        var unmatched: [String] = []
        var missingProperty = 0
        for feature in features {
            guard let value = feature.properties[source.property]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
                missingProperty += 1
                continue
            }
            guard let district = byCode[value] ?? byName[MatchKey.place(value)] else {
                unmatched.append(value)
                continue
            }
            polygons[district, default: []].append(contentsOf: feature.polygons)
        }
        let withoutFeature = registry.districts.map(\.name).filter { polygons[$0] == nil }
        var problems: [String] = []
        if missingProperty == features.count {
            let known = Set(features.flatMap(\.properties.keys)).sorted()
            throw ImportError.definition(
                file: registryPath, line: nil,
                message:
                    "map: no feature of \(mapPath) has the property \"\(source.property)\"; its properties: \(known.joined(separator: ", "))"
            )
        }
        if missingProperty > 0 { problems.append("\(missingProperty) feature(s) of \(mapPath) have no \"\(source.property)\"") }
        if !withoutFeature.isEmpty {
            problems.append("no area in the map for \(list(withoutFeature)) (match by name, alias or `code:`)")
        }
        if !unmatched.isEmpty {
            problems.append("areas in the map that are no district: \(list(unmatched.sorted())) (add them, or as aliases or codes)")
        }
        guard problems.isEmpty else {
            throw ImportError.definition(file: registryPath, line: nil, message: "map: " + problems.joined(separator: "; "))
        }
        let projection = MapProjection.choose(forExtent: polygons.values.flatMap { $0.flatMap { $0.first ?? [] } })
        let projected = registry.districts.map { district in
            AreaMap.Area(
                name: district.name,
                polygons: (polygons[district.name] ?? []).map { polygon in
                    polygon.map { ring in ring.map { projection.project($0.0, $0.1) } }
                })
        }
        var map = AreaMap(areas: projected, projection: projection.name, source: source.source)
        if let bounds = map.bounds {
            let side = max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY)
            map.areas = MapSimplifier.simplify(projected, tolerance: side * tolerance)
        }
        return map
    }

    /// Names for a message: the first ten, and how many more.
    static func list(_ names: [String]) -> String {
        names.prefix(10).joined(separator: ", ") + (names.count > 10 ? " and \(names.count - 10) more" : "")
    }
}
