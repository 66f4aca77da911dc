import KartlaggningCore
import KartlaggningModel
import Testing

@testable import KartlaggningAnalysis

/// Areas with too few answers to a question shown together (#23.3): in their registry group, else in "Övriga
/// områden", which takes the smallest column shown until it reaches the threshold.
struct AreaPoolingTests {
    static let pooling = AreaPooling(minBase: 10, groups: [:], other: "Övriga områden", groupRest: { "\($0), övriga" })

    @Test func areasAtTheThresholdStandAlone() {
        #expect(Self.pooling.plan([("A", 10), ("B", 25), ("C", 0)]).isEmpty)
        #expect(AreaPooling(minBase: 0, other: "Ö", groupRest: { $0 }).plan([("A", 1)]).isEmpty)
    }

    /// The sample's "Hur gammal är du?": 19, 21, 13 and 7. BLT alone is too small, so the smallest shown column
    /// (Grundsunda, 13) joins it.
    @Test func theRestTakesTheSmallestColumnUntilItIsLargeEnough() {
        let plan = Self.pooling.plan([("Anundsjö", 19), ("Nätra", 21), ("Grundsunda", 13), ("BLT", 7)])
        #expect(plan.pools == ["Övriga områden": ["Grundsunda", "BLT"]])
        #expect(plan.order == ["Övriga områden"])
        #expect(plan.rest == "Övriga områden")
        #expect(!plan.nothingBrokenOut)
        #expect(plan.minBase == 10)
    }

    @Test func everyAreaSmallMeansNothingIsBrokenOut() {
        let plan = Self.pooling.plan([("Anundsjö", 6), ("Nätra", 7), ("Grundsunda", 6), ("BLT", 6)])
        #expect(plan.pools == ["Övriga områden": ["Anundsjö", "Nätra", "Grundsunda", "BLT"]])
        #expect(plan.nothingBrokenOut)
    }

    @Test func smallAreasGoToTheirGroupFirst() {
        var pooling = Self.pooling
        pooling.groups = [
            "Bjästa": "Nätra omland", "Köpmanholmen": "Nätra omland", "Skorped": "Anundsjö omland", "Bredbyn": "Anundsjö omland",
        ]
        // Bjästa and Köpmanholmen together reach 10: their group (all of its areas) is a column. Skorped is the only
        // small area of its group (Bredbyn stands alone): it goes to the rest with the ungrouped Gideå, 4 + 7 = 11.
        let plan = pooling.plan([
            ("Bredbyn", 30), ("Skorped", 4), ("Bjästa", 6), ("Köpmanholmen", 5), ("Gideå", 7), ("Husum", 40),
        ])
        #expect(plan.pools == ["Nätra omland": ["Bjästa", "Köpmanholmen"], "Övriga områden": ["Skorped", "Gideå"]])
        #expect(plan.order == ["Nätra omland", "Övriga områden"])
        // Where some of a group's areas stand alone, its pool says it holds the rest of them.
        let partly = pooling.plan([("Bjästa", 6), ("Köpmanholmen", 5), ("Nätra", 12)].map { ($0.0, $0.1) })
        #expect(partly.pools.keys.sorted() == ["Nätra omland"])
        pooling.groups["Nätra"] = "Nätra omland"
        let rest = pooling.plan([("Bjästa", 6), ("Köpmanholmen", 5), ("Nätra", 12)])
        #expect(rest.pools == ["Nätra omland, övriga": ["Bjästa", "Köpmanholmen"]])
    }

    @Test func aPoolIsNeverNamedAsAnArea() {
        let plan = Self.pooling.plan([("Övriga områden", 3), ("B", 4), ("C", 30)])
        #expect(plan.pools.keys.sorted() == ["Övriga områden *"])
    }

    /// Counts pooled: each pool's columns added, the rest last; row bases and the whole unchanged.
    @Test func poolingAddsTheColumnsAndKeepsEveryCount() {
        let counted = CrossCounts(
            counts: [[5, 1, 9, 2], [14, 6, 4, 5]], rowBase: [17, 29], colBase: [19, 7, 13, 7], grand: 46,
            rowValues: ["ja", "nej"], colValues: ["Anundsjö", "BLT", "Nätra", "Gideå"])
        let plan = Self.pooling.plan(zip(counted.colValues, counted.colBase).map { ($0, $1) })
        let pooled = counted.pooling(plan)
        #expect(pooled.colValues == ["Anundsjö", "Nätra", "Övriga områden"])
        #expect(pooled.counts == [[5, 9, 3], [14, 4, 11]])
        #expect(pooled.colBase == [19, 13, 14])
        #expect(pooled.rowBase == counted.rowBase)
        #expect(pooled.grand == counted.grand)
        #expect(pooled.counts.joined().reduce(0, +) == counted.counts.joined().reduce(0, +))
    }

    /// A pool's numbers are named as counts of all its areas: the same key as `--where district=BLT --where
    /// district=Gideå`, and the ledger's partition lists the areas, never the pool.
    @Test func aPoolIsNamedAsItsAreasTogether() throws {
        var spec = CrossSpec(rows: .kind, cols: .district)
        spec.districtPools.pools = ["Övriga områden": ["BLT", "Gideå"]]
        spec.districtPools.order = ["Övriga områden"]
        let keys = FactKeys(spec: spec, rowValues: ["företag"], colValues: ["Anundsjö", "Övriga områden"])
        var view = CrossSpec(rows: .kind, cols: .district)
        view.filters[.district] = ["Gideå", "BLT"]
        #expect(keys.colTotals[1] == FactKeys(spec: view, rowValues: [], colValues: []).grand)
        let table = CrossTabulation.tabulate(
            CrossCounts(
                counts: [[12, 14]], rowBase: [26], colBase: [12, 14], grand: 26, rowValues: ["företag"],
                colValues: ["Anundsjö", "Övriga områden"]), spec: spec)
        let published = try #require(table.publication)
        #expect(published.partitions["district"] == ["Anundsjö", "BLT", "Gideå"])
        #expect(table.districtPools.pools["Övriga områden"] == ["BLT", "Gideå"])
    }

    /// The joint audit knows a pool is the sum of its areas: a pool shown with one of its two areas shown elsewhere
    /// gives the other away, and the audit says so.
    @Test func theJointAuditAddsAPoolUp() throws {
        // Theme rows do not partition respondents, so only the pool's own relation links the numbers.
        var pooledSpec = CrossSpec(rows: .theme, cols: .district)
        pooledSpec.districtPools.pools = ["Övriga områden": ["BLT", "Nätra"]]
        let pooled = CrossTabulation.tabulate(
            CrossCounts(
                counts: [[6, 5]], rowBase: [11], colBase: [20, 12], grand: 32, rowValues: ["bredband"],
                colValues: ["Anundsjö", "Övriga områden"], multiResponseRows: true), spec: pooledSpec)
        // A table hiding (bredband, Nätra) = 2, and one showing (bredband, BLT) = 3.
        func view(_ district: String, _ n: Int, hide: Bool) -> PublishedTable? {
            var spec = CrossSpec(rows: .theme, cols: .district)
            spec.filters[.district] = [district]
            spec.minCell = hide ? 3 : 1
            return CrossTabulation.tabulate(
                CrossCounts(
                    counts: [[n], [7]], rowBase: [n, 7], colBase: [6], grand: 6, rowValues: ["bredband", "skola"],
                    colValues: [district], multiResponseRows: true), spec: spec
            ).publication
        }
        let hiding = try #require(view("Nätra", 2, hide: true))
        let showing = try #require(view("BLT", 3, hide: false))
        // A fourth area, hidden too: the whole's row no longer pins Nätra down; only the pool does.
        let fourth = try #require(view("Gideå", 1, hide: true))
        let audit = JointAudit.audit([try #require(pooled.publication), hiding, showing, fourth])
        #expect(audit.findings.contains { $0.value == "district=Nätra, theme=bredband" && $0.lower == 2 && $0.upper == 2 })
    }
}
