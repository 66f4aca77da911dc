import KartlaggningAnalysis
import KartlaggningCore

/// Makes a cross-tab from the store the one way `crosstab` and every report make it: what the store knows
/// (`crossFacts`), counted by `CrossEngine`, tabulated and protected by `CrossTabulation`, all by one `CrossSpec`,
/// so a report's numbers are `crosstab`'s.
public struct CrossTabulator: Sendable {
    public let store: KartlaggningStore
    /// The output the tables are for: they are protected with what it and the ledger already hold, and recorded in
    /// it. Nil: a table on its own.
    public let publication: Publication?

    public init(store: KartlaggningStore, publication: Publication? = nil) {
        self.store = store
        self.publication = publication
    }

    /// The table `spec` asks for. A filtered view (`--where district=Nätra`, a workbench filter) is a sub-table of the
    /// unfiltered one: its row totals are the cells of rows × the filter's dimension, its column totals those of
    /// cols × it. Where that table hides such a cell, the view hides the total too (and protects it); a cell the
    /// unfiltered rows × cols table hides, the view hides as well. So the two together give nothing away.
    public func table(_ spec: CrossSpec) throws -> CrossTable {
        var memo: [String: CrossTable] = [:]
        let made = try table(spec, memo: &memo)
        publication?.record(made)
        return made
    }

    /// A table made from counts the caller has (a scale's answers), protected with what the output already holds
    /// and recorded in it.
    public func table(_ counted: CrossCounts, spec: CrossSpec) -> CrossTable {
        let made = CrossTabulation.tabulate(counted, spec: spec, known: publication?.knowledge ?? PublishedKnowledge())
        publication?.record(made)
        return made
    }

    /// `table(_:)`, each linked table made once however many views share it (two filter keys link to the same ones).
    private func table(_ spec: CrossSpec, memo: inout [String: CrossTable]) throws -> CrossTable {
        let key =
            "\(spec.rows)\u{1F}\(spec.cols)\u{1F}"
            + spec.filters.map { "\($0.key)=\($0.value.joined(separator: ","))" }.sorted().joined(separator: "&")
        if let known = memo[key] { return known }
        let counted = CrossEngine.counts(try store.crossFacts(spec), spec: spec)
        let known = publication?.knowledge ?? PublishedKnowledge()
        guard spec.minCell > 0,
            let (dimension, values) = spec.filters.sorted(by: { $0.key.description < $1.key.description })
                .first(where: { $0.key != spec.rows && $0.key != spec.cols && $0.key != .theme && !$0.value.isEmpty })
        else {
            let plain = CrossTabulation.tabulate(counted, spec: spec, known: known)
            memo[key] = plain
            return plain
        }
        /// The totals of `axis` that the unfiltered `axis` × dimension table hides for one of the filter's values.
        func linked(_ axis: CrossDimension) throws -> Set<String> {
            var parent = spec
            parent.filters[dimension] = nil
            (parent.rows, parent.cols, parent.stats, parent.audit) = (axis, dimension, false, false)
            let lookup = CrossTable.Lookup(try table(parent, memo: &memo))
            let hidden = (axis == spec.rows ? counted.rowValues : counted.colValues).filter { value in
                values.contains { lookup.cell(value, $0)?.suppressed == true }
            }
            return Set(hidden)
        }
        // The same rows × cols without the filter: a cell it hides is hidden in the view too (the view's cell is part of
        // it, and would bound it from below).
        var whole = spec
        whole.filters[dimension] = nil
        (whole.stats, whole.audit) = (false, false)
        let cells = Set(try table(whole, memo: &memo).cells.filter(\.suppressed).map { $0.row + "\u{1F}" + $0.col })
        let linkedTable = CrossTabulation.tabulate(
            counted, spec: spec, linkedRowTotals: try linked(spec.rows), linkedColTotals: try linked(spec.cols), linkedCells: cells,
            known: known)
        memo[key] = linkedTable
        return linkedTable
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
