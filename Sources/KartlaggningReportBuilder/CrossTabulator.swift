import KartlaggningAnalysis
import KartlaggningCore

/// Makes a cross-tab from the store the one way `crosstab` and every report make it: counted by the store
/// (`crossCounts`), then tabulated with the same options, so a report's numbers are `crosstab`'s.
public struct CrossTabulator: Sendable {
    public let store: KartlaggningStore

    public init(store: KartlaggningStore) {
        self.store = store
    }

    /// The table for `request`, with `options` (its multi-response flags and the theme hierarchy filled in here).
    public func table(_ request: CrossRequest, options: CrossTabulation.Options) throws -> CrossTable {
        var options = options
        let parents = request.codebook?.codebook.parents ?? [:]
        if request.rows == .theme { options.rowParents = parents }
        if request.cols == .theme { options.colParents = parents }
        return CrossTabulation.tabulate(try store.crossCounts(request), options: options)
    }

    /// `rows` × `cols`, respondents counted, column percentages, `filters` applied: the tables reports show.
    public func respondents(
        _ rows: CrossDimension, by cols: CrossDimension, filters: [CrossDimension: [String]], codebook: StoredCodebook?, minCell: Int
    ) throws -> CrossTable {
        var request = CrossRequest(rows: rows, cols: cols)
        request.codebook = codebook
        request.filters = filters
        var options = CrossTabulation.Options()
        options.rows = rows.description
        options.cols = cols.description
        options.minCell = minCell
        return try table(request, options: options)
    }
}
