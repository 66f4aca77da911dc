import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

/// `kartlagg crosstab` as a library call: one cross-tab (or a comparison of two waves) from typed options, rendered.
///
/// ```swift
/// var query = CrossTabQuery(rows: .theme, cols: .district)
/// query.spec.filters[.kind] = ["förening"]
/// print(try query.render(store: store, format: .markdown))
/// ```
public struct CrossTabQuery: Sendable {
    /// The table: dimensions, unit, percentages, filters, protection, statistics (its codebook is filled in from
    /// `codebook` by `run`).
    public var spec: CrossSpec
    /// The filters as the user wrote them, for the table's caption.
    public var filterText: [String] = []
    /// The codebook whose tags count; nil: the only one loaded.
    public var codebook: String?
    /// Two waves to compare cell by cell.
    public var compareWaves: (String, String)?
    /// Record the table in the publication ledger beside the database (`--publish`); it is consulted either way.
    public var publish = false
    /// Start a new ledger first (`--fresh`).
    public var freshLedger = false
    /// Districts with fewer than this many in the table are shown together, as reports show them (`--min-base`,
    /// `AreaPooling`); 0: each on its own.
    public var minBase = 0

    public init(rows: CrossDimension, cols: CrossDimension) {
        spec = CrossSpec(rows: rows, cols: cols)
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
        var spec = spec
        if [spec.rows, spec.cols].contains(.theme) || spec.filters[.theme] != nil { spec.codebook = try store.codebook(id: codebook) }
        // Consulted always: a table after a report hides what the report hid; recorded only when published.
        let publication = try Publication(
            store: store, output: "crosstab \(spec.rows) × \(spec.cols)", appending: publish, fresh: freshLedger)
        let tabulator = CrossTabulator(store: store, publication: publication)
        let pooling = minBase > 1 ? ReportLanguage.sv.pooling(minBase: minBase, groups: try store.districtRegistry().groups) : nil
        guard let (first, second) = compareWaves else {
            var table = try publication.protectTogether { try tabulator.table(spec, pooling: pooling) }
            try publication.commit()
            if !publication.unresolved.isEmpty { table.notes.append(Self.unresolvedNote(publication.unresolved)) }
            return .table(table)
        }
        var a = spec
        a.filters[.wave] = [first]
        var b = spec
        b.filters[.wave] = [second]
        let tables = try publication.protectTogether {
            (try tabulator.table(a, pooling: pooling), try tabulator.table(b, pooling: pooling))
        }
        for (wave, table) in [(first, tables.0), (second, tables.1)] where table.total == 0 {
            throw CrossTabQueryError.emptyWave(wave: wave, unit: spec.unit.rawValue)
        }
        try publication.commit()
        return .comparison(tables.0, tables.1, waves: (first, second))
    }

    /// What a table says when, with everything already published, some small counts can be narrowed all the same.
    static func unresolvedNote(_ values: [String]) -> String {
        "with what was published before from the same data, \(values.count) small count\(values.count == 1 ? "" : "s") can be narrowed below min-cell however this table hides (\(Remedy.auditLedger) lists them): \(values.prefix(3).joined(separator: "; "))\(values.count > 3 ? "; …" : "")"
    }

    /// The result as `crosstab` prints it.
    public func render(store: KartlaggningStore, format: CrossTableFormat) throws -> String {
        switch try run(store: store) {
        case .table(let table): try CrossTableRenderer.render(table, format: format, filters: filterText)
        case .comparison(let a, let b, let waves): CrossTableRenderer.compare(a, b, waves: waves, format: format)
        }
    }
}
