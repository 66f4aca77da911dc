/// What the database holds, for `kartlagg status`.
public struct StoreStatus: Codable, Sendable, Equatable {
    public init(
        surveys: [SurveySummary], respondents: Int, answers: Int, freeTextAnswers: Int, districts: Int,
        byKindAndDistrict: [KindDistrictCount], imports: [ImportBatch]
    ) {
        self.surveys = surveys
        self.respondents = respondents
        self.answers = answers
        self.freeTextAnswers = freeTextAnswers
        self.districts = districts
        self.byKindAndDistrict = byKindAndDistrict
        self.imports = imports
    }

    /// Respondents of one kind in one district (nil: no district given).
    public struct KindDistrictCount: Codable, Sendable, Equatable {
        public var kind: String
        public var district: String?
        public var respondents: Int
    }

    public var surveys: [SurveySummary]
    public var respondents: Int
    public var answers: Int
    public var freeTextAnswers: Int
    public var districts: Int
    public var byKindAndDistrict: [KindDistrictCount]
    public var imports: [ImportBatch]
}
