/// Which theme fired on a text, by which pattern, on which words.
public struct ThemeMatch: Codable, Sendable, Equatable {
    /// Where a pattern matched, in Unicode scalars from 0, and the words it matched.
    public struct Span: Codable, Sendable, Equatable, Hashable {
        public var start: Int
        public var end: Int
        public var text: String

        public init(start: Int, end: Int, text: String) {
            self.start = start
            self.end = end
            self.text = text
        }
    }

    public var theme: String
    public var pattern: String
    public var matches: [Span]

    public init(theme: String, pattern: String, matches: [Span]) {
        self.theme = theme
        self.pattern = pattern
        self.matches = matches
    }
}
