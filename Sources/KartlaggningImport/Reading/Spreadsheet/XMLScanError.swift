/// XML that is not well formed, in a named part of a workbook.
struct XMLScanError: Error, Equatable {
    var part: String
    var message: String
}
