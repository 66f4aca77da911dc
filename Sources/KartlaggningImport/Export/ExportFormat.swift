/// The formats `export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, json
}
