/// The variables of an overview report (see `OverviewReport.swedish`).
public struct OverviewReportContext: ReportContext, Equatable {
    public var title: String
    /// Whether a codebook is loaded: without one the overview shows the closed questions only.
    public var hasCodebook: Bool
    public var codebook: String
    public var version: String
    public var revision: Int
    public var date: String
    public var total: String
    public var minCell: Int
    public var basis: ReportGrid
    public var surveys: [ReportSurveyRow]
    public var waves: String
    /// Whether any survey has a wave (else no "Våg:" line).
    public var hasWaves: Bool
    public var hasPeriod: Bool
    public var firstDate: String
    public var lastDate: String
    /// The summary's sentences (`ReportSummary`), each naming the table it comes from.
    public var summary: [String]
    public var hasSummary: Bool
    public var ranked: [ReportRankedTheme]
    /// The themes fewer than min-cell raised, left out of the tables: a line, or nil.
    public var rareThemes: String?
    public var themes: ReportGrid
    public var choices: [ReportGrid]
    public var hasChoices: Bool
    /// The scale questions' means (`hasScaleItems`), and the number questions' in a table of their own (`numbers`,
    /// `hasNumbers`, their own protection stated); `hasScales` where there is either.
    public var scales: ReportGrid
    public var hasScales: Bool
    public var hasScaleItems: Bool
    public var numbers: ReportGrid
    public var hasNumbers: Bool
    /// Under the means: which districts were counted in a pool (`AreaPooling`), or nil.
    public var scalesNote: String?
    public var numbersNote: String?
    /// The fewest answers a number question's median is shown from.
    public var numberMedianFrom: Int
    /// Rating batteries (`RatingBattery`): title, alt, items, figures (the heatmap parts), spread and hasSpread.
    public var batteries: [ReportBattery]
    /// Each scale question's distribution chart (text, figure).
    public var scaleFigures: [ScaleFigure]

    public struct ScaleFigure: Encodable, Sendable, Equatable {
        public var text: String
        public var figure: String
    }
    public var differences: [ReportDifference]
    public var hasDifferences: Bool
    public var method: MethodBox.Context
    public var rankedFigure: String
    public var hasRankedFigure: Bool
    public var heatmapFigure: String
    public var hasHeatmapFigure: Bool
    /// Each theme's map (text: the theme, figure: its file), where the registry has a map.
    public var themeMaps: [ScaleFigure] = []
    public var hasThemeMaps = false
    /// The theme maps' legend (a figure).
    public var themeMapLegend = ""
}
