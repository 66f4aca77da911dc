/// The registry's areas as drawn on maps: each district's polygons, projected to metres (x east, y north), simplified.
///
/// Made from the registry's `map:` file when the registry is loaded and stored with it; maps and reports draw from it.
public struct AreaMap: Codable, Sendable, Equatable {
    /// A point of a projected map, in metres.
    public struct Point: Codable, Sendable, Equatable, Hashable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// One district's shape: polygons, each an outer ring followed by its holes (rings closed implicitly: the first
    /// point is not repeated).
    public struct Area: Codable, Sendable, Equatable {
        public var name: String
        public var polygons: [[[Point]]]

        public init(name: String, polygons: [[[Point]]]) {
            self.name = name
            self.polygons = polygons
        }
    }

    /// The areas, in the registry's order.
    public var areas: [Area]
    /// The projection the points are in (`SWEREF 99 TM (EPSG:3006)`).
    public var projection: String
    /// The credit for the boundaries (`Kartdata: …`), from the registry.
    public var source: String?

    public init(areas: [Area], projection: String, source: String?) {
        self.areas = areas
        self.projection = projection
        self.source = source
    }

    /// The smallest rectangle holding every area: (min x, min y, max x, max y); nil for a map without points.
    public var bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)? {
        var result: (minX: Double, minY: Double, maxX: Double, maxY: Double)?
        for area in areas {
            for polygon in area.polygons {
                for point in polygon.first ?? [] {
                    if let r = result {
                        result = (min(r.minX, point.x), min(r.minY, point.y), max(r.maxX, point.x), max(r.maxY, point.y))
                    } else {
                        result = (point.x, point.y, point.x, point.y)
                    }
                }
            }
        }
        return result
    }

    /// The area named `name`.
    public func area(_ name: String) -> Area? { areas.first { $0.name == name } }
}
