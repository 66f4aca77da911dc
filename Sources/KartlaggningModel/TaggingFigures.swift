/// How a codebook's tags were made: free texts, how many the latest revision tagged, who coded by hand.
public struct TaggingFigures: Sendable {
    public init(freeTextAnswers: Int, autoTaggedAnswers: Int, applied: Bool, coders: [(name: String, answers: Int)]) {
        self.freeTextAnswers = freeTextAnswers
        self.autoTaggedAnswers = autoTaggedAnswers
        self.applied = applied
        self.coders = coders
    }

    public var freeTextAnswers: Int
    /// Free-text answers with at least one automatic tag of the latest revision.
    public var autoTaggedAnswers: Int
    /// Whether the codebook's latest revision has been applied (`kartlagg tag`).
    public var applied: Bool
    /// Free-text answers the latest revision has not tagged yet (an import or tagging that did not finish).
    public var untagged = 0
    /// People who coded by hand, with the answers each decided on.
    public var coders: [(name: String, answers: Int)]
}
