/// The formats `crosstab` prints.
public enum CrossTableFormat: String, Sendable, CaseIterable {
    case text, csv, json, markdown
}
