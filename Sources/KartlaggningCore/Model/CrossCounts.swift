/// A cross-tab counted in SQL: the cells, the units with each row and column value, and all units.
public struct CrossCounts: Sendable {
    public var counts: [[Int]]
    public var rowBase: [Int]
    public var colBase: [Int]
    public var grand: Int
    public var rowValues: [String]
    public var colValues: [String]
    public var multiResponseRows: Bool
    public var multiResponseCols: Bool
}
