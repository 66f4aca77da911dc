/// The variables of a district report (see `DistrictReport.swedish`).
public struct DistrictReportContext: ReportContext, Equatable {
    /// Quotes on one theme.
    public struct QuoteGroup: Encodable, Sendable, Equatable {
        public var label: String
        public var items: [ReportThemeSection.Quote]
    }

    public var title: String
    public var district: String
    public var districtAlt: String
    public var codebook: String
    public var version: String
    public var revision: Int
    public var date: String
    public var respondents: String
    public var total: String
    public var minCell: Int
    public var byKind: [ReportComparedRow]
    public var themes: [ReportComparedRow]
    public var figure: String
    public var hasFigure: Bool
    /// The district on the registry's map (where it has one).
    public var locatorFigure = ""
    public var hasLocatorFigure = false
    public var choices: [ReportComparedQuestion]
    public var hasChoices: Bool
    public var scales: [ReportScaleRow]
    public var hasScales: Bool
    /// Whether integer or decimal questions are among the scales (their own protection is stated).
    public var hasNumbers: Bool
    /// The fewest answers a number question's median is shown from.
    public var numberMedianFrom: Int
    public var differences: [ReportDifference]
    public var hasDifferences: Bool
    public var quotes: [QuoteGroup]
    public var hasQuotes: Bool
    public var method: MethodBox.Context
    /// The summary's sentences (`ReportSummary.district`), each naming the section it comes from.
    public var summary: [String] = []
    public var hasSummary = false
}
