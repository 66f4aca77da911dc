import KartlaggningAnalysis
import KartlaggningModel

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

    /// A theme related to the report's theme, and how many respondents raised both.
    public struct Related: Sendable, Equatable {
        public var label: String
        public var respondents: Int

        public init(label: String, respondents: Int) {
            self.label = label
            self.respondents = respondents
        }
    }

    /// A survey question the theme came up in, and how many answers to it carry the theme.
    public struct Source: Sendable, Equatable {
        public var question: String
        public var answers: Int

        public init(question: String, answers: Int) {
            self.question = question
            self.answers = answers
        }
    }

    /// One theme's part of the report.
    public struct Section: Sendable {
        public var theme: Theme
        public var related: [Related]
        public var terms: [TermKeyness]
        public var quotes: [Quote]
        /// Questions respondents ask in their answers (pseudonymised sentences ending in `?`).
        public var questions: [String]
        /// The survey questions the theme came up in.
        public var sources: [Source]
        /// The order of the areas in the section's table and chart, and their registry groups; nil: as `byDistrict`.
        public var areas: AreaArrangement?

        public init(
            theme: Theme, related: [Related], terms: [TermKeyness], quotes: [Quote], questions: [String] = [], sources: [Source] = [],
            areas: AreaArrangement? = nil
        ) {
            self.areas = areas
            self.theme = theme
            self.related = related
            self.terms = terms
            self.quotes = quotes
            self.questions = questions
            self.sources = sources
        }
    }

    public var codebook: StoredCodebook
    /// The report's date (ISO), an input so the same database gives the same report.
    public var date: String
    public var title: String?
    public var language: ReportLanguage
    /// theme × district and theme × kind, as `crosstab` makes them (suppression included).
    public var byDistrict: CrossTable
    public var byKind: CrossTable
    public var sections: [Section]
    public var method: MethodNote

    public init(
        codebook: StoredCodebook, date: String, title: String?, language: ReportLanguage = .sv, byDistrict: CrossTable, byKind: CrossTable,
        sections: [Section], method: MethodNote
    ) {
        self.codebook = codebook
        self.date = date
        self.title = title
        self.language = language
        self.byDistrict = byDistrict
        self.byKind = byKind
        self.sections = sections
        self.method = method
    }
}
