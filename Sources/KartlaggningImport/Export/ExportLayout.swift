/// Wide: one row per respondent; long: one row per answer.
public enum ExportLayout: String, Sendable, CaseIterable {
    case wide, long
}
