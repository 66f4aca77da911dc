import Testing

@testable import KartlaggningCore

/// The import's filter of ids written: never says an id written is new, whatever the count (filters are added as
/// it fills), and says most ids never written are.
struct SeenIdsTests {
    @Test func anIdWrittenIsNeverTakenForNew() {
        let seen = SeenIds()
        let written = (0..<300_000).map { "id-\($0 * 7)" }
        for id in written { seen.insert(SeenIds.hash(id)) }
        #expect(written.allSatisfy { seen.mightContain(SeenIds.hash($0)) })
        // Ids never written: nearly all are known to be new (a full filter errs for about 2.4 % of them).
        let others = (0..<100_000).map { "other-\($0)" }
        let mistaken = others.filter { seen.mightContain(SeenIds.hash($0)) }.count
        #expect(mistaken < 8_000, "\(mistaken) of 100,000 taken for seen")
        #expect(!SeenIds().mightContain(SeenIds.hash("anything")))
    }
}
