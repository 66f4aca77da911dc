import Foundation
import KartlaggningModel

/// A map's metres on the page: scale and offset fitting the areas into a rectangle (north up), and SVG paths of
/// rings in compact relative coordinates (tenths of a pixel; points closer than that dropped).
struct MapFrame {
    typealias Pixel = (x: Double, y: Double)

    let scale: Double
    let minX: Double
    let maxY: Double
    let left: Double
    let top: Double
    /// The map's drawn size, in pixels.
    let width: Double
    let height: Double

    /// A frame fitting `bounds` into at most `maxWidth` × `maxHeight` at (`left`, `top`).
    init(bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double), maxWidth: Double, maxHeight: Double, left: Double, top: Double) {
        let spanX = max(bounds.maxX - bounds.minX, 1)
        let spanY = max(bounds.maxY - bounds.minY, 1)
        scale = min(maxWidth / spanX, maxHeight / spanY)
        minX = bounds.minX
        maxY = bounds.maxY
        self.left = left
        self.top = top
        width = spanX * scale
        height = spanY * scale
    }

    func pixel(_ point: AreaMap.Point) -> Pixel {
        (left + (point.x - minX) * scale, top + (maxY - point.y) * scale)
    }

    /// The path of `polygons` (outer rings and holes; drawn with the even-odd rule).
    func path(_ polygons: [[[AreaMap.Point]]]) -> String {
        var out = ""
        for polygon in polygons {
            for ring in polygon {
                var previous: (Int, Int)?
                var segments = ""
                for point in ring {
                    let p = pixel(point)
                    let q = (Int((p.x * 10).rounded()), Int((p.y * 10).rounded()))
                    if let previous {
                        guard q != previous else { continue }
                        segments +=
                            (segments.isEmpty ? "l" : (q.0 - previous.0 >= 0 ? " " : "")) + Self.tenths(q.0 - previous.0)
                            + (q.1 - previous.1 >= 0 ? " " : "") + Self.tenths(q.1 - previous.1)
                    } else {
                        out += "M" + Self.tenths(q.0) + " " + Self.tenths(q.1)
                    }
                    previous = q
                }
                out += segments + "z"
            }
        }
        return out
    }

    /// An open polyline through `points` (a pool's outline).
    func polyline(_ points: [AreaMap.Point]) -> String {
        points.enumerated().map { index, point in
            let p = pixel(point)
            return (index == 0 ? "M" : "L") + Self.tenths(Int((p.x * 10).rounded())) + " " + Self.tenths(Int((p.y * 10).rounded()))
        }.joined()
    }

    /// Tenths of a pixel as SVG number text: `123` → `12.3`, `-5` → `-.5`, `40` → `4`.
    static func tenths(_ value: Int) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        let whole = magnitude / 10
        let tenth = magnitude % 10
        if tenth == 0 { return sign + String(whole) }
        return sign + (whole == 0 ? "" : String(whole)) + "." + String(tenth)
    }
}
