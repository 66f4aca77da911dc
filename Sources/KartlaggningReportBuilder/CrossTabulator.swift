import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel

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
        let made = try table(spec, counted: nil, memo: &memo)
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
    private func table(_ spec: CrossSpec, counted: CrossCounts?, memo: inout [String: CrossTable]) throws -> CrossTable {
        let key =
            "\(spec.rows)\u{1F}\(spec.cols)\u{1F}"
            + spec.filters.map { "\($0.key)=\($0.value.joined(separator: ","))" }.sorted().joined(separator: "&")
        if let known = memo[key] { return known }
        let counted = try counted ?? counts(spec)
        let known = publication?.knowledge ?? PublishedKnowledge()
        guard spec.minCell > 0,
            let (dimension, values) = spec.filters.sorted(by: { $0.key.description < $1.key.description })
                .first(where: { $0.key != .theme && !$0.value.isEmpty })
        else {
            let plain = CrossTabulation.tabulate(counted, spec: spec, known: known)
            memo[key] = plain
            return plain
        }
        // The same rows × cols without the filter: what it hides is hidden in the view too — a view's cell is part of
        // its cell (and would bound it from below), its row or column total (filtered on that very dimension) is its
        // total, and the view's whole is one of its totals.
        var whole = spec
        whole.filters[dimension] = nil
        whole.stats = false
        whole.audit = false
        let wholeTable = try table(whole, counted: nil, memo: &memo)
        var linkedKnown = known
        linkedKnown.hidden.formUnion(wholeTable.hiddenKeys)
        let viewWhole = FactKeys(spec: spec, rowValues: [], colValues: []).grand
        // A part of a selection withheld whole is withheld too.
        if wholeTable.totalSuppressed { linkedKnown.hidden.insert(viewWhole) }
        let cells = Set(wholeTable.cells.filter(\.suppressed).map { $0.row + "\u{1F}" + $0.col })
        var linkedRows = Set<String>()
        var linkedCols = Set<String>()
        if dimension != spec.rows && dimension != spec.cols {
            /// The totals of `axis` that the unfiltered `axis` × dimension table hides for one of the filter's values.
            func linked(_ axis: CrossDimension) throws -> Set<String> {
                var parent = spec
                parent.filters[dimension] = nil
                parent.rows = axis
                parent.cols = dimension
                parent.stats = false
                parent.audit = false
                let made = try table(parent, counted: nil, memo: &memo)
                linkedKnown.hidden.formUnion(made.hiddenKeys)
                let lookup = CrossTable.Lookup(made)
                // The view's whole is the sum of the filter's values' totals there: hidden where one of them is.
                if made.totalSuppressed
                    || values.contains(where: { value in made.colTotals.contains { $0.value == value && $0.suppressed } })
                {
                    linkedKnown.hidden.insert(viewWhole)
                }
                let hidden = (axis == spec.rows ? counted.rowValues : counted.colValues).filter { value in
                    values.contains { lookup.cell(value, $0)?.suppressed == true }
                }
                return Set(hidden)
            }
            linkedRows = try linked(spec.rows)
            linkedCols = try linked(spec.cols)
        } else if values.count > 1 {
            // Filtered on its own rows (columns): the whole is the sum of the filter's values' totals in the unfiltered
            // table.
            let totals = dimension == spec.rows ? wholeTable.rowTotals : wholeTable.colTotals
            if values.contains(where: { value in totals.contains { $0.value == value && $0.suppressed } }) {
                linkedKnown.hidden.insert(viewWhole)
            }
        }
        let linkedTable = CrossTabulation.tabulate(
            counted, spec: spec, linkedRowTotals: linkedRows, linkedColTotals: linkedCols, linkedCells: cells, known: linkedKnown)
        memo[key] = linkedTable
        return linkedTable
    }

    /// What the store knows for `spec`, counted, with its pools of areas added up: every table's counts come from here
    /// (the overview works out a scale's means from them before `table(_:spec:)` protects its table).
    func counts(_ spec: CrossSpec) throws -> CrossCounts {
        var counted = CrossEngine.counts(try store.crossFacts(spec), spec: spec)
        if !spec.kindPools.isEmpty, spec.cols == .kind || spec.rows == .kind {
            counted = counted.pooling(spec.kindPools, areasAreColumns: spec.cols == .kind)
        }
        guard !spec.districtPools.isEmpty, spec.cols == .district || spec.rows == .district else { return counted }
        return counted.pooling(spec.districtPools, areasAreColumns: spec.cols == .district)
    }

    /// Respondent kind × `cols` with a kind fewer than `minCell` respondents in all counted with another
    /// (`KindPooling`), so that every kind's total, and the whole, can be shown: the reports' basis.
    public func respondentsByKind(
        by cols: CrossDimension, filters: [CrossDimension: [String]], minCell: Int
    ) throws -> CrossTable {
        var spec = CrossSpec(rows: .kind, cols: cols)
        spec.filters = filters
        spec.minCell = minCell
        var counted = try counts(spec)
        spec.kindPools = KindPooling.plan(Array(zip(counted.rowValues, counted.rowBase)), minCell: minCell)
        guard !spec.kindPools.isEmpty else { return try table(spec) }
        counted = counted.pooling(spec.kindPools, areasAreColumns: false)
        var memo: [String: CrossTable] = [:]
        let made = try table(spec, counted: counted, memo: &memo)
        publication?.record(made)
        return made
    }

    /// `rows` × `cols`, respondents counted, column percentages, `filters` applied: the tables reports show. With
    /// `pooling` and areas as the columns, areas with too few answers are shown together (`AreaPooling`); the tables
    /// linked to it pool the same areas.
    public func respondents(
        _ rows: CrossDimension, by cols: CrossDimension, filters: [CrossDimension: [String]], codebook: StoredCodebook?, minCell: Int,
        pooling: AreaPooling? = nil
    ) throws -> CrossTable {
        var spec = CrossSpec(rows: rows, cols: cols)
        spec.codebook = codebook
        spec.filters = filters
        spec.minCell = minCell
        return try table(spec, pooling: pooling)
    }

    /// `table(_:)` with the districts (columns or rows) that have fewer answers than `pooling.minBase` shown together
    /// (`AreaPooling`), planned from this table's own bases; the tables linked to it pool the same districts.
    public func table(_ spec: CrossSpec, pooling: AreaPooling?) throws -> CrossTable {
        guard let pooling, pooling.minBase > 1, spec.cols == .district || spec.rows == .district else { return try table(spec) }
        var spec = spec
        let columns = spec.cols == .district
        var counted = try counts(spec)
        let bases = columns ? zip(counted.colValues, counted.colBase) : zip(counted.rowValues, counted.rowBase)
        spec.districtPools = pooling.plan(bases.map { ($0, $1) })
        counted = counted.pooling(spec.districtPools, areasAreColumns: columns)
        var memo: [String: CrossTable] = [:]
        let made = try table(spec, counted: counted, memo: &memo)
        publication?.record(made)
        return made
    }
}
