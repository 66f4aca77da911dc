/// The reports `kartlagg report` writes.
public enum ReportKind: String, CaseIterable, Sendable {
    /// The whole mapping: data basis, themes, closed questions, differences, method.
    case overview
    /// One or more themes, for a thematic-group meeting.
    case theme
    /// One district's profile against the whole municipality.
    case district
}
