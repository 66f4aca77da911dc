import KartlaggningAnalysis
import KartlaggningModel

/// The numbers the overview and the district reports share, gathered from the database: who was heard, which
/// themes they raised where, how they answered the closed questions, and where a district stands out.
public struct MappingSummary: Sendable {
    /// One survey in the selection.
    public struct SurveyBasis: Sendable, Equatable {
        public var id: String
        public var title: String
        public var wave: String?
        public var kind: String?
        public var respondents: Int
        /// The first and last interview dates (ISO), when the survey has dates.
        public var firstDate: String?
        public var lastDate: String?

        public init(id: String, title: String, wave: String?, kind: String?, respondents: Int, firstDate: String?, lastDate: String?) {
            self.id = id
            self.title = title
            self.wave = wave
            self.kind = kind
            self.respondents = respondents
            self.firstDate = firstDate
            self.lastDate = lastDate
        }
    }

    /// A choice, multi or boolean question × district, as `crosstab` makes it.
    public struct ChoiceQuestion: Sendable {
        public var id: String
        public var text: String
        public var table: CrossTable
        /// The survey's title, where the report has several surveys (a heading names it).
        public var survey: String?
        /// Answers fewer than min-cell gave in the whole selection (their rows left out of `table`, every number of
        /// them hidden).
        public var rare: [String] = []

        public init(id: String, text: String, table: CrossTable, survey: String? = nil) {
            self.id = id
            self.text = text
            self.table = table
            self.survey = survey
        }
    }

    /// A scale question's mean per district and in the whole selection (last).
    public struct ScaleQuestion: Sendable {
        public var id: String
        public var text: String
        public var range: ScaleRange?
        public var means: [ScaleMean]
        /// The answers × district, protected as crosstab protects it (no "(ej svar)"): the distribution chart.
        public var table: CrossTable?
        /// An integer or decimal question (counts, members, kronor): its means are protected as numbers
        /// (`ScaleMean.protected(distributions:…numbers:)`).
        public var numbers: Bool
        /// The survey's title, where the report has several surveys.
        public var survey: String?
        /// The survey's id.
        public var surveyID = ""
        /// Areas with too few answers, shown together (`AreaPooling`): their means are the pool's.
        public private(set) var pools = AreaPools()

        /// Takes the pools its means were computed with: a pool of every area repeats the whole, and is not shown.
        public mutating func set(pools: AreaPools) {
            self.pools = pools
            if pools.nothingBrokenOut { means.removeAll { pools.pools[$0.group] != nil } }
        }

        public init(
            id: String, text: String, range: ScaleRange?, means: [ScaleMean], table: CrossTable? = nil, numbers: Bool = false,
            survey: String? = nil
        ) {
            self.id = id
            self.text = text
            self.range = range
            self.means = means
            self.table = table
            self.numbers = numbers
            self.survey = survey
        }
    }

    /// What the report leaves out, for its method box.
    public struct LeftOut: Sendable, Equatable {
        /// Closed questions no one in the selection answered (their texts).
        public var unanswered: [String] = []
        /// Themes no one in the selection raised (their labels).
        public var silentThemes: [String] = []
        /// Technical columns and columns that identify people, never in a report.
        public var technical = 0
        public var identifying = 0

        public init() {}

        public var isEmpty: Bool { unanswered.isEmpty && silentThemes.isEmpty && technical == 0 && identifying == 0 }
    }

    /// A share that stands out: what it is of (a theme, a question's answer) and the difference.
    public struct Difference: Sendable, Equatable {
        /// `theme` or a question's id.
        public var source: String
        /// The theme's label, or the question's text and the answer.
        public var subject: String
        public var difference: ShareDifference

        public init(source: String, subject: String, difference: ShareDifference) {
            self.source = source
            self.subject = subject
            self.difference = difference
        }
    }

    /// kind × district.
    public var basis: CrossTable
    public var surveys: [SurveyBasis]
    /// theme × district.
    public var themes: CrossTable
    /// Theme ids with their labels and parents, in codebook order.
    public var themeLabels: [String: String]
    public var themeParents: [String: String]
    public var choices: [ChoiceQuestion]
    public var scales: [ScaleQuestion]
    /// Theme and choice shares per district against the whole that hold by `differenceRule`, largest first (all of
    /// them; reports pick).
    public var differences: [Difference]
    /// The rule they were chosen by, and how many differences it compared (the family its correction is over).
    public var differenceRule: DifferenceRule
    public var comparedDifferences: Int
    /// The order of the areas and their groups (every table's columns are in this order once `arranged(by:)`).
    public var areas = AreaArrangement(order: [])
    /// What the report leaves out.
    public var leftOut = LeftOut()
    /// Themes fewer than min-cell raised in the whole selection (labels; their rows left out of `themes`).
    public var rareThemes: [String] = []
    /// Rating batteries among the scale questions (`RatingBattery`), shown as one table each.
    public var batteries: [RatingBattery] = []
    /// An area is broken out from this many answers (`--min-base`): fewer, and its questions are pooled and its
    /// heatmap squares are not coloured. 0: no such rule.
    public var minBase = 0
    /// The registry's map, where it has one: the overview draws each theme's share on it.
    public var map: AreaMap?

    public init(
        basis: CrossTable, surveys: [SurveyBasis], themes: CrossTable, themeLabels: [String: String], themeParents: [String: String],
        choices: [ChoiceQuestion], scales: [ScaleQuestion], differences: [Difference], differenceRule: DifferenceRule = DifferenceRule(),
        comparedDifferences: Int = 0
    ) {
        self.differenceRule = differenceRule
        self.comparedDifferences = comparedDifferences
        self.basis = basis
        self.surveys = surveys
        self.themes = themes
        self.themeLabels = themeLabels
        self.themeParents = themeParents
        self.choices = choices
        self.scales = scales
        self.differences = differences
    }
}

extension MappingSummary {
    /// The same numbers with every table's areas in `arrangement`'s order and its groups kept for the layout.
    public func arranged(by arrangement: AreaArrangement) -> MappingSummary {
        var summary = self
        summary.areas = arrangement
        summary.basis = basis.arrangingColumns(arrangement.order)
        summary.themes = themes.arrangingColumns(arrangement.order(with: themes.districtPools))
        for index in summary.choices.indices {
            summary.choices[index].table = choices[index].table.arrangingColumns(
                arrangement.order(with: choices[index].table.districtPools))
        }
        for index in summary.scales.indices {
            summary.scales[index].table = scales[index].table?.arrangingColumns(arrangement.order(with: scales[index].pools))
        }
        return summary
    }
}
