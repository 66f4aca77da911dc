/// How a table's numbers are numbered: cells row by row, then the row totals, then the column totals (`TableFacts`'
/// positions). On the border grid the row totals are one more column and the column totals one more row, and
/// (rows, cols) is the whole, which has no position.
struct BorderGrid {
    let rows: Int
    let cols: Int

    func cell(_ r: Int, _ c: Int) -> Int { r * cols + c }
    func rowTotal(_ r: Int) -> Int { rows * cols + r }
    func colTotal(_ c: Int) -> Int { rows * cols + rows + c }

    /// The position of the number at (`row`, `col`) of the border grid; nil for the whole.
    func position(row: Int, col: Int) -> Int? {
        switch (row < rows, col < cols) {
        case (true, true): cell(row, col)
        case (true, false): rowTotal(row)
        case (false, true): colTotal(col)
        case (false, false): nil
        }
    }
}
