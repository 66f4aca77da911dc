extension CrossTable {
    /// Every cell and total by its values, for pages that look up thousands of them (300 areas × 20 themes): one
    /// dictionary lookup each instead of `cell(_:_:)`'s scan.
    public struct Lookup: Sendable {
        private let cells: [String: [String: Cell]]
        private let rowTotals: [String: Total]
        private let colTotals: [String: Total]

        public init(_ table: CrossTable) {
            var cells: [String: [String: Cell]] = [:]
            for cell in table.cells { cells[cell.row, default: [:]][cell.col] = cell }
            self.cells = cells
            rowTotals = Dictionary(table.rowTotals.map { ($0.value, $0) }, uniquingKeysWith: { first, _ in first })
            colTotals = Dictionary(table.colTotals.map { ($0.value, $0) }, uniquingKeysWith: { first, _ in first })
        }

        public func cell(_ row: String, _ col: String) -> Cell? { cells[row]?[col] }
        public func rowTotal(_ value: String) -> Total? { rowTotals[value] }
        public func colTotal(_ value: String) -> Total? { colTotals[value] }
    }
}
