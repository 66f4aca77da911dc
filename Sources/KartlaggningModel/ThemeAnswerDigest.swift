/// What a theme report reads from a theme's answers in one pass over them: the best quotes of each district, how many
/// answers each question gave the theme, and the first answers that ask something.
public struct ThemeAnswerDigest: Sendable, Equatable {
    /// The best answers of each district (most matched words first, then by answer id), districts in SQLite's text order.
    public var quotes: [QuoteCandidate]
    /// Each question with answers carrying the theme, most first (then by survey and question, as SQLite orders text).
    public var sources: [ThemeSource]
    /// The texts of the first answers (by answer id) that hold a question mark.
    public var asking: [String]

    public init(quotes: [QuoteCandidate], sources: [ThemeSource], asking: [String]) {
        self.quotes = quotes
        self.sources = sources
        self.asking = asking
    }
}
