/// What a theme report reads from a theme's answers in one pass over them: the best quotes of each district, and how
/// many answers each question gave the theme.
public struct ThemeAnswerDigest: Sendable, Equatable {
    /// The best answers of each district (most matched words first, then by answer id), districts in SQLite's text order.
    public var quotes: [QuoteCandidate]
    /// Each question with answers carrying the theme, most first (then by survey and question, as SQLite orders text).
    public var sources: [ThemeSource]

    public init(quotes: [QuoteCandidate], sources: [ThemeSource]) {
        self.quotes = quotes
        self.sources = sources
    }
}
