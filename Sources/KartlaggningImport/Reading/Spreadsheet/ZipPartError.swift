/// A part of a workbook that is missing or cannot be inflated.
struct ZipPartError: Error {
    var message: String
}
