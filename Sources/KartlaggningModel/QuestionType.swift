/// The type of a survey question, which decides how its raw text is read and stored.
public enum QuestionType: String, Codable, Sendable, CaseIterable {
    /// Free text; indexed for full-text search.
    case text
    /// One option out of a fixed list.
    case choice
    /// Any number of options out of a fixed list, separated in the cell (`;` by default).
    case multi
    /// A whole number on a closed scale, such as 1–5.
    case scale
    /// A whole number (`12 000` is read as 12000).
    case integer
    /// A decimal number (`3,5` and `1 234,5` are read the Swedish way).
    case decimal
    /// A calendar date, stored as ISO 8601 (`2025-03-14`).
    case date
    /// Ja/Nej, Yes/No, true/false, 1/0.
    case boolean
}
