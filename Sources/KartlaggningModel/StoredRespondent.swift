/// A respondent with its answers, as `export` reads it back.
@dynamicMemberLookup
public struct StoredRespondent: Sendable, Equatable {
    public var fields: RespondentFields
    /// The respondent's cells as written, by source column, where they differ from the stored value.
    public var rawFields: [String: String]
    /// Answers by question id.
    public var answers: [String: StoredAnswer]

    public init(fields: RespondentFields, rawFields: [String: String], answers: [String: StoredAnswer] = [:]) {
        self.fields = fields
        self.rawFields = rawFields
        self.answers = answers
    }

    public subscript<Value>(dynamicMember path: KeyPath<RespondentFields, Value>) -> Value {
        fields[keyPath: path]
    }
}
