/// One value an import replaced: a respondent's answer to a question, or one of its own fields (district, kind, …),
/// before and after. `nil` before: the import added it; `nil` after: the import removed it (the file no longer has it).
public struct ImportChange: Codable, Sendable, Equatable {
    /// The respondent's external id.
    public var respondent: String
    /// The question id, or the respondent field's name (`district`, `kind`, …) when `isQuestion` is false.
    public var field: String
    public var isQuestion: Bool
    /// The value as the file wrote it (an answer's cell; a field's stored value).
    public var before: String?
    public var after: String?

    public init(respondent: String, field: String, isQuestion: Bool, before: String?, after: String?) {
        self.respondent = respondent
        self.field = field
        self.isQuestion = isQuestion
        self.before = before
        self.after = after
    }

    /// The change with its values left out, for a column that identifies people: that it changed, never to what.
    public var withValuesHidden: ImportChange {
        var change = self
        change.before = before.map { _ in Self.hidden }
        change.after = after.map { _ in Self.hidden }
        return change
    }

    public static let hidden = "(identifying, not shown)"
}
