import GRDB

/// A batch of rows carrying texts, read with a cursor: the rows a query gives (its `LIMIT` caps how many), stopping
/// once the texts read reach a number of bytes. Writers that read texts a batch at a time (tagging, the term index)
/// hold a batch in memory, and a batch of thousands of interview notes near the 1 MB cell limit would be gigabytes.
enum TextBatch {
    /// Bytes of text a batch holds at most (past its last row's).
    static let bytes = 16 << 20

    /// The rows of `request`, up to the one whose text (column `textColumn`) brings the batch to `bytes`.
    static func fetch(_ db: Database, _ request: SQLRequest<Row>, textColumn: Int, bytes: Int = Self.bytes) throws -> [Row] {
        let rows = try Row.fetchCursor(db, request)
        var batch: [Row] = []
        var read = 0
        while read < bytes, let row = try rows.next() {
            let copied = row.copy()
            read += (copied[textColumn] as String?)?.utf8.count ?? 0
            batch.append(copied)
        }
        return batch
    }
}
