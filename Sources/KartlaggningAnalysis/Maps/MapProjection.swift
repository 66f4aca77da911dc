import Foundation
import KartlaggningModel

/// How a map file's coordinates become metres on a plane (x east, y north).
///
/// Longitude and latitude within Sweden go to SWEREF 99 TM (EPSG:3006: transverse Mercator on GRS 80, central meridian
/// 15° E, scale 0.9996, false easting 500,000 m), by Lantmäteriet's Gauss–Krüger formulas; elsewhere to a Lambert
/// azimuthal equal-area projection centred on the areas (areas keep their proportions wherever the data is).
/// Coordinates that cannot be degrees are taken as already projected.
public enum MapProjection: Sendable, Equatable {
    case sweref99TM
    case lambertEqualArea(centreLongitude: Double, centreLatitude: Double)
    /// Planar coordinates, kept as the file gives them.
    case asGiven

    /// The projection for points given as (longitude, latitude) pairs, or planar values: chosen from their extent.
    public static func choose(forExtent points: [(Double, Double)]) -> MapProjection {
        guard let first = points.first else { return .asGiven }
        var (minX, minY, maxX, maxY) = (first.0, first.1, first.0, first.1)
        for (x, y) in points {
            minX = min(minX, x)
            maxX = max(maxX, x)
            minY = min(minY, y)
            maxY = max(maxY, y)
        }
        guard minX >= -180, maxX <= 180, minY >= -90, maxY <= 90 else { return .asGiven }
        // Sweden and its sea border: SWEREF 99 TM's area of use (EPSG:3006), 10.03–24.17° E, 54.96–69.07° N.
        if minX >= 10.0, maxX <= 24.5, minY >= 54.9, maxY <= 69.1 { return .sweref99TM }
        return .lambertEqualArea(centreLongitude: (minX + maxX) / 2, centreLatitude: (minY + maxY) / 2)
    }

    /// The projection's name, as maps print it.
    public var name: String {
        switch self {
        case .sweref99TM: "SWEREF 99 TM (EPSG:3006)"
        case .lambertEqualArea(let lon, let lat):
            "Lamberts ytriktiga azimutalprojektion kring \(String(format: "%.1f", lat))° N, \(String(format: "%.1f", lon))° E"
        case .asGiven: "kartfilens egna koordinater"
        }
    }

    /// `(x, y)` of the file (longitude and latitude in degrees, or planar) as metres east and north.
    public func project(_ x: Double, _ y: Double) -> AreaMap.Point {
        switch self {
        case .sweref99TM:
            let (northing, easting) = Self.gaussKruger(latitude: y, longitude: x, centralMeridian: 15, scale: 0.9996, falseEasting: 500_000)
            return AreaMap.Point(x: easting, y: northing)
        case .lambertEqualArea(let lon0, let lat0):
            return Self.lambertAzimuthalEqualArea(latitude: y, longitude: x, centreLatitude: lat0, centreLongitude: lon0)
        case .asGiven:
            return AreaMap.Point(x: x, y: y)
        }
    }

    /// Gauss–Krüger on GRS 80 (Lantmäteriet, "Gauss conformal projection (transverse Mercator): Krüger's formulas"):
    /// (northing, easting) in metres.
    static func gaussKruger(
        latitude: Double, longitude: Double, centralMeridian: Double, scale k0: Double, falseEasting: Double
    ) -> (Double, Double) {
        let a = 6_378_137.0
        let f = 1 / 298.257222101
        let e2 = f * (2 - f)
        let n = f / (2 - f)
        let aRoof = a / (1 + n) * (1 + n * n / 4 + pow(n, 4) / 64)
        let coefficientA = e2
        let coefficientB = (5 * e2 * e2 - pow(e2, 3)) / 6
        let coefficientC = (104 * pow(e2, 3) - 45 * pow(e2, 4)) / 120
        let coefficientD = (1237 * pow(e2, 4)) / 1260
        let beta1 = n / 2 - 2 * n * n / 3 + 5 * pow(n, 3) / 16 + 41 * pow(n, 4) / 180
        let beta2 = 13 * n * n / 48 - 3 * pow(n, 3) / 5 + 557 * pow(n, 4) / 1440
        let beta3 = 61 * pow(n, 3) / 240 - 103 * pow(n, 4) / 140
        let beta4 = 49561 * pow(n, 4) / 161_280
        let phi = latitude * .pi / 180
        let lambda = longitude * .pi / 180
        let lambda0 = centralMeridian * .pi / 180
        let s = sin(phi)
        let phiStar = phi - s * cos(phi) * (coefficientA + coefficientB * s * s + coefficientC * pow(s, 4) + coefficientD * pow(s, 6))
        let deltaLambda = lambda - lambda0
        let xiPrime = atan(tan(phiStar) / cos(deltaLambda))
        let etaPrime = atanh(cos(phiStar) * sin(deltaLambda))
        let northing =
            k0 * aRoof
            * (xiPrime + beta1 * sin(2 * xiPrime) * cosh(2 * etaPrime) + beta2 * sin(4 * xiPrime) * cosh(4 * etaPrime)
                + beta3 * sin(6 * xiPrime) * cosh(6 * etaPrime) + beta4 * sin(8 * xiPrime) * cosh(8 * etaPrime))
        let easting =
            k0 * aRoof
            * (etaPrime + beta1 * cos(2 * xiPrime) * sinh(2 * etaPrime) + beta2 * cos(4 * xiPrime) * sinh(4 * etaPrime)
                + beta3 * cos(6 * xiPrime) * sinh(6 * etaPrime) + beta4 * cos(8 * xiPrime) * sinh(8 * etaPrime)) + falseEasting
        return (northing, easting)
    }

    /// Lambert's azimuthal equal-area projection on the authalic sphere (radius 6,371,007.2 m; Snyder 1987, eq. 24-2–24-4).
    static func lambertAzimuthalEqualArea(
        latitude: Double, longitude: Double, centreLatitude: Double, centreLongitude: Double
    ) -> AreaMap.Point {
        let r = 6_371_007.2
        let phi = latitude * .pi / 180
        let phi1 = centreLatitude * .pi / 180
        let dl = (longitude - centreLongitude) * .pi / 180
        let k = sqrt(2 / (1 + sin(phi1) * sin(phi) + cos(phi1) * cos(phi) * cos(dl)))
        return AreaMap.Point(x: r * k * cos(phi) * sin(dl), y: r * k * (cos(phi1) * sin(phi) - sin(phi1) * cos(phi) * cos(dl)))
    }
}
