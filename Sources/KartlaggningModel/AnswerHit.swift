/// A free-text answer a query found, with who gave it and the themes it carries.
public struct AnswerHit: Codable, Sendable, Equatable {
    public init(
        answer: Int64, respondent: String, kind: String, district: String? = nil, serviceTown: String? = nil, survey: String,
        wave: String? = nil, question: String, themes: [String], text: String, spans: [[Int]]
    ) {
        self.answer = answer
        self.respondent = respondent
        self.kind = kind
        self.district = district
        self.serviceTown = serviceTown
        self.survey = survey
        self.wave = wave
        self.question = question
        self.themes = themes
        self.text = text
        self.spans = spans
    }

    public var answer: Int64
    public var respondent: String
    public var kind: String
    public var district: String?
    public var serviceTown: String?
    public var survey: String
    public var wave: String?
    public var question: String
    /// Effective theme ids, in codebook order.
    public var themes: [String]
    public var text: String
    /// Where the auto tags matched, in Unicode scalars from 0, sorted.
    public var spans: [[Int]]
}
