import KartlaggningModel

/// What each number of a cross-table counts, named apart from the table it sits in: the same key is the same
/// count in every table of the same data. The cell (förening, Nätra) of kind × district, the row total förening of
/// kind × district `--where district=Nätra` and the column total Nätra of kind × district `--where kind=förening`
/// all count the associations in Nätra, and share a key; so what one output hid, every other output hides, and what
/// one showed, no other can hide to protect something (it is known).
///
/// A key is the units counted (respondents; the survey a question dimension restricts them to; for answers and
/// mentions, the pair of dimensions, whose totals are sums of the table's own cells) and the conditions on them
/// (each filter, and the row's and the column's value, themes with their codebook's revision and question). Keys are
/// conservative: two numbers that are equal by definition but named differently (a sector and its kinds) are not
/// linked, which costs some protection across tables, never a false link.
public struct FactKeys: Codable, Sendable, Equatable {
    /// Each cell's key, row by row.
    public var cells: [[String]]
    public var rowTotals: [String]
    public var colTotals: [String]
    public var grand: String

    public init(spec: CrossSpec, rowValues: [String], colValues: [String]) {
        let unitSeparator = "\u{1F}"
        var universe = [spec.unit.rawValue]
        let dimensions = [spec.rows, spec.cols]
        for case .question(let id) in Set(dimensions).sorted(by: { $0.description < $1.description }) {
            // A question's table counts the respondents of its survey (with --drop-missing, those who answered).
            universe.append((spec.dropMissing ? "answered:" : "survey-of:") + id)
        }
        if spec.unit != .respondents {
            // Bases of answers and mentions are the table's own sums: linked only to the same pair of dimensions.
            universe.append("by:" + dimensions.map(\.description).sorted().joined(separator: "+"))
        }
        if let bins = spec.bins, dimensions.contains(where: { if case .question = $0 { true } else { false } }) {
            universe.append("bins:" + bins.map { "\($0)" }.joined(separator: ","))
        }
        let prefix = universe.joined(separator: unitSeparator)
        func value(_ dimension: CrossDimension, _ value: String) -> String {
            // A pool of areas counts each of them: the same condition as `--where district=A --where district=B`.
            if dimension == .district, let members = spec.districtPools.pools[value] { return members.sorted().joined(separator: "\u{1D}") }
            if dimension == .kind, let members = spec.kindPools.pools[value] { return members.sorted().joined(separator: "\u{1D}") }
            guard dimension == .theme else { return value }
            var theme = value
            if let stored = spec.codebook { theme += "@\(stored.codebook.id):\(stored.revision)" }
            if let question = spec.themeQuestion { theme += "/" + question }
            return theme
        }
        let filters = spec.filters.map { dimension, values in
            (name: dimension.description, values: Set(values.map { value(dimension, $0) }))
        }
        func key(_ conditions: [(String, String)]) -> String {
            // A filter on the dimension a condition names, holding the condition's value, is implied by it: one
            // condition (where the value is not among the filter's, the count is zero and the key stays apart).
            let implied = filters.filter { filter in conditions.contains { $0.0 == filter.name && filter.values.contains($0.1) } }
            let kept = filters.filter { filter in !implied.contains { $0.name == filter.name } }
                .map { ($0.name, $0.values.sorted().joined(separator: "\u{1D}")) }
            let named = (kept + conditions).sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            return ([prefix] + named.map { $0.0 + "=" + $0.1 }).joined(separator: "\u{1E}")
        }
        let (rows, cols) = (spec.rows.description, spec.cols.description)
        cells = rowValues.map { row in
            colValues.map { col in key([(rows, value(spec.rows, row)), (cols, value(spec.cols, col))]) }
        }
        rowTotals = rowValues.map { key([(rows, value(spec.rows, $0))]) }
        colTotals = colValues.map { key([(cols, value(spec.cols, $0))]) }
        grand = key([])
    }

    /// The keys in `TableFacts`' order: cells row by row, then row totals, then column totals.
    var positions: [String] { Array(cells.joined()) + rowTotals + colTotals }

    /// Whether `part` counts some of what `whole` counts: the same units under every condition of `whole` and more
    /// (theme × district × kind's cell is a part of kind × district's). A part shown bounds its whole from below.
    public static func isPart(_ part: String, of whole: String) -> Bool {
        guard part != whole else { return false }
        let (a, b) = (
            part.split(separator: "\u{1E}", omittingEmptySubsequences: false),
            whole.split(separator: "\u{1E}", omittingEmptySubsequences: false)
        )
        guard a.first == b.first, a.count > b.count else { return false }
        return Set(b.dropFirst()).isSubset(of: Set(a.dropFirst()))
    }

    /// The key of `key`'s count with one more condition (`dimension` = `value`), named as a table would name it.
    static func adding(_ dimension: String, _ value: String, to key: String) -> String {
        let parts = key.split(separator: "\u{1E}", omittingEmptySubsequences: false).map(String.init)
        let conditions = (parts.dropFirst().map { $0.split(separator: "=", maxSplits: 1).map(String.init) } + [[dimension, value]])
            .map { ($0.first ?? "", $0.count > 1 ? $0[1] : "") }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        return ([parts.first ?? ""] + conditions.map { $0.0 + "=" + $0.1 }).joined(separator: "\u{1E}")
    }

    /// A key as a reader can follow it: "kind=förening, district=Nätra".
    public static func describe(_ key: String) -> String {
        let parts = key.split(separator: "\u{1E}", omittingEmptySubsequences: false)
        let conditions = parts.dropFirst().map { $0.replacingOccurrences(of: "\u{1D}", with: " or ") }
        return conditions.isEmpty ? "all" : conditions.joined(separator: ", ")
    }
}
