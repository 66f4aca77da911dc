/// How two coders agree, per theme and overall, with the answer as the unit.
public struct AgreementReport: Codable, Sendable, Equatable {
    /// One theme's 2×2 table and its measures. `a` is the first coder (the one measured, e.g. `auto`),
    /// `b` the second (the reference).
    public struct ThemeAgreement: Codable, Sendable, Equatable {
        public var theme: String
        public var units: Int
        public var both: Int
        public var onlyA: Int
        public var onlyB: Int
        public var neither: Int
        /// Share of answers on which the coders agree, 0–1.
        public var percentAgreement: Double
        /// Cohen's κ; nil when chance agreement is total (both coders always, or never, use the theme).
        public var kappa: Double?
        /// Of A's tags, the share B also gave (nil when A gave none).
        public var precision: Double?
        /// Of B's tags, the share A also gave (nil when B gave none).
        public var recall: Double?
        public var f1: Double?
    }

    /// A disagreement: the answer, the theme, and which coder gave it.
    public struct Disagreement: Codable, Sendable, Equatable {
        public var answer: Int64
        public var theme: String
        public var taggedBy: String
    }

    public var coderA: String
    public var coderB: String
    /// Answers both coders coded.
    public var answers: Int
    public var themes: [ThemeAgreement]
    /// All answer × theme decisions pooled.
    public var overall: ThemeAgreement
    public var disagreements: [Disagreement]
}
