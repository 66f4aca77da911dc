/// One theme's section of a theme report, as its template receives it (each field a template key).
public struct ReportThemeSection: Encodable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var labelAlt: String
    public var description: String
    public var hasDescription: Bool
    public var respondents: String
    public var byDistrict: [Share]
    public var byKind: [Share]
    public var figure: String
    public var hasFigure: Bool
    public var related: [Related]
    public var hasRelated: Bool
    public var terms: String
    public var hasTerms: Bool
    public var questions: [String]
    public var hasQuestions: Bool
    public var sources: [Source]
    public var hasSources: Bool
    public var quotes: [Place]
    public var hasQuotes: Bool

    /// The theme's respondents in one district or kind: n, the share and the base.
    public struct Share: Encodable, Sendable, Equatable {
        public var name: String
        public var n: String
        public var percent: String
        public var base: String
    }

    /// A theme raised by the same respondents, with how many.
    public struct Related: Encodable, Sendable, Equatable {
        public var label: String
        public var respondents: String
    }

    /// A question the theme came up in, with its answers (hidden below the minimum cell).
    public struct Source: Encodable, Sendable, Equatable {
        public var question: String
        public var answers: String
    }

    /// A place's quotes.
    public struct Place: Encodable, Sendable, Equatable {
        public var district: String
        public var items: [Quote]
    }

    /// A pseudonymised quote and the speaker's kind.
    public struct Quote: Encodable, Sendable, Equatable {
        public var text: String
        public var kind: String
    }
}
