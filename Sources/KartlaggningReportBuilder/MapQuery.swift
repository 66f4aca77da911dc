import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

/// `kartlagg map` as a library call: one theme's (or one answer's) share per area, from the protected table
/// `crosstab` prints for the same options (areas as columns, respondents counted, shares of each area's respondents),
/// drawn as a choropleth on the registry's map.
///
/// ```swift
/// var query = MapQuery(subject: .theme("nararbetsplatser"))
/// query.minBase = 30
/// let svg = try query.svg(store: store)
/// ```
public struct MapQuery: Sendable {
    /// What the colours show.
    public enum Subject: Sendable, Equatable {
        /// The share of each area's respondents who raised the theme.
        case theme(String)
        /// The share of each area's respondents who answered `value` (nil: the first of a two-answer question) to
        /// the closed question, of those who answered it.
        case question(String, value: String?)
    }

    public var subject: Subject
    /// The filters (`--where`), as `crosstab` takes them, and as the user wrote them (for the map's notes).
    public var filters: [CrossDimension: [String]] = [:]
    public var filterText: [String] = []
    /// The codebook whose tags count; nil: the only one loaded.
    public var codebook: String?
    /// Areas with fewer respondents in the table than this are drawn pale, without a share.
    public var minBase = 0
    public var minCell = CrossSpec.defaultMinCell
    /// Small areas shown together (registry group, else "Övriga områden") as the reports show them, below `minBase`.
    public var pool = false
    public var palette: ChoroplethInput.Palette = .sequential
    /// Record the table in the publication ledger (`--publish`); it is consulted either way.
    public var publish = false

    public init(subject: Subject) {
        self.subject = subject
    }

    /// The table the map draws and which row of it.
    public func table(store: KartlaggningStore) throws -> (table: CrossTable, row: String, title: String, measure: String) {
        var spec: CrossSpec
        var title: String
        var measure: String
        var codebookLoaded: StoredCodebook?
        switch subject {
        case .theme(let id):
            spec = CrossSpec(rows: .theme, cols: .district)
            let stored = try store.codebook(id: codebook)
            codebookLoaded = stored
            guard let theme = stored.codebook.themes.first(where: { $0.id == id }) else {
                throw MapQueryError.unknownTheme(id, known: stored.codebook.themes.map(\.id))
            }
            title = "\(theme.label): andel per område"
            measure = "Andel av de svarande i varje område som tog upp temat \(theme.label)"
        case .question(let id, _):
            spec = CrossSpec(rows: .question(id), cols: .district)
            spec.dropMissing = true
            title = id
            measure = ""
        }
        spec.percent = .col
        spec.unit = .respondents
        spec.minCell = minCell
        spec.filters = filters
        if spec.filters[.theme] != nil, codebookLoaded == nil { codebookLoaded = try store.codebook(id: codebook) }
        spec.codebook = codebookLoaded
        let publication = try Publication(store: store, output: "map \(spec.rows) × district", appending: publish)
        let tabulator = CrossTabulator(store: store, publication: publication)
        let pooling = pool && minBase > 1 ? ReportLanguage.sv.pooling(minBase: minBase, groups: try store.districtRegistry().groups) : nil
        let table = try publication.protectTogether { try tabulator.table(spec, pooling: pooling) }
        try publication.commit()
        let row: String
        switch subject {
        case .theme(let id): row = id
        case .question(let id, let value):
            let values = table.rowValues.filter { $0 != CrossSpec.noAnswer }
            if let value {
                guard let match = values.first(where: { MatchKey.place($0) == MatchKey.place(value) }) else {
                    throw MapQueryError.unknownValue(question: id, value: value, values: values)
                }
                row = match
            } else {
                guard values.count == 2 else { throw MapQueryError.valueNeeded(question: id, values: values) }
                row = values[0]
            }
            let question = try store.closedQuestions().first { $0.reference == id || $0.id == id }
            let text = question.map { $0.text.isEmpty ? id : $0.text } ?? id
            title = "\(text) – svaret \(row)"
            measure = "Andel av dem i varje område som besvarade frågan som svarade \(row)"
        }
        return (table, row, title, measure)
    }

    /// The map's input: the table's values on the registry's map.
    public func input(store: KartlaggningStore) throws -> ChoroplethInput {
        guard let map = try store.areaMap() else { throw MapQueryError.noMap }
        let (table, row, title, measure) = try self.table(store: store)
        if palette == .diverging, ChoroplethValues.wholeShare(of: table, row: row) == nil { throw MapQueryError.wholeHidden(row) }
        let (values, pools) = ChoroplethValues.values(of: table, row: row, minBase: pool ? 0 : minBase, palette: palette)
        var input = ChoroplethInput(
            title: title, measure: palette == .diverging ? measure + ", i procentenheter mot hela kommunen" : measure, map: map,
            values: values)
        input.pools = pools
        input.palette = palette
        input.minBase = minBase
        input.minCell = table.minCell
        if !filterText.isEmpty { input.notes.append("Urval: \(filterText.joined(separator: ", ")).") }
        if let whole = ChoroplethValues.wholeShare(of: table, row: row) {
            input.notes.append("Hela kommunen: \(Numbers.percent(whole / 100)) (\(table.total) svarande).")
        }
        return input
    }

    /// The map as SVG.
    public func svg(store: KartlaggningStore) throws -> String {
        ChoroplethMap.svg(try input(store: store))
    }
}
