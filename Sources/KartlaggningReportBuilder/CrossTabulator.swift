import KartlaggningAnalysis
import KartlaggningCore

/// Makes a cross-tab from the store the one way `crosstab` and every report make it: what the store knows
/// (`crossFacts`), counted by `CrossEngine`, tabulated and protected by `CrossTabulation`, all by one `CrossSpec`,
/// so a report's numbers are `crosstab`'s.
public struct CrossTabulator: Sendable {
    public let store: KartlaggningStore

    public init(store: KartlaggningStore) {
        self.store = store
    }

    /// The table `spec` asks for.
    public func table(_ spec: CrossSpec) throws -> CrossTable {
        CrossTabulation.tabulate(CrossEngine.counts(try store.crossFacts(spec), spec: spec), spec: spec)
    }

    /// `rows` × `cols`, respondents counted, column percentages, `filters` applied: the tables reports show.
    public func respondents(
        _ rows: CrossDimension, by cols: CrossDimension, filters: [CrossDimension: [String]], codebook: StoredCodebook?, minCell: Int
    ) throws -> CrossTable {
        var spec = CrossSpec(rows: rows, cols: cols)
        spec.codebook = codebook
        spec.filters = filters
        spec.minCell = minCell
        return try table(spec)
    }
}
