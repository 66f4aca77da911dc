import Testing

@testable import KartlaggningCore

/// A tagging run's batches: 250 answers until their tags are known, then 2,000 where answers carry a few tags, fewer
/// where they carry many, never none.
struct TagBatchSizeTests {
    @Test func aBatchAimsAtItsTagsAtTheLastBatchsRate() {
        var size = TagBatchSize()
        #expect(size.answers == 250, "until tags are known")
        size.saw(answers: 2_000, tags: 5_000)
        #expect(size.answers == 2_000, "2.5 tags and words an answer: 5,000 a batch")
        size.saw(answers: 2_000, tags: 2_000_000)
        #expect(size.answers == 100, "1,000 an answer: 100,000 in 100 answers")
        size.saw(answers: 100, tags: 0)
        #expect(size.answers == 2_000, "no tags: back to 2,000")
        size.saw(answers: 1, tags: 50_000_000)
        #expect(size.answers == 1, "one answer at least")
        size.saw(answers: 0, tags: 0)
        #expect(size.answers == 1, "an empty batch says nothing")
    }
}
