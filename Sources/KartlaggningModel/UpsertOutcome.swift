/// What storing one respondent did.
public enum UpsertOutcome: String, Sendable, Equatable {
    /// A respondent new to the survey.
    case added
    /// A known respondent whose fields or answers changed.
    case updated
    /// A known respondent with exactly the same fields and answers.
    case unchanged
    /// A respondent an earlier row of the same file already gave (nothing written; `ImportSession.repeatedFirstLine`
    /// names that row's line).
    case repeated
}
