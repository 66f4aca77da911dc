/// What a sheet reader notices and the user should hear of: hidden rows (read like the others) and cells holding a
/// spreadsheet error (read as no value). Counted in full, the first five named.
struct SheetNotes {
    private var hiddenRows: [Int] = []
    private var hiddenCount = 0
    private var errorCells: [String] = []
    private var errorCount = 0

    mutating func hidden(row: Int) {
        hiddenCount += 1
        if hiddenRows.count < 5 { hiddenRows.append(row) }
    }

    /// - Parameter cell: where and what, `F4 (#N/A)`.
    mutating func error(_ cell: String) {
        errorCount += 1
        if errorCells.count < 5 { errorCells.append(cell) }
    }

    var warnings: [String] {
        var warnings: [String] = []
        if hiddenCount > 0 {
            warnings.append(
                "\(hiddenCount) hidden row\(hiddenCount == 1 ? " was" : "s were") read like the others (row\(hiddenRows.count == 1 ? "" : "s") "
                    + hiddenRows.map(String.init).joined(separator: ", ") + (hiddenCount > hiddenRows.count ? " …" : "")
                    + "); delete them in the workbook if they are not answers")
        }
        if errorCount > 0 {
            warnings.append(
                "\(errorCount) cell\(errorCount == 1 ? " holds" : "s hold") a spreadsheet error, read as no value: "
                    + errorCells.joined(separator: ", ") + (errorCount > errorCells.count ? " …" : ""))
        }
        return warnings
    }
}
