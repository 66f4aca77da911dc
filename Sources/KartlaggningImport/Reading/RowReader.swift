/// The rows of a tabular file as they stand, before any shape is applied: a CSV file's records or a sheet's rows,
/// each with the line (row number) users see in their editor or spreadsheet program.
protocol RowReader: AnyObject {
    /// The next row, or nil at the end.
    func nextRow() throws -> CSVRow?
    /// After the last row: throws when the file changed while it was read; returns the SHA-256 the import records.
    func verifyUnchanged() throws -> String
    /// The SHA-256 of the file as it was when reading began.
    var sha256: String { get }
    /// How the file was read, for summaries (`utf-8, delimiter ;` or `sheet Blad1`).
    var description: String { get }
    /// What the reader noticed and the user should know (hidden rows, error cells).
    var warnings: [String] { get }
    /// The sheet read, for a workbook; nil for a text file.
    var sheet: SpreadsheetSheet? { get }
    /// Every sheet of a workbook (as far as it was listed); empty for a text file.
    var sheets: [SpreadsheetSheet] { get }
}

extension RowReader {
    var sheet: SpreadsheetSheet? { nil }
    var sheets: [SpreadsheetSheet] { [] }
}
