/// How many answers a tagging run reads at a time: 2,000, fewer where their tags are many (and 250 until the first
/// batch's tags are known). Two batches are in memory at once (one matched while the last one's tags are written), so
/// a batch is bounded three ways: by answers, by the bytes of their texts (`TextBatch`: 2,000 interview notes near the
/// 1 MB cell limit would be 2 GB), and by the tags and matched words the answers before it carried (`tags`: a codebook
/// of broad patterns can give every answer hundreds).
struct TagBatchSize {
    /// Answers at most.
    static let most = 2_000
    /// Tags and matched words aimed at (each tag counts one, and each of its matched words one more).
    static let tags = 100_000

    /// Answers of the first batch, read before any tags are known.
    static let first = 250

    /// The next batch's answers.
    private(set) var answers = Self.first

    /// Notes what the last batch carried: the next batch aims at `tags` at that rate (at least one answer).
    mutating func saw(answers read: Int, tags carried: Int) {
        guard read > 0 else { return }
        let perAnswer = Double(carried) / Double(read)
        answers = perAnswer <= 0 ? Self.most : min(Self.most, max(1, Int(Double(Self.tags) / perAnswer)))
    }
}
