/// What is known of a file when its import starts.
public struct ImportBatchInfo: Sendable, Equatable {
    public var surveyId: String
    public var fileName: String
    public var sha256: String
    public var format: String
    public var encoding: String?
    public var delimiter: String?
    /// The survey's source columns in the order the file has them (what `export` reproduces).
    public var columns: [String]

    public init(
        surveyId: String, fileName: String, sha256: String, format: String, encoding: String?, delimiter: String?, columns: [String] = []
    ) {
        self.surveyId = surveyId
        self.fileName = fileName
        self.sha256 = sha256
        self.format = format
        self.encoding = encoding
        self.delimiter = delimiter
        self.columns = columns
    }
}
