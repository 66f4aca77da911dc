/// A set of answer ids as a bit per id up to the largest (ids are dense: `answer`'s AUTOINCREMENT rowids), so a pass
/// over millions of answers notes which are free texts in a few megabytes.
struct AnswerIdSet {
    private var words: [UInt64]

    /// An empty set for ids from 0 to `largest`.
    init(upTo largest: Int64) {
        words = Array(repeating: 0, count: Int(max(largest, 0) / 64 + 1))
    }

    mutating func insert(_ id: Int64) {
        guard id >= 0, Int(id / 64) < words.count else { return }
        words[Int(id / 64)] |= 1 << UInt64(id % 64)
    }

    func contains(_ id: Int64) -> Bool {
        guard id >= 0, Int(id / 64) < words.count else { return false }
        return words[Int(id / 64)] & (1 << UInt64(id % 64)) != 0
    }
}
