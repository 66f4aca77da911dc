/// A tag the matcher proposes for one answer: the theme, the pattern that fired and where.
public struct AutoTag: Sendable, Equatable {
    public var theme: String
    public var pattern: String
    /// Matched spans, in Unicode scalars from 0.
    public var spans: [Range<Int>]

    public init(theme: String, pattern: String, spans: [Range<Int>]) {
        self.theme = theme
        self.pattern = pattern
        self.spans = spans
    }
}
