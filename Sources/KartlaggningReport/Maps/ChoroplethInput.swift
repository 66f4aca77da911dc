import KartlaggningModel

/// What a choropleth map draws: the areas, each area's value from a protected table, and the words around it.
public struct ChoroplethInput: Sendable {
    /// One area's (or one pool of areas') value, as the table it comes from shows it.
    public enum Value: Sendable, Equatable {
        /// A share the table shows: percent of `base`, `n` of them.
        case share(percent: Double, n: Int, base: Int)
        /// A difference from the whole, in percentage points (the diverging map), with the share it comes from.
        case difference(points: Double, percent: Double, base: Int)
        /// The table hides this cell (small-cell protection): hatched, never coloured.
        case hidden
        /// Fewer than the map's minimum base answered here: drawn pale, no share.
        case lowBase(base: Int)
        /// No one here is in the table.
        case noData
    }

    /// Which colours: sequential (shares) or diverging (differences from the whole).
    public enum Palette: String, Sendable, CaseIterable {
        case sequential, diverging
    }

    public var title: String
    /// What the colours show ("Andel av de svarande i området som tog upp temat").
    public var measure: String
    public var map: AreaMap
    /// Each area's value, by district name; a pooled area carries its pool's value.
    public var values: [String: Value]
    /// Areas shown together (a registry group, "Övriga områden"): the pool's label and its districts. Drawn as the
    /// union of its areas, labelled once.
    public var pools: [(label: String, districts: [String])] = []
    public var palette: Palette = .sequential
    /// The map's minimum base, for the legend's pale class.
    public var minBase: Int = 0
    /// The table's min-cell, for the legend's hatched class.
    public var minCell: Int = 3
    /// Lines under the map (filters, the whole's share, notes of the table).
    public var notes: [String] = []
    /// Ids in the SVG are prefixed with it: unique within a page that holds several maps.
    public var id: String = "karta"
    /// Each area's link (the workbench's answers page), by district name; nil: no links.
    public var links: [String: String]? = nil
    /// The values the classes are made from; nil: this map's own. Maps meant to be compared (the overview's, one per
    /// theme) share them, so a colour means the same share on each.
    public var classValues: [Double]? = nil
    /// The language of its words and numbers.
    public var language: ReportLanguage = .sv
    /// Width of the whole SVG in pixels.
    public var width: Int = 760

    public init(title: String, measure: String, map: AreaMap, values: [String: Value]) {
        self.title = title
        self.measure = measure
        self.map = map
        self.values = values
    }
}
