import KartlaggningCore
import KartlaggningModel
import Testing

@testable import KartlaggningAnalysis

/// Respondent kinds too small to show their own total counted with another (#23: no whole-municipality `··`).
struct KindPoolingTests {
    @Test func kindsAtMinCellStandAlone() {
        #expect(KindPooling.plan([("företag", 28), ("förening", 3), ("offentlig", 0)], minCell: 3).isEmpty)
        #expect(KindPooling.plan([("företag", 28), ("offentlig", 1)], minCell: 0).isEmpty)
    }

    /// The sample: 2 public bodies among 171. Alone below 3, they join the smallest other kind (27 associations, not
    /// the 28 firms), named in the table's order.
    @Test func aSmallKindJoinsTheSmallestOther() {
        let plan = KindPooling.plan([("företag", 28), ("förening", 27), ("offentlig", 2), ("privatperson", 114)], minCell: 3)
        #expect(plan.pools == ["förening + offentlig": ["förening", "offentlig"]])
        #expect(plan.order == ["förening + offentlig"])
        #expect(plan.small == ["offentlig"])
        #expect(plan.minBase == 3)
        #expect(!plan.nothingBrokenOut)
    }

    /// Two small kinds reaching min-cell together are one pool of their own; a name taken by a kind is told apart.
    @Test func smallKindsTogetherFirst() {
        let plan = KindPooling.plan([("företag", 40), ("offentlig", 2), ("temagrupp", 1)], minCell: 3)
        #expect(plan.pools == ["offentlig + temagrupp": ["offentlig", "temagrupp"]])
        #expect(plan.small == ["offentlig", "temagrupp"])
        let named = KindPooling.plan([("a + b", 10), ("a", 1), ("b", 2)], minCell: 3)
        #expect(named.pools == ["a + b *": ["a", "b"]])
    }

    /// One kind only, below min-cell: nothing to count it with.
    @Test func aLoneSmallKindStaysAsItIs() {
        #expect(KindPooling.plan([("offentlig", 2)], minCell: 3).isEmpty)
    }
}
