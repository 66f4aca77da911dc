import KartlaggningAnalysis

/// What a report's method box says: the codebook, how tags were made, how coders agree, what is counted and
/// what is hidden.
public struct MethodNote: Sendable, Equatable {
    /// Two coders' agreement over the answers both coded (pooled over themes).
    public struct Agreement: Sendable, Equatable {
        public var coderA: String
        public var coderB: String
        public var answers: Int
        public var kappa: Double?
        /// 0–1.
        public var percentAgreement: Double

        public init(coderA: String, coderB: String, answers: Int, kappa: Double?, percentAgreement: Double) {
            self.coderA = coderA
            self.coderB = coderB
            self.answers = answers
            self.kappa = kappa
            self.percentAgreement = percentAgreement
        }
    }

    /// Someone who coded by hand, and how many answers.
    public struct Coder: Sendable, Equatable {
        public var name: String
        public var answers: Int

        public init(name: String, answers: Int) {
            self.name = name
            self.answers = answers
        }
    }

    public var codebook: String
    public var version: String
    public var revision: Int
    public var themes: Int
    public var freeTextAnswers: Int
    /// Free-text answers the codebook's latest revision tagged with at least one theme.
    public var autoTaggedAnswers: Int
    /// Whether the codebook's latest revision has been applied to the answers (`kartlagg tag`).
    public var applied: Bool
    /// Free-text answers the revision has not tagged yet: the report says so, theme counts leave them out.
    public var untagged = 0
    /// People who coded by hand, with how many answers each coded.
    public var coders: [Coder]
    public var agreements: [Agreement]
    public var minCell: Int
    /// The report's selection, as `key = value` lines (empty: everything).
    public var selection: [String]
    /// False for an overview made without a codebook (closed questions only).
    public var hasCodebook = true
    /// Overview and district reports: which differences they show, and how many were compared.
    public var differenceRule: DifferenceRule?
    public var comparedDifferences = 0
    /// What the report leaves out (questions no one answered, themes no one raised, technical and identifying columns).
    public var leftOut = MappingSummary.LeftOut()
    /// Whether the publication ledger was started anew for this report (`--fresh`): earlier outputs do not count.
    public var freshLedger = false
    /// Areas with fewer answers to a question are shown together (`--min-base`, overview); 0: not stated.
    public var minBase = 0

    public init(
        codebook: String, version: String, revision: Int, themes: Int, freeTextAnswers: Int, autoTaggedAnswers: Int,
        coders: [Coder], agreements: [Agreement], minCell: Int, selection: [String], applied: Bool = true
    ) {
        self.applied = applied
        self.codebook = codebook
        self.version = version
        self.revision = revision
        self.themes = themes
        self.freeTextAnswers = freeTextAnswers
        self.autoTaggedAnswers = autoTaggedAnswers
        self.coders = coders
        self.agreements = agreements
        self.minCell = minCell
        self.selection = selection
    }
}
