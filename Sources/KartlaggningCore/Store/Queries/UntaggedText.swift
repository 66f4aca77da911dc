import GRDB

/// A free text a tagging run reads: its answer, text, question and respondent, and the revision of the codebook that
/// tagged it before (nil: none), with how many auto tags that revision gave it.
struct UntaggedText: Sendable {
    var answerId: Int64
    var text: String
    var question: String
    var respondentId: Int64
    var previousRevision: Int?
    var previousAutoTags: Int
    var questionKey: Int64

    /// Decoded where a cursor stands on a row of `id, raw, question, respondentId, revision, autoTags`, with its
    /// text's bytes (what a batch is bounded by).
    static func decode(_ row: Row) -> (UntaggedText, textBytes: Int) {
        let text: String = row[1] ?? ""
        let read = UntaggedText(
            answerId: row[0], text: text, question: row[2], respondentId: row[3], previousRevision: row[4],
            previousAutoTags: row[5] ?? 0, questionKey: row[6])
        return (read, text.utf8.count)
    }
}
