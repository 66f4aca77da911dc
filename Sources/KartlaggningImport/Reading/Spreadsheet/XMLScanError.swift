import KartlaggningModel

/// XML that is not well formed, in a named part of a workbook; or a token longer than the read limits allow (`limit`).
struct XMLScanError: Error, Equatable {
    var part: String
    var message: String
    /// The limit a token went past (a run of text past the cell limit, a tag past the row limit); nil for XML that is
    /// not well formed.
    var limit: Remedy.ReadLimit? = nil
}
