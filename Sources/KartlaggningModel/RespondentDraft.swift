/// A respondent as read from one row or record, ready to be stored.
@dynamicMemberLookup
public struct RespondentDraft: Sendable, Equatable {
    public var fields: RespondentFields
    /// The respondent's cells as written in the source, by column, where they differ from the stored
    /// value: with those, `export --layout wide` gives the source back.
    public var rawFields: [String: String]
    /// The line the row starts on (CSV) or the line of the record (JSON).
    public var sourceLine: Int
    /// The row's number among the data rows (CSV) or the record's index (JSON), from 1.
    public var sourceRecord: Int

    public init(fields: RespondentFields, rawFields: [String: String] = [:], sourceLine: Int, sourceRecord: Int) {
        self.fields = fields
        self.rawFields = rawFields
        self.sourceLine = sourceLine
        self.sourceRecord = sourceRecord
    }

    public subscript<Value>(dynamicMember path: WritableKeyPath<RespondentFields, Value>) -> Value {
        get { fields[keyPath: path] }
        set { fields[keyPath: path] = newValue }
    }
}
