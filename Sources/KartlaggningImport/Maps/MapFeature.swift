/// One feature of a map file: its properties as text and its polygons, in the file's coordinates (longitude and
/// latitude, or planar), each polygon an outer ring followed by its holes.
struct MapFeature: Sendable {
    var properties: [String: String]
    var polygons: [[[(Double, Double)]]]
}
