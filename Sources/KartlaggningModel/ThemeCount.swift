/// How many answers and respondents carry a theme, the themes below it included.
public struct ThemeCount: Codable, Sendable, Equatable {
    public init(theme: String, label: String, parent: String? = nil, depth: Int, answers: Int, respondents: Int) {
        self.theme = theme
        self.label = label
        self.parent = parent
        self.depth = depth
        self.answers = answers
        self.respondents = respondents
    }

    public var theme: String
    public var label: String
    public var parent: String?
    /// Depth in the hierarchy, 0 for a top theme.
    public var depth: Int
    public var answers: Int
    public var respondents: Int
}
