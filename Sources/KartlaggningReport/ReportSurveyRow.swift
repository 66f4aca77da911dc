/// A survey in a report's data basis: id, title, wave, kind, respondents and the period of its interviews.
public struct ReportSurveyRow: Encodable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var wave: String
    public var kind: String
    public var respondents: String
    public var period: String
}
