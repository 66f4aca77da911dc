import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningReport

/// `kartlagg crosstab` as a library call: one cross-tab (or a comparison of two waves) from typed options, rendered.
///
/// ```swift
/// var query = CrossTabQuery(rows: .theme, cols: .district)
/// query.filters[.kind] = ["förening"]
/// print(try query.render(store: store, format: .markdown))
/// ```
public struct CrossTabQuery: Sendable {
    public var rows: CrossDimension
    public var cols: CrossDimension
    public var unit: CountUnit = .respondents
    public var percent: CrossTabulation.PercentBase = .col
    /// Leave out respondents with no answer to a closed question (else an "(ej svar)" category).
    public var dropMissing = false
    /// Values asked for per dimension: the same dimension's values are alternatives, different dimensions all hold.
    public var filters: [CrossDimension: [String]] = [:]
    /// The filters as the user wrote them, for the table's caption.
    public var filterText: [String] = []
    /// The codebook whose tags count; nil: the only one loaded.
    public var codebook: String?
    /// Only answers to this question count for themes.
    public var themeQuestion: String?
    public var stats = false
    public var minCell = 3
    public var audit = false
    /// Bin edges for integer and decimal questions.
    public var bins: [Double]?
    /// Two waves to compare cell by cell.
    public var compareWaves: (String, String)?

    public init(rows: CrossDimension, cols: CrossDimension) {
        self.rows = rows
        self.cols = cols
    }

    /// What the query gives: one table, or two waves' tables to compare.
    public enum Result {
        case table(CrossTable)
        case comparison(CrossTable, CrossTable, waves: (String, String))
    }

    /// The table (or tables) from `store`.
    /// - Throws: `StoreError` for an unknown codebook, question or dimension; `CrossTabQueryError.emptyWave` when a
    ///   compared wave has nothing to count.
    public func run(store: KartlaggningStore) throws -> Result {
        var request = CrossRequest(rows: rows, cols: cols)
        request.unit = unit
        request.dropMissing = dropMissing
        request.themeQuestion = themeQuestion
        request.bins = bins
        request.filters = filters
        if [rows, cols].contains(.theme) || filters[.theme] != nil { request.codebook = try store.codebook(id: codebook) }
        var options = CrossTabulation.Options()
        options.rows = rows.description
        options.cols = cols.description
        options.unit = unit
        options.percent = percent
        options.minCell = minCell
        options.stats = stats
        options.audit = audit
        let tabulator = CrossTabulator(store: store)
        guard let (first, second) = compareWaves else { return .table(try tabulator.table(request, options: options)) }
        var a = request
        a.filters[.wave] = [first]
        var b = request
        b.filters[.wave] = [second]
        let tables = (try tabulator.table(a, options: options), try tabulator.table(b, options: options))
        for (wave, table) in [(first, tables.0), (second, tables.1)] where table.total == 0 {
            throw CrossTabQueryError.emptyWave(wave: wave, unit: unit.rawValue)
        }
        return .comparison(tables.0, tables.1, waves: (first, second))
    }

    /// The result as `crosstab` prints it.
    public func render(store: KartlaggningStore, format: CrossTableFormat) throws -> String {
        switch try run(store: store) {
        case .table(let table): try CrossTableRenderer.render(table, format: format, filters: filterText)
        case .comparison(let a, let b, let waves): CrossTableRenderer.compare(a, b, waves: waves, format: format)
        }
    }
}
