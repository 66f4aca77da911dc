/// How a codebook's tags were made: free texts, how many the latest revision tagged, who coded by hand.
public struct TaggingFigures: Sendable, Equatable {
    public var freeTextAnswers: Int
    /// Free-text answers with at least one automatic tag of the latest revision.
    public var autoTaggedAnswers: Int
    /// Whether the codebook's latest revision has been applied (`kartlagg tag`).
    public var applied: Bool
    /// People who coded by hand, with the answers each decided on.
    public var coders: [(name: String, answers: Int)]

    public static func == (a: TaggingFigures, b: TaggingFigures) -> Bool {
        a.freeTextAnswers == b.freeTextAnswers && a.autoTaggedAnswers == b.autoTaggedAnswers && a.applied == b.applied
            && a.coders.map(\.name) == b.coders.map(\.name) && a.coders.map(\.answers) == b.coders.map(\.answers)
    }
}
