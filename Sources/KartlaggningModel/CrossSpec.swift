/// One cross-tab, every choice typed: what is counted (dimensions, unit, filters, codebook) and how it is shown
/// (percentages, small-cell protection, statistics). The store counts by it (`KartlaggningStore.crossFacts`), the
/// analysis orders, counts and protects by it (`CrossEngine`, `CrossTabulation`): `crosstab` and every report make
/// their tables from one of these.
public struct CrossSpec: Sendable {
    public var rows: CrossDimension
    public var cols: CrossDimension
    public var unit: CountUnit = .respondents
    public var percent: PercentBase = .col
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
    /// Cells with 0 < n < minCell are suppressed; 0 turns suppression off.
    public var minCell = CrossSpec.defaultMinCell
    /// The smallest count shown unless a user says otherwise (`--min-cell`): the one default every table, report and
    /// workbench page starts from.
    public static let defaultMinCell = 3
    /// χ², df, p and Cramér's V.
    public var stats = false
    /// Areas reported together (`AreaPooling`): the table shows each pool where its districts would be, and names
    /// its numbers as counts of all of them.
    public var districtPools = AreaPools()
    /// Respondent kinds reported together (`KindPooling`): the table shows each pool where its first kind would be, and
    /// names its numbers as counts of all of them.
    public var kindPools = AreaPools()
    /// Keep each suppressed value's feasible range in the table (`crosstab --audit`).
    public var audit = false

    public init(rows: CrossDimension, cols: CrossDimension) {
        self.rows = rows
        self.cols = cols
    }

    /// Mentions: bases are sums of cells, not counts of units.
    public var weighted: Bool { unit == .mentions }

    /// The label of a respondent with no answer to a closed question.
    public static let noAnswer = "(ej svar)"
    /// The label of a respondent without a value on a respondent field.
    public static let unknown = "(okänt)"
}
