/// A respondent as read from one row or record, ready to be stored.
public struct RespondentDraft: RespondentFieldValues, Sendable, Equatable {
    public var externalId: String
    public var kind: String
    public var district: String?
    public var serviceTown: String?
    public var organisation: String?
    public var interviewer: String?
    /// ISO 8601 date.
    public var date: String?
    public var wave: String?
    /// The respondent's cells as written in the source, by column, where they differ from the stored
    /// value: with those, `export --layout wide` gives the source back.
    public var rawFields: [String: String]
    /// The line the row starts on (CSV) or the line of the record (JSON).
    public var sourceLine: Int
    /// The row's number among the data rows (CSV) or the record's index (JSON), from 1.
    public var sourceRecord: Int

    public init(
        externalId: String, kind: String, district: String? = nil, serviceTown: String? = nil,
        organisation: String? = nil, interviewer: String? = nil, date: String? = nil, wave: String? = nil,
        rawFields: [String: String] = [:], sourceLine: Int, sourceRecord: Int
    ) {
        self.externalId = externalId
        self.kind = kind
        self.district = district
        self.serviceTown = serviceTown
        self.organisation = organisation
        self.interviewer = interviewer
        self.date = date
        self.wave = wave
        self.rawFields = rawFields
        self.sourceLine = sourceLine
        self.sourceRecord = sourceRecord
    }
}
