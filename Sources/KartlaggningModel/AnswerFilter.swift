/// Which answers a theme query returns. Every filter given must hold; `themes` match any of them.
public struct AnswerFilter: Sendable, Equatable {
    /// The codebook whose tags count.
    public var codebook: String?
    /// Theme ids, each already expanded with the themes below it.
    public var themes: [String] = []
    public var district: String?
    public var serviceTown: String?
    public var kind: String?
    public var survey: String?
    public var wave: String?
    public var question: String?
    /// An FTS5 query over the free texts (`buss OR tåg`, `"inget samarbete"`, `bredband*`).
    public var text: String?
    /// Only answers with no theme of the codebook.
    public var untagged = false
    /// Answers to questions the survey marks identifying too (`--include-identifying`).
    public var includeIdentifying = false
    public var limit: Int?
    /// Only these answers (by id).
    public var answerIds: [Int64]?
    /// Whether the result counts every matching answer and respondent (`answers`, `respondents`); false: a page's
    /// hits only, the counts 0 (the workbench, which shows the protected table's count instead).
    public var countAll = true

    public init() {}
}
