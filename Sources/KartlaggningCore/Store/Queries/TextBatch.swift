import GRDB

/// A batch of rows carrying texts, read with a cursor: the rows a query gives (its `LIMIT` caps how many), stopping
/// once the texts read reach a number of bytes. Writers that read texts a batch at a time (tagging, the term index)
/// hold a batch in memory, and a batch of thousands of interview notes near the 1 MB cell limit would be gigabytes.
enum TextBatch {
    /// Bytes of text a batch holds at most (past its last row's).
    static let bytes = 16 << 20

    /// The rows of `request`, up to the one whose text (column `textColumn`) brings the batch to `bytes`.
    static func fetch(_ db: Database, _ request: SQLRequest<Row>, textColumn: Int, bytes: Int = Self.bytes) throws -> [Row] {
        try fetch(db, request, bytes: bytes) { row in
            let copied = row.copy()
            return (copied, (copied[textColumn] as String?)?.utf8.count ?? 0)
        }
    }

    /// The values `decode` makes of the rows of `request` (each with its text's bytes), up to the one whose text
    /// brings the batch to `bytes`. Decoded as the cursor stands on each row: no row is copied.
    static func fetch<Value>(
        _ db: Database, _ request: SQLRequest<Row>, bytes: Int = Self.bytes, decode: (Row) throws -> (Value, textBytes: Int)
    ) throws -> [Value] {
        let rows = try Row.fetchCursor(db, request)
        var batch: [Value] = []
        var read = 0
        while read < bytes, let row = try rows.next() {
            let (value, textBytes) = try decode(row)
            read += textBytes
            batch.append(value)
        }
        return batch
    }
}
