/// A theme in the overview's ranking: its label, respondents and share of all.
public struct ReportRankedTheme: Encodable, Sendable, Equatable {
    public var label: String
    public var n: String
    public var percent: String
}
