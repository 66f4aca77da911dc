/// What a cross-tab counts.
public enum CountUnit: String, Sendable, CaseIterable, Codable {
    /// Respondents: each counts once in a cell, however many answers mention the theme (the default).
    case respondents
    /// Free-text answers.
    case answers
    /// Matched passages: an answer naming a theme three times counts three.
    case mentions
}
