import Foundation
import KartlaggningModel
import Testing

@testable import KartlaggningAnalysis

/// Projections against PROJ's (pyproj 3, `EPSG:4326` → `EPSG:3006`, and `+proj=laea +R=6371007.2`), and the
/// simplification that keeps shared borders shared.
private func p(_ x: Double, _ y: Double) -> AreaMap.Point { AreaMap.Point(x: x, y: y) }

struct MapGeometryTests {
    // (longitude, latitude) → (easting, northing) in metres, from PROJ.
    @Test(arguments: [
        (18.0686, 59.3293, 674_571.866, 6_580_743.008),  // Stockholm
        (18.7167, 63.2909, 686_306.656, 7_023_401.746),  // Örnsköldsvik
        (11.9746, 57.7089, 319_758.020, 6_400_326.036),  // Göteborg
        (20.2253, 67.8558, 719_583.123, 7_536_069.970),  // Kiruna
        (13.0, 55.6, 373_988.372, 6_163_377.116),  // Malmö
    ])
    func swerefMatchesPROJ(lon: Double, lat: Double, easting: Double, northing: Double) {
        let point = MapProjection.sweref99TM.project(lon, lat)
        #expect(abs(point.x - easting) < 0.005 && abs(point.y - northing) < 0.005, "\(point)")
    }

    @Test func lambertMatchesPROJ() {
        let point = MapProjection.lambertEqualArea(centreLongitude: 10, centreLatitude: 50).project(2.35, 48.85)
        #expect(abs(point.x - -558_642.812) < 0.01 && abs(point.y - -99_381.047) < 0.01, "\(point)")
    }

    @Test func projectionFollowsTheExtent() {
        #expect(MapProjection.choose(forExtent: [(17.5, 63.0), (19.6, 63.9)]) == .sweref99TM)
        #expect(
            MapProjection.choose(forExtent: [(24.0, 60.0), (26.0, 61.0)]) == .lambertEqualArea(centreLongitude: 25, centreLatitude: 60.5))
        #expect(MapProjection.choose(forExtent: [(600_000, 6_900_000), (700_000, 7_000_000)]) == .asGiven)
    }

    /// Two squares sharing a wiggly border (0, 0)–(0, 1000) with small zigzags; the left one also has a wiggly outer
    /// edge of its own.
    static func neighbours() -> [AreaMap.Area] {
        let border = (0...10).map { p(Double($0 % 2) * 3, Double($0) * 100) }  // (0,0) (3,100) (0,200) … (0,1000)
        let left = [p(-1000, 0)] + border + [p(-1000, 1000), p(-1003, 500)]
        let right = border.reversed() + [p(1000, 0), p(1000, 1000)].reversed()
        return [AreaMap.Area(name: "V", polygons: [[left]]), AreaMap.Area(name: "Ö", polygons: [[Array(right)]])]
    }

    @Test func sharedBordersStayShared() {
        let simplified = MapSimplifier.simplify(Self.neighbours(), tolerance: 10)
        let left = simplified[0].polygons[0][0]
        let right = simplified[1].polygons[0][0]
        // The zigzag (3 m) goes on both sides, the same way: each keeps exactly the border's ends.
        #expect(left.filter { $0.x >= 0 && $0.x < 1000 } == [p(0, 0), p(0, 1000)])
        #expect(Set(right.filter { $0.x < 1000 }) == [p(0, 0), p(0, 1000)])
        // The left square's outer zigzag (3 m) goes too: four corners left.
        #expect(left.count == 4)
        // A larger tolerance never opens a gap: every point of the shared border on one side is on the other.
        for tolerance in [1.0, 2.5, 50] {
            let areas = MapSimplifier.simplify(Self.neighbours(), tolerance: tolerance)
            let l = Set(areas[0].polygons[0][0].filter { $0.x >= 0 && $0.x <= 3 })
            let r = Set(areas[1].polygons[0][0].filter { $0.x >= 0 && $0.x <= 3 })
            #expect(l == r, "tolerance \(tolerance)")
        }
        // Below the zigzag's size, nothing of it goes.
        #expect(MapSimplifier.simplify(Self.neighbours(), tolerance: 1)[0].polygons[0][0].count == 14)
    }

    @Test func douglasPeuckerKeepsWhatIsFar() {
        let chain = [p(0, 0), p(1, 0.1), p(2, -0.1), p(3, 5), p(4, 6), p(5, 7), p(6, 8.1), p(7, 9)]
        #expect(MapSimplifier.douglasPeucker(chain, tolerance: 0.5) == [p(0, 0), p(2, -0.1), p(3, 5), p(7, 9)])
    }

    @Test func anIsletBelowTheToleranceGoesButAnAreaKeepsAShape() {
        let big = [p(0, 0), p(1000, 0), p(1000, 1000), p(0, 1000)]
        let islet = [p(2000, 0), p(2002, 0), p(2001, 2)]
        let areas = MapSimplifier.simplify(
            [
                AreaMap.Area(name: "A", polygons: [[big], [islet]]),
                AreaMap.Area(name: "B", polygons: [[islet.map { p($0.x + 10, $0.y) }]]),
            ], tolerance: 5)
        #expect(areas[0].polygons == [[big]])
        // B is all islet: it keeps its shape as it was.
        #expect(areas[1].polygons.count == 1 && areas[1].polygons[0][0].count == 3)
    }
}
