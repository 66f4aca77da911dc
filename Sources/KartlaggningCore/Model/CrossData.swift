/// The counted units of a cross-tab, with each dimension's values in display order.
public struct CrossData: Sendable {
    /// One unit: its values (with weights) on the row and column dimensions.
    public var units: [(rows: [String: Int], cols: [String: Int])]
    public var rowValues: [String]
    public var colValues: [String]
    public var multiResponseRows: Bool
    public var multiResponseCols: Bool
}
