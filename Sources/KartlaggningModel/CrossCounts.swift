/// A cross-tab's counts: the cells, the units with each row and column value, and all units.
public struct CrossCounts: Sendable {
    public var counts: [[Int]]
    public var rowBase: [Int]
    public var colBase: [Int]
    public var grand: Int
    public var rowValues: [String]
    public var colValues: [String]
    public var multiResponseRows: Bool
    public var multiResponseCols: Bool

    public init(
        counts: [[Int]], rowBase: [Int], colBase: [Int], grand: Int, rowValues: [String], colValues: [String],
        multiResponseRows: Bool = false, multiResponseCols: Bool = false
    ) {
        self.counts = counts
        self.rowBase = rowBase
        self.colBase = colBase
        self.grand = grand
        self.rowValues = rowValues
        self.colValues = colValues
        self.multiResponseRows = multiResponseRows
        self.multiResponseCols = multiResponseCols
    }
}
