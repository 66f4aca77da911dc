/// One imported file, as recorded in the database.
public struct ImportBatch: Codable, Sendable, Equatable {
    public var id: Int64
    public var surveyId: String
    public var fileName: String
    public var sha256: String
    public var format: String
    public var encoding: String?
    public var delimiter: String?
    /// ISO 8601 time of the import.
    public var importedAt: String
    public var rowsRead: Int
    public var added: Int
    public var updated: Int
    public var unchanged: Int
    public var rejected: Int

    public init(
        id: Int64, surveyId: String, fileName: String, sha256: String, format: String, encoding: String?,
        delimiter: String?, importedAt: String, rowsRead: Int = 0, added: Int = 0, updated: Int = 0,
        unchanged: Int = 0, rejected: Int = 0
    ) {
        self.id = id
        self.surveyId = surveyId
        self.fileName = fileName
        self.sha256 = sha256
        self.format = format
        self.encoding = encoding
        self.delimiter = delimiter
        self.importedAt = importedAt
        self.rowsRead = rowsRead
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
        self.rejected = rejected
    }
}
