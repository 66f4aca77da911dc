/// The units of a cross-tab as the store reads them: each unit's values (with weights) on the row and column
/// dimensions.
public struct CrossData: Sendable {
    /// One unit: its values (with weights) on the row and column dimensions.
    public var units: [(rows: [String: Int], cols: [String: Int])]
    public var multiResponseRows: Bool
    public var multiResponseCols: Bool

    public init(units: [(rows: [String: Int], cols: [String: Int])], multiResponseRows: Bool, multiResponseCols: Bool) {
        self.units = units
        self.multiResponseRows = multiResponseRows
        self.multiResponseCols = multiResponseCols
    }
}
