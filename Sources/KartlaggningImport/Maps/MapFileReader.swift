import Foundation

/// Reads the polygons of a GeoJSON (RFC 7946) or TopoJSON file: features of type Polygon and MultiPolygon (or a
/// GeometryCollection of them), their properties as text. Anything else in the file (points, lines) is not an area and
/// is left out; a file with no polygon at all is an error.
enum MapFileReader {
    /// The file's area features. `property` chooses among a TopoJSON file's objects: the one whose geometries carry it.
    static func read(path: String, property: String) throws -> [MapFeature] {
        guard let data = FileManager.default.contents(atPath: path) else { throw ImportError.fileNotFound(file: path) }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ImportError.definition(file: path, line: nil, message: "not a GeoJSON or TopoJSON file: \(error.localizedDescription)")
        }
        guard let root = json as? [String: Any], let type = root["type"] as? String else {
            throw ImportError.definition(file: path, line: nil, message: "not a GeoJSON or TopoJSON file: no \"type\" at the top")
        }
        let features: [MapFeature]
        switch type {
        case "Topology": features = try topology(root, property: property, file: path)
        case "FeatureCollection":
            features = try (root["features"] as? [Any] ?? []).enumerated().compactMap { index, item in
                try feature(item as? [String: Any] ?? [:], file: path, index: index)
            }
        case "Feature": features = try feature(root, file: path, index: 0).map { [$0] } ?? []
        default:
            throw ImportError.definition(
                file: path, line: nil,
                message: "a map file of type \"\(type)\": expected a FeatureCollection (GeoJSON) or a Topology (TopoJSON)")
        }
        guard !features.isEmpty else {
            throw ImportError.definition(file: path, line: nil, message: "no areas: the file has no Polygon or MultiPolygon features")
        }
        return features
    }

    /// Property values as text: strings as they are, whole numbers without a decimal point.
    static func text(_ properties: [String: Any]) -> [String: String] {
        properties.compactMapValues { value in
            switch value {
            case let string as String: return string
            case let number as NSNumber:
                let double = number.doubleValue
                return double.rounded() == double && abs(double) < 1e15 ? String(Int64(double)) : "\(double)"
            default: return nil
            }
        }
    }

    // MARK: GeoJSON

    static func feature(_ object: [String: Any], file: String, index: Int) throws -> MapFeature? {
        guard let geometry = object["geometry"] as? [String: Any] else { return nil }
        let polygons = try geoPolygons(geometry, file: file, index: index)
        guard !polygons.isEmpty else { return nil }
        return MapFeature(properties: text(object["properties"] as? [String: Any] ?? [:]), polygons: polygons)
    }

    static func geoPolygons(_ geometry: [String: Any], file: String, index: Int) throws -> [[[(Double, Double)]]] {
        func rings(_ value: Any?) throws -> [[(Double, Double)]] {
            guard let rings = value as? [Any] else { throw shapeError(file, index, "a Polygon's coordinates are not a list of rings") }
            return try rings.map { ring in
                guard let points = ring as? [Any] else { throw shapeError(file, index, "a ring is not a list of points") }
                return try points.map { point in
                    guard let pair = point as? [Any], pair.count >= 2, let x = (pair[0] as? NSNumber)?.doubleValue,
                        let y = (pair[1] as? NSNumber)?.doubleValue, x.isFinite, y.isFinite
                    else { throw shapeError(file, index, "a point is not a pair of numbers") }
                    return (x, y)
                }
            }
        }
        switch geometry["type"] as? String {
        case "Polygon": return [try rings(geometry["coordinates"])]
        case "MultiPolygon":
            guard let polygons = geometry["coordinates"] as? [Any] else {
                throw shapeError(file, index, "a MultiPolygon's coordinates are not a list of polygons")
            }
            return try polygons.map { try rings($0) }
        case "GeometryCollection":
            return try (geometry["geometries"] as? [Any] ?? []).flatMap {
                try geoPolygons($0 as? [String: Any] ?? [:], file: file, index: index)
            }
        default: return []
        }
    }

    static func shapeError(_ file: String, _ index: Int, _ message: String) -> ImportError {
        .definition(file: file, line: nil, message: "feature \(index + 1): \(message)")
    }

    // MARK: TopoJSON

    static func topology(_ root: [String: Any], property: String, file: String) throws -> [MapFeature] {
        guard let objects = root["objects"] as? [String: Any], let rawArcs = root["arcs"] as? [Any] else {
            throw ImportError.definition(file: file, line: nil, message: "a TopoJSON file without \"objects\" or \"arcs\"")
        }
        let transform = root["transform"] as? [String: Any]
        let scale = (transform?["scale"] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } ?? [1, 1]
        let translate = (transform?["translate"] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } ?? [0, 0]
        // Arcs: quantised and delta-encoded where the file has a transform.
        let arcs: [[(Double, Double)]] = try rawArcs.enumerated().map { index, arc in
            guard let points = arc as? [Any] else {
                throw ImportError.definition(file: file, line: nil, message: "arc \(index) is not a list of points")
            }
            var (x, y) = (0.0, 0.0)
            return try points.map { point in
                guard let pair = point as? [Any], pair.count >= 2, let px = (pair[0] as? NSNumber)?.doubleValue,
                    let py = (pair[1] as? NSNumber)?.doubleValue
                else { throw ImportError.definition(file: file, line: nil, message: "arc \(index): a point is not a pair of numbers") }
                if transform != nil, scale.count == 2, translate.count == 2 {
                    x += px
                    y += py
                    return (x * scale[0] + translate[0], y * scale[1] + translate[1])
                }
                return (px, py)
            }
        }
        func ring(_ indices: Any) throws -> [(Double, Double)] {
            var points: [(Double, Double)] = []
            for value in indices as? [Any] ?? [] {
                guard let raw = (value as? NSNumber)?.intValue else { continue }
                let index = raw < 0 ? ~raw : raw
                guard arcs.indices.contains(index) else {
                    throw ImportError.definition(
                        file: file, line: nil, message: "a geometry refers to arc \(index), which the file does not have")
                }
                let arc = raw < 0 ? Array(arcs[index].reversed()) : arcs[index]
                points.append(contentsOf: points.isEmpty ? arc[...] : arc.dropFirst())
            }
            return points
        }
        func polygons(_ geometry: [String: Any]) throws -> [[[(Double, Double)]]] {
            switch geometry["type"] as? String {
            case "Polygon": return [try (geometry["arcs"] as? [Any] ?? []).map(ring)]
            case "MultiPolygon": return try (geometry["arcs"] as? [Any] ?? []).map { try ($0 as? [Any] ?? []).map(ring) }
            default: return []
            }
        }
        func geometries(_ object: [String: Any]) -> [[String: Any]] {
            (object["type"] as? String) == "GeometryCollection"
                ? (object["geometries"] as? [Any] ?? []).compactMap { $0 as? [String: Any] } : [object]
        }
        // The object whose areas carry the property; more than one is ambiguous.
        let candidates = objects.keys.sorted().filter { name in
            geometries(objects[name] as? [String: Any] ?? [:]).contains { ($0["properties"] as? [String: Any])?[property] != nil }
        }
        guard candidates.count <= 1 else {
            throw ImportError.definition(
                file: file, line: nil,
                message:
                    "the TopoJSON file has several objects whose areas carry \"\(property)\" (\(candidates.joined(separator: ", "))): keep one in the file"
            )
        }
        let chosen = candidates.first ?? objects.keys.sorted().first ?? ""
        return try geometries(objects[chosen] as? [String: Any] ?? [:]).compactMap { geometry in
            let shapes = try polygons(geometry)
            guard !shapes.isEmpty else { return nil }
            return MapFeature(properties: text(geometry["properties"] as? [String: Any] ?? [:]), polygons: shapes)
        }
    }
}
