import KartlaggningAnalysis
import KartlaggningModel

/// Where an area's name goes: the point inside it farthest from its border (sampled), and whether a label of a given
/// size fits there without leaving the area.
enum MapLabels {
    /// A point well inside the largest polygon of `polygons`, in pixels, and its distance from the border.
    static func anchor(_ polygons: [[[MapFrame.Pixel]]]) -> (point: MapFrame.Pixel, room: Double)? {
        guard let polygon = polygons.max(by: { area($0.first ?? []) < area($1.first ?? []) }), let outer = polygon.first, outer.count >= 3
        else { return nil }
        let xs = outer.map(\.x)
        let ys = outer.map(\.y)
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
        var best: (point: MapFrame.Pixel, room: Double)?
        let steps = 14
        for i in 0...steps {
            for j in 0...steps {
                let p = (
                    x: minX + (maxX - minX) * (Double(i) + 0.5) / Double(steps + 1),
                    y: minY + (maxY - minY) * (Double(j) + 0.5) / Double(steps + 1)
                )
                guard inside(p, polygon) else { continue }
                let room = polygon.map { distance(p, $0) }.min() ?? 0
                if room > (best?.room ?? -1) { best = (p, room) }
            }
        }
        if best == nil {
            let centre = (x: xs.reduce(0, +) / Double(xs.count), y: ys.reduce(0, +) / Double(ys.count))
            best = (centre, 0)
        }
        return best
    }

    /// Whether a `width` × `height` box centred on `point` lies inside `polygons`.
    static func fits(width: Double, height: Double, at point: MapFrame.Pixel, in polygons: [[[MapFrame.Pixel]]]) -> Bool {
        let corners = [(-0.5, -0.5), (0.5, -0.5), (-0.5, 0.5), (0.5, 0.5), (0, -0.5), (0, 0.5), (-0.5, 0), (0.5, 0)].map {
            (x: point.x + $0.0 * width, y: point.y + $0.1 * height)
        }
        return corners.allSatisfy { corner in polygons.contains { inside(corner, $0) } }
    }

    /// Even-odd rule over a polygon's rings.
    static func inside(_ p: MapFrame.Pixel, _ polygon: [[MapFrame.Pixel]]) -> Bool {
        var isInside = false
        for ring in polygon {
            var j = ring.count - 1
            for i in ring.indices {
                let (a, b) = (ring[i], ring[j])
                if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { isInside.toggle() }
                j = i
            }
        }
        return isInside
    }

    /// Distance from `p` to a ring's edges.
    static func distance(_ p: MapFrame.Pixel, _ ring: [MapFrame.Pixel]) -> Double {
        var best = Double.infinity
        var j = ring.count - 1
        for i in ring.indices {
            let (a, b) = (ring[j], ring[i])
            let dx = b.x - a.x
            let dy = b.y - a.y
            let length = dx * dx + dy * dy
            let t = length == 0 ? 0 : max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length))
            let ex = a.x + t * dx - p.x
            let ey = a.y + t * dy - p.y
            best = min(best, ex * ex + ey * ey)
            j = i
        }
        return best.squareRoot()
    }

    static func area(_ ring: [MapFrame.Pixel]) -> Double {
        MapSimplifier.ringArea(ring.map { AreaMap.Point(x: $0.x, y: $0.y) })
    }
}
