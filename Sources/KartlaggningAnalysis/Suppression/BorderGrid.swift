/// A table's numbers on the border grid: cells, with the row totals as one more column and the column totals as one
/// more row, (rows, cols) the whole (which has no position). Positions as `TableFacts` numbers them.
struct BorderGrid {
    let rows: Int
    let cols: Int

    /// The position of the number at (`row`, `col`); nil for the whole.
    func position(row: Int, col: Int) -> Int? {
        switch (row < rows, col < cols) {
        case (true, true): row * cols + col
        case (true, false): rows * cols + row
        case (false, true): rows * cols + rows + col
        case (false, false): nil
        }
    }
}
