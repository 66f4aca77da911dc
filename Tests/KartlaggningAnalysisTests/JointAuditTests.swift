import KartlaggningCore
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningAnalysis

/// Several published tables audited together (#22.3, #22.4): a number is one unknown in every table it sits in
/// (`FactKeys`), and a table made after others hides what they hid and never hides what they showed.
struct JointAuditTests {
    static let kinds = ["företag", "förening", "offentlig"]
    static let districts = ["Anundsjö", "Nätra", "BLT"]

    /// kind × district from `counts` (rows kinds, columns districts), filtered to the kinds and districts given.
    static func table(
        _ counts: [[Int]], kinds wanted: [String]? = nil, districts only: [String]? = nil, transposed: Bool = false,
        known: PublishedKnowledge = PublishedKnowledge()
    ) -> CrossTable {
        var spec = transposed ? CrossSpec(rows: .district, cols: .kind) : CrossSpec(rows: .kind, cols: .district)
        if let wanted { spec.filters[.kind] = wanted }
        if let only { spec.filters[.district] = only }
        var kept = counts
        for (r, kind) in kinds.enumerated() {
            for (c, district) in districts.enumerated()
            where !(wanted?.contains(kind) ?? true) || !(only?.contains(district) ?? true) {
                kept[r][c] = 0
            }
        }
        let grid = transposed ? districts.indices.map { c in kinds.indices.map { kept[$0][c] } } : kept
        let (rowValues, colValues) = transposed ? (districts, kinds) : (kinds, districts)
        let counted = CrossCounts(
            counts: grid, rowBase: grid.map { $0.reduce(0, +) },
            colBase: colValues.indices.map { c in grid.reduce(0) { $0 + $1[c] } }, grand: grid.joined().reduce(0, +),
            rowValues: rowValues, colValues: colValues)
        return CrossTabulation.tabulate(counted, spec: spec, known: known)
    }

    static let counts = [[1, 5, 6], [4, 7, 3], [5, 2, 8]]

    @Test func theSameCountHasTheSameKeyInEveryTable() throws {
        let whole = try #require(Self.table(Self.counts).publication)
        let view = try #require(Self.table(Self.counts, districts: ["Nätra"]).publication)
        let turned = try #require(Self.table(Self.counts, transposed: true).publication)
        // The view's förening total is the cell (förening, Nätra) of the whole table.
        let cellKey = whole.keys[1 * 3 + 1]
        #expect(view.keys[9 + 1] == cellKey)
        #expect(view.keys[1 * 3 + 1] == cellKey)
        // Turned round, the same numbers: cell (Nätra, förening), and the totals swap places.
        #expect(turned.keys[1 * 3 + 1] == cellKey)
        #expect(Set(turned.keys) == Set(whole.keys))
        // Another district's column in the view counts no one: it keeps a key of its own.
        #expect(view.keys[1 * 3 + 0] != whole.keys[1 * 3 + 0])
        #expect(FactKeys.describe(cellKey) == "district=Nätra, kind=förening")
    }

    /// The filtered-view attack: the view shows a cell the whole table hid, and the hidden one follows from
    /// the whole table's shown column. Made without what the whole table published, the audit of the two finds it;
    /// made with it, nothing.
    @Test func aViewMadeWithoutTheLedgerGivesAwayWhatTheAuditFinds() throws {
        let whole = Self.table(Self.counts)
        let wholePublished = try #require(whole.publication)
        var attacks = 0
        for district in Self.districts {
            let blind = try #require(Self.table(Self.counts, districts: [district]).publication)
            let blindAudit = JointAudit.audit([wholePublished, blind])
            if !blindAudit.findings.isEmpty || !blindAudit.shownElsewhere.isEmpty { attacks += 1 }
            var known = PublishedKnowledge()
            known.add(wholePublished)
            let linked = try #require(Self.table(Self.counts, districts: [district], known: known).publication)
            let audit = JointAudit.audit([wholePublished, linked])
            #expect(audit.findings.isEmpty, "\(district): \(audit.findings)")
            #expect(audit.shownElsewhere.isEmpty, "\(district): \(audit.shownElsewhere)")
            #expect(audit.inconsistent.isEmpty)
        }
        #expect(attacks > 0)
        // Förening in Anundsjö (1) is hidden, and the audit says what a reader of the blind view could work out.
        let blind = try #require(Self.table(Self.counts, districts: ["Anundsjö"]).publication)
        let found = JointAudit.audit([wholePublished, blind])
        #expect(found.findings.contains { $0.value == "district=Anundsjö, kind=företag" && $0.lower == 1 && $0.upper == 1 })
    }

    /// A report's set of tables, made in turn with what the earlier ones published (as `Publication` does): the whole
    /// table, both orientations, and every district's and kind's view. Over generated tables, nothing any of them
    /// hides can be narrowed below min-cell from all of them together, and nothing one hides another shows. (Before
    /// views were withheld where their own size is hidden, seeds 6 and 9 gave hidden totals away through a view's N.)
    @Test(arguments: 1...60)
    func aSetOfLinkedTablesIsProtectedTogether(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(seed))
        let counts = Self.kinds.map { _ in Self.districts.map { _ in [0, 1, 2, 3, 4, 6, 9][Int.random(in: 0..<7, using: &random)] } }
        var known = PublishedKnowledge()
        var published: [PublishedTable] = []
        var withheld = 0
        func publish(_ table: CrossTable) throws {
            if table.totalSuppressed {
                // A selection whose own size is hidden (the kind's or the district's total) shows nothing at all.
                #expect(table.cells.allSatisfy { $0.n == nil || $0.n == 0 } && table.shownTotal == nil)
                #expect(table.rowTotals.allSatisfy { $0.n == nil || $0.n == 0 } && table.publication == nil)
                withheld += 1
                return
            }
            let record = try #require(table.publication)
            known.add(record)
            published.append(record)
        }
        try publish(Self.table(counts, known: known))
        try publish(Self.table(counts, transposed: true, known: known))
        for district in Self.districts { try publish(Self.table(counts, districts: [district], known: known)) }
        for kind in Self.kinds { try publish(Self.table(counts, kinds: [kind], known: known)) }
        let audit = JointAudit.audit(published)
        #expect(audit.tables + withheld == 8)
        #expect(audit.findings.isEmpty, "\(counts): \(audit.findings)")
        #expect(audit.shownElsewhere.isEmpty, "\(counts): \(audit.shownElsewhere)")
        #expect(audit.inconsistent.isEmpty)
        // The same table turned round hides the same numbers.
        let keys = Set(published[0].published.filter(\.hidden).map(\.key))
        #expect(Set(published[1].published.filter(\.hidden).map(\.key)) == keys)
    }
}
