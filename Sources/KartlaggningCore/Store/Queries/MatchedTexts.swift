/// A batch of free texts as the tagging run's matching thread gives it to the writer: the texts, in answer order; each
/// one's tags ready to write; and, in a first run, the batch's part of the theme digest (nil where it could not be
/// read: the digest is then made afterwards instead).
struct MatchedTexts: Sendable {
    var texts: [UntaggedText]
    var tags: [PreparedTags]
    var digest: ThemeDigestTally?
}
