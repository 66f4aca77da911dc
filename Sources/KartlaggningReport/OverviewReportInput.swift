import KartlaggningModel

/// Everything the overview report shows, gathered from the database.
public struct OverviewReportInput: Sendable {
    /// The codebook whose themes are shown; nil when none is loaded (closed questions only).
    public var codebook: StoredCodebook?
    public var date: String
    public var title: String?
    public var language: ReportLanguage
    public var summary: MappingSummary
    public var method: MethodNote
    /// How many differences to list.
    public var differences: Int

    public init(
        codebook: StoredCodebook?, date: String, title: String?, language: ReportLanguage = .sv, summary: MappingSummary,
        method: MethodNote,
        differences: Int = 10
    ) {
        self.codebook = codebook
        self.date = date
        self.title = title
        self.language = language
        self.summary = summary
        self.method = method
        self.differences = differences
    }
}
