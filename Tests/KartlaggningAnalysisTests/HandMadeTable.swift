import KartlaggningCore
import KartlaggningModel

@testable import KartlaggningAnalysis

/// A table made by hand in a test: a `CrossSpec` of themes (rows) by district (columns) — the one description every
/// table is made from — with the counts' multi-response flag and, where a test needs one, a theme tree.
struct HandMadeTable {
    var spec = CrossSpec(rows: .theme, cols: .district)
    var multiResponseRows = false

    var minCell: Int {
        get { spec.minCell }
        set { spec.minCell = newValue }
    }
    var percent: PercentBase {
        get { spec.percent }
        set { spec.percent = newValue }
    }
    var stats: Bool {
        get { spec.stats }
        set { spec.stats = newValue }
    }
    var audit: Bool {
        get { spec.audit }
        set { spec.audit = newValue }
    }
    /// Each row theme's parent, as a codebook's tree.
    var rowParents: [String: String] {
        get { spec.codebook?.codebook.parents ?? [:] }
        set {
            let ids = Set(newValue.keys).union(newValue.values).sorted()
            let themes = ids.map { Theme(id: $0, label: $0, parent: newValue[$0], keywords: [$0]) }
            spec.codebook = StoredCodebook(
                codebook: Codebook(id: "test", version: "1", themes: themes), revision: 1, loadedAt: "2026-12-01")
        }
    }
}

extension CrossTabulation {
    static func tabulate(_ units: [CrossUnit], rowValues: [String], colValues: [String], options: HandMadeTable) -> CrossTable {
        tabulate(
            CrossCounts(
                units: units.map { ($0.rows, $0.cols) }, rowValues: rowValues, colValues: colValues, weighted: options.spec.weighted,
                multiResponseRows: options.multiResponseRows),
            spec: options.spec)
    }

    static func tabulate(
        counts: [[Int]], rowBase: [Int], colBase: [Int], grand: Int, rowValues: [String], colValues: [String],
        options: HandMadeTable
    ) -> CrossTable {
        tabulate(
            CrossCounts(
                counts: counts, rowBase: rowBase, colBase: colBase, grand: grand, rowValues: rowValues, colValues: colValues,
                multiResponseRows: options.multiResponseRows),
            spec: options.spec)
    }
}
