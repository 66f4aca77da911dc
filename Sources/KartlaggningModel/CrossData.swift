/// The units of a cross-tab as the store reads them: each unit's values (with weights) on the row and column
/// dimensions, and its values on each filter dimension. The store reads; `CrossEngine` (KartlaggningAnalysis) rolls
/// themes up their tree, applies the filters and counts.
public struct CrossData: Sendable {
    /// One filter of the table: the dimension and the values asked for, already resolved through the registry.
    public struct Filter: Sendable {
        public var dimension: CrossDimension
        public var wanted: FilterValues

        public init(_ dimension: CrossDimension, wanted: FilterValues) {
            self.dimension = dimension
            self.wanted = wanted
        }
    }

    /// One unit: its values (with weights) on the row and column dimensions, and its values on each filter
    /// dimension, in `filters` order (nil where the unit has no value there: it fails that filter).
    public struct Unit: Sendable {
        public var rows: [String: Int]
        public var cols: [String: Int]
        public var filterValues: [[String]?]

        public init(rows: [String: Int], cols: [String: Int], filterValues: [[String]?] = []) {
            self.rows = rows
            self.cols = cols
            self.filterValues = filterValues
        }
    }

    public var units: [Unit]
    public var filters: [Filter]
    public var multiResponseRows: Bool
    public var multiResponseCols: Bool

    public init(units: [Unit], filters: [Filter] = [], multiResponseRows: Bool, multiResponseCols: Bool) {
        self.units = units
        self.filters = filters
        self.multiResponseRows = multiResponseRows
        self.multiResponseCols = multiResponseCols
    }
}
