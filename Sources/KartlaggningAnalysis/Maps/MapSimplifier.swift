import KartlaggningModel

/// Fewer points for maps, keeping shared borders shared.
///
/// Each ring is cut into chains at its junctions (a point where the rings it belongs to change, as where three areas
/// meet); each chain is simplified by Douglas–Peucker between its two fixed ends, in one direction whichever ring it is
/// read from. A border two areas share is therefore simplified once, the same for both: no gaps or slivers open between
/// neighbours, and an area drawn as the union of others loses its inner borders exactly.
public enum MapSimplifier {
    /// `areas` (polygons of rings) with points closer than `tolerance` metres to the line kept dropped, coordinates
    /// rounded to whole metres. A ring that shrinks below three points is left out; an area left with no polygon
    /// keeps its largest as it was.
    public static func simplify(_ areas: [AreaMap.Area], tolerance: Double) -> [AreaMap.Area] {
        let rounded = areas.map { area in
            AreaMap.Area(name: area.name, polygons: area.polygons.map { $0.map { Self.rounding($0) } })
        }
        // Which rings each point belongs to.
        var ringsOf: [AreaMap.Point: [Int]] = [:]
        var ringID = 0
        for area in rounded {
            for polygon in area.polygons {
                for ring in polygon {
                    for point in Set(ring) { ringsOf[point, default: []].append(ringID) }
                    ringID += 1
                }
            }
        }
        var result: [AreaMap.Area] = []
        for area in rounded {
            var polygons: [[[AreaMap.Point]]] = []
            for polygon in area.polygons {
                // A polygon whose outer ring shrinks below three points (an islet smaller than the tolerance) goes, its
                // holes with it; so does a hole that shrinks so.
                let rings = polygon.map { simplifyRing($0, tolerance: tolerance, ringsOf: ringsOf) }
                guard let outer = rings.first, outer.count >= 3 else { continue }
                polygons.append([outer] + rings.dropFirst().filter { $0.count >= 3 })
            }
            if polygons.isEmpty, let largest = area.polygons.max(by: { ringArea($0.first ?? []) < ringArea($1.first ?? []) }) {
                polygons = [largest]
            }
            result.append(AreaMap.Area(name: area.name, polygons: polygons))
        }
        return result
    }

    static func rounding(_ ring: [AreaMap.Point]) -> [AreaMap.Point] {
        var points = ring.map { AreaMap.Point(x: $0.x.rounded(), y: $0.y.rounded()) }
        // The closing point repeated, and points repeated by rounding, go.
        var deduplicated: [AreaMap.Point] = []
        for point in points where deduplicated.last != point { deduplicated.append(point) }
        if deduplicated.count > 1, deduplicated.first == deduplicated.last { deduplicated.removeLast() }
        points = deduplicated
        return points
    }

    /// One ring: cut at its junctions, each chain simplified in its canonical direction.
    static func simplifyRing(_ ring: [AreaMap.Point], tolerance: Double, ringsOf: [AreaMap.Point: [Int]]) -> [AreaMap.Point] {
        let count = ring.count
        let isolated = ring.allSatisfy { (ringsOf[$0]?.count ?? 1) == 1 }
        if isolated {
            // An islet or lake no other ring touches, smaller than the tolerance every way: nothing to draw.
            let xs = ring.map(\.x)
            let ys = ring.map(\.y)
            if let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max(),
                maxX - minX < tolerance, maxY - minY < tolerance
            {
                return []
            }
        }
        guard count > 3 else { return ring }
        var fixed = (0..<count).filter { i in
            let here = ringsOf[ring[i]] ?? []
            return here != (ringsOf[ring[(i + count - 1) % count]] ?? []) || here != (ringsOf[ring[(i + 1) % count]] ?? [])
        }
        if fixed.isEmpty {
            // A ring no other ring touches (an island, a whole border): fixed at its first point and the one farthest
            // from it.
            let farthest = (1..<count).max { distanceSquared(ring[0], ring[$0]) < distanceSquared(ring[0], ring[$1]) } ?? 1
            fixed = [0, farthest]
        } else if fixed.count == 1 {
            fixed.append((fixed[0] + count / 2) % count)
            fixed.sort()
        }
        var output: [AreaMap.Point] = []
        for (k, start) in fixed.enumerated() {
            let end = fixed[(k + 1) % fixed.count]
            var chain: [AreaMap.Point] = []
            var i = start
            while true {
                chain.append(ring[i])
                if i == end && chain.count > 1 { break }
                i = (i + 1) % count
            }
            let reversed = !lessThan(chain[0], chain[chain.count - 1]) && chain[0] != chain[chain.count - 1]
            var simplified = douglasPeucker(reversed ? chain.reversed() : chain, tolerance: tolerance)
            if reversed { simplified.reverse() }
            output.append(contentsOf: simplified.dropLast())
        }
        return output
    }

    static func lessThan(_ a: AreaMap.Point, _ b: AreaMap.Point) -> Bool { a.x < b.x || (a.x == b.x && a.y < b.y) }

    /// Douglas–Peucker (1973) over an open chain: its ends kept, and every point farther than `tolerance` from the line
    /// of what is kept around it.
    static func douglasPeucker(_ chain: [AreaMap.Point], tolerance: Double) -> [AreaMap.Point] {
        guard chain.count > 2 else { return chain }
        var keep = [Bool](repeating: false, count: chain.count)
        keep[0] = true
        keep[chain.count - 1] = true
        var stack = [(0, chain.count - 1)]
        let limit = tolerance * tolerance
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            var farthest = first
            var distance = -1.0
            for i in (first + 1)..<last {
                let d = segmentDistanceSquared(chain[i], chain[first], chain[last])
                if d > distance {
                    distance = d
                    farthest = i
                }
            }
            if distance > limit {
                keep[farthest] = true
                stack.append((first, farthest))
                stack.append((farthest, last))
            }
        }
        return chain.indices.filter { keep[$0] }.map { chain[$0] }
    }

    static func distanceSquared(_ a: AreaMap.Point, _ b: AreaMap.Point) -> Double {
        (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)
    }

    static func segmentDistanceSquared(_ p: AreaMap.Point, _ a: AreaMap.Point, _ b: AreaMap.Point) -> Double {
        let length = distanceSquared(a, b)
        guard length > 0 else { return distanceSquared(p, a) }
        let t = max(0, min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / length))
        return distanceSquared(p, AreaMap.Point(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)))
    }

    /// A ring's area (shoelace), unsigned.
    public static func ringArea(_ ring: [AreaMap.Point]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        for i in ring.indices {
            let (a, b) = (ring[i], ring[(i + 1) % ring.count])
            sum += a.x * b.y - b.x * a.y
        }
        return abs(sum) / 2
    }
}
