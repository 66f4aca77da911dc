/// A respondent with its answers, as `export` reads it back.
public struct StoredRespondent: RespondentFieldValues, Sendable, Equatable {
    public var externalId: String
    public var kind: String
    public var district: String?
    public var serviceTown: String?
    public var organisation: String?
    public var interviewer: String?
    public var date: String?
    public var wave: String?
    /// The respondent's cells as written, by source column, where they differ from the stored value.
    public var rawFields: [String: String]
    /// Answers by question id.
    public var answers: [String: StoredAnswer]
}

/// One stored answer: the raw cell and its typed value.
public struct StoredAnswer: Sendable, Equatable {
    public var raw: String
    public var valueText: String?
    public var valueNumber: Double?
}
