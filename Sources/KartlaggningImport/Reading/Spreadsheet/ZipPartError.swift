/// A part of a workbook that is missing, cannot be inflated, or inflates past what a workbook does (a ZIP bomb).
struct ZipPartError: Error {
    var message: String
}
