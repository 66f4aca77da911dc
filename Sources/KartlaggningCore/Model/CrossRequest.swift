/// What to cross-tabulate: the dimensions, the unit, the filters.
public struct CrossRequest: Sendable {
    public var rows: CrossDimension
    public var cols: CrossDimension
    public var unit: CountUnit = .respondents
    /// The codebook whose tags count for `theme`.
    public var codebook: StoredCodebook?
    /// Only answers to this question count for themes.
    public var themeQuestion: String?
    /// `--where KEY=VALUE`: different keys must all hold, values of the same key are alternatives.
    public var filters: [CrossDimension: [String]] = [:]
    /// Leave out respondents with no answer to a closed question instead of counting them as "(ej svar)".
    public var dropMissing = false
    /// Bin edges for integer and decimal questions: `[0, 10, 50]` gives 0–10, 10–50, 50+ (lower edge included).
    public var bins: [Double]?

    public init(rows: CrossDimension, cols: CrossDimension) {
        self.rows = rows
        self.cols = cols
    }

    /// The label of a respondent with no answer to a closed question.
    public static let noAnswer = "(ej svar)"
    /// The label of a respondent without a value on a respondent field.
    public static let unknown = "(okänt)"
}
