/// The formats theme queries print.
public enum AnswerListFormat: String, Sendable, CaseIterable {
    case text, json, csv, markdown
}
