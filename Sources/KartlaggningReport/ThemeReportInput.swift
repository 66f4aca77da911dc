import KartlaggningAnalysis
import KartlaggningCore

/// Everything a theme report shows, gathered from the database; the report itself never opens it.
public struct ThemeReportInput: Sendable {
    /// One quote: the pseudonymised text and where it comes from (the district only where its cell is shown).
    public struct Quote: Sendable, Equatable {
        public var district: String?
        public var kind: String
        public var text: String

        public init(district: String?, kind: String, text: String) {
            self.district = district
            self.kind = kind
            self.text = text
        }
    }

    public var theme: Theme
    public var codebook: StoredCodebook
    /// The report's date (ISO), an input so the same database gives the same report.
    public var date: String
    public var title: String?
    /// theme × district and theme × kind, as `crosstab` makes them (suppression included).
    public var byDistrict: CrossTable
    public var byKind: CrossTable
    public var related: [(theme: String, label: String, respondents: Int)]
    public var terms: [TermKeyness]
    public var quotes: [Quote]

    public init(
        theme: Theme, codebook: StoredCodebook, date: String, title: String?, byDistrict: CrossTable, byKind: CrossTable,
        related: [(theme: String, label: String, respondents: Int)], terms: [TermKeyness], quotes: [Quote]
    ) {
        self.theme = theme
        self.codebook = codebook
        self.date = date
        self.title = title
        self.byDistrict = byDistrict
        self.byKind = byKind
        self.related = related
        self.terms = terms
        self.quotes = quotes
    }
}
