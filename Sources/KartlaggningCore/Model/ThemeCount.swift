/// How many answers and respondents carry a theme, the themes below it included.
public struct ThemeCount: Codable, Sendable, Equatable {
    public var theme: String
    public var label: String
    public var parent: String?
    /// Depth in the hierarchy, 0 for a top theme.
    public var depth: Int
    public var answers: Int
    public var respondents: Int
}
