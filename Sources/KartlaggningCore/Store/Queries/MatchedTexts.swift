/// A batch of free texts as the tagging run's matching thread gives it to the writer: the texts, in answer order; each
/// one's tags ready to write; and, in a first run, the batch's part of the theme digest (nil where it could not be
/// read: the digest is then made afterwards instead).
struct MatchedTexts: Sendable {
    var texts: [UntaggedText]
    var tags: [PreparedTags]
    var digest: ThemeDigestTally?

    /// The tags and matched words the batch carries (what the next batch's size is aimed by).
    var weight: Int { tags.reduce(0) { $0 + $1.weight } }

    /// Roughly what the batch holds in memory: its texts' bytes, and 64 bytes for each tag and matched word.
    var bytes: Int { texts.reduce(0) { $0 + $1.text.utf8.count } + 64 * weight }
}
