import KartlaggningModel

/// Everything a district profile shows, gathered from the database.
public struct DistrictReportInput: Sendable {
    /// Quotes from the district on one of its themes.
    public struct ThemeQuotes: Sendable, Equatable {
        public var label: String
        public var quotes: [ThemeReportInput.Quote]

        public init(label: String, quotes: [ThemeReportInput.Quote]) {
            self.label = label
            self.quotes = quotes
        }
    }

    /// The district, as the tables name it.
    public var district: String
    public var codebook: StoredCodebook
    public var date: String
    public var title: String?
    public var language: ReportLanguage
    /// The whole selection's numbers; the report shows the district's column against the totals.
    public var summary: MappingSummary
    public var quotes: [ThemeQuotes]
    public var method: MethodNote
    public var differences: Int

    public init(
        district: String, codebook: StoredCodebook, date: String, title: String?, language: ReportLanguage = .sv, summary: MappingSummary,
        quotes: [ThemeQuotes], method: MethodNote, differences: Int = 10
    ) {
        self.district = district
        self.codebook = codebook
        self.date = date
        self.title = title
        self.language = language
        self.summary = summary
        self.quotes = quotes
        self.method = method
        self.differences = differences
    }
}
