import KartlaggningAnalysis
import KartlaggningModel

/// Template data the overview and district reports share: cross-tabs as generic grids, shares as `26,7 % (4/15)`,
/// scale means, differences.
enum SummaryContext {
    /// A grid a template writes as a table: `columns` (header texts after the first; the whole's last when
    /// `whole` is given), `rows` (name, cells).
    static func grid(
        _ table: CrossTable, language: ReportLanguage, whole: String?, rowName: (String) -> String = { $0 },
        cell: (CrossTable.Cell) -> String, wholeCell: (CrossTable.Total) -> String
    ) -> ReportGrid {
        let columns = table.colValues
        let lookup = CrossTable.Lookup(table)
        var header = columns.map { Markdown.cell(language.place($0)) }
        if let whole { header.append(Markdown.cell(whole)) }
        let rows = table.rowValues.map { row -> ReportGrid.Row in
            var cells = columns.map { column in lookup.cell(row, column).map(cell) ?? ReportLanguage.hidden }
            if whole != nil, let total = lookup.rowTotal(row) { cells.append(wholeCell(total)) }
            return ReportGrid.Row(name: Markdown.cell(rowName(row)), cells: cells)
        }
        return ReportGrid(columns: header, rows: rows)
    }

    /// `26,7 % (4/15)`, or `··` when hidden.
    static func share(_ cell: CrossTable.Cell, _ language: ReportLanguage) -> String {
        guard let n = cell.n, let base = cell.base, let percent = cell.percent else { return ReportLanguage.hidden }
        return "\(language.percent(percent)) (\(language.integer(n))/\(language.integer(base)))"
    }

    /// A row total as a share of the whole table, `12,5 % (9/71)`.
    static func wholeShare(_ total: CrossTable.Total, of table: CrossTable, _ language: ReportLanguage) -> String {
        guard let n = total.n, let whole = table.shownTotal, whole > 0 else { return ReportLanguage.hidden }
        return "\(language.percent(Double(n) / Double(whole) * 100)) (\(language.integer(n))/\(language.integer(whole)))"
    }

    /// The bases of a table's columns (and of the whole), as the last row of a grid: `N | 20 | 15 | … | 71`.
    static func baseRow(_ table: CrossTable, language: ReportLanguage, whole: Bool, name: String = "N") -> ReportGrid.Row {
        let lookup = CrossTable.Lookup(table)
        var cells = table.colValues.map { column in
            lookup.colTotal(column)?.n.map(language.integer) ?? ReportLanguage.hidden
        }
        if whole { cells.append(table.shownTotal.map(language.integer) ?? ReportLanguage.hidden) }
        return ReportGrid.Row(name: name, cells: cells)
    }

    /// A theme's label, its parent's before it: `Samverkan › BYGDSAM`.
    static func themeName(_ id: String, _ summary: MappingSummary) -> String {
        let label = summary.themeLabels[id] ?? id
        guard let parent = summary.themeParents[id] else { return label }
        return (summary.themeLabels[parent] ?? parent) + " › " + label
    }

    /// Scale questions as one grid: a row per question, `3,4 (md 4, n 12)` — mean, median and n — per district and for
    /// the whole.
    static func scales(
        _ summary: MappingSummary, language: ReportLanguage, only: [String]? = nil, whole: String, numbers: Bool? = nil
    ) -> ReportGrid {
        let questions = summary.scales.filter { numbers == nil || $0.numbers == numbers }
        // Pools of areas with too few answers (`AreaPooling`), each question's own: a group's after its areas.
        let columns = only ?? summary.areas.placing(meansPools(summary), among: summary.basis.colValues)
        let rows = questions.map { question -> ReportGrid.Row in
            let byGroup = Dictionary(question.means.map { ($0.group, $0) }, uniquingKeysWith: { first, _ in first })
            let cells = (columns + [whole]).map { group -> String in
                guard let mean = byGroup[group] else { return "–" }
                guard let n = mean.n else { return ReportLanguage.hidden }
                guard let value = mean.mean else { return "–" }
                let median = mean.median.map { "md \(language.decimal($0, digits: $0 == $0.rounded() ? 0 : 1)), " } ?? ""
                return "\(language.decimal(value, digits: 1)) (\(median)n \(language.integer(n)))"
            }
            // The range, unless the question's text already gives it.
            let range =
                question.range.map { range in
                    question.text.contains("\(range.min)-\(range.max)") || question.text.contains("\(range.min)–\(range.max)")
                        ? "" : " (\(range.min)–\(range.max))"
                } ?? ""
            return ReportGrid.Row(name: Markdown.cell(question.text + range + (question.survey.map { " – " + $0 } ?? "")), cells: cells)
        }
        // A district no question shows on its own (all pooled, or no answers) has no column.
        let kept = columns.indices.filter { c in only != nil || rows.isEmpty || rows.contains { $0.cells[c] != "–" } }
        var grid = ReportGrid(
            columns: (kept.map { columns[$0] } + [whole]).map(Markdown.cell),
            rows: rows.map { row in ReportGrid.Row(name: row.name, cells: kept.map { row.cells[$0] } + [row.cells[columns.count]]) })
        grid.columnValues = kept.map { columns[$0] }
        return grid
    }

    /// Under a table whose districts with few answers were pooled (`AreaPooling`): "Övriga områden: Grundsunda och BLT
    /// (färre än 10 svar var)." — or that no district is shown on its own. nil when nothing was pooled.
    static func poolNote(_ pools: AreaPools, language: ReportLanguage) -> String? {
        guard !pools.isEmpty else { return nil }
        let sv = language == .sv
        let minBase = language.integer(pools.minBase)
        if pools.nothingBrokenOut {
            return sv
                ? "_Inget område har \(minBase) svar eller fler på frågan: bara hela kommunen redovisas._"
                : "_No district has \(minBase) answers or more to the question: only the whole municipality is shown._"
        }
        let listed = pools.order.map { pool in
            "\(Markdown.inline(pool)): \(names(pools.pools[pool] ?? [], language: language))"
        }
        return "_" + listed.joined(separator: "; ")
            + (sv
                ? " (färre än \(minBase) svar var, eller för att Övriga områden ska nå \(minBase))._"
                : " (fewer than \(minBase) answers each, or so that Other areas reaches \(minBase))._")
    }

    /// "_förening + offentlig: räknas tillsammans, eftersom offentlig har färre än 3 respondenter._": the kinds a basis
    /// counts together (`KindPooling`). nil when each kind is shown on its own.
    static func kindPoolNote(_ pools: AreaPools, language: ReportLanguage) -> String? {
        let small = pools.small
        guard let pool = pools.order.first, !small.isEmpty else { return nil }
        let n = language.integer(pools.minBase)
        let few = names(small, language: language)
        return language == .sv
            ? "_\(Markdown.inline(pool)): räknas tillsammans, eftersom \(few) har färre än \(n) respondenter._"
            : "_\(Markdown.inline(pool)): counted together, since \(few) \(small.count == 1 ? "has" : "have") fewer than \(n) respondents._"
    }

    /// "_Färre än 3 respondenter: Byaråd och Ungdom._": the answers (or themes) left out of a table because fewer than
    /// min-cell gave them in the whole selection — what their rows of `··` said. nil when there are none.
    static func rareNote(_ values: [String], minCell: Int, language: ReportLanguage, themes: Bool = false) -> String? {
        guard !values.isEmpty else { return nil }
        let n = language.integer(minCell)
        let list = names(values.map { $0 == CrossSpec.noAnswer ? (language == .sv ? "inget svar" : "no answer") : $0 }, language: language)
        if language == .sv {
            return "_Färre än \(n) respondenter \(themes ? "tog upp" : "svarade"): \(list)._"
        }
        return "_Fewer than \(n) respondents \(themes ? "raised" : "answered"): \(list)._"
    }

    /// Notes under one table, in one paragraph; nil when there are none.
    static func notes(_ parts: String?...) -> String? {
        let present = parts.compactMap { $0 }
        return present.isEmpty ? nil : present.joined(separator: " ")
    }

    /// Under the means: which columns of the grid count pooled districts. nil when no question pooled any.
    static func meansPoolNote(_ questions: [MappingSummary.ScaleQuestion], grid: ReportGrid, language: ReportLanguage) -> String? {
        let pooled = questions.filter { !$0.pools.isEmpty }
        let cells = (grid.parts.isEmpty ? [grid] : grid.parts).flatMap(\.rows).flatMap(\.cells)
        guard let minBase = pooled.first?.pools.minBase, cells.contains("–") else { return nil }
        let n = language.integer(minBase)
        return language == .sv
            ? "_– = färre än \(n) svar i området: räknade i sin grupp eller under Övriga områden, eller bara i hela kommunen._"
            : "_– = fewer than \(n) answers in the district: counted in its group or under Other areas, or only in the whole._"
    }

    /// "A, B och C", "A, B, C … och 12 till": district names for a note, at most six.
    static func names(_ values: [String], language: ReportLanguage) -> String {
        let and = language == .sv ? "och" : "and"
        let shown = values.prefix(values.count > 6 ? 5 : 6).map { Markdown.inline(language.place($0)) }
        if values.count > 6 { return shown.joined(separator: ", ") + " \(and) \(values.count - 5) " + (language == .sv ? "till" : "more") }
        guard shown.count > 1, let last = shown.last else { return shown.joined() }
        return shown.dropLast().joined(separator: ", ") + " \(and) " + last
    }

    /// Every pool the scale and number means use, in the order they first come: a pool's name means the same kind
    /// of pool on each row (its group's rest, or Övriga områden).
    static func meansPools(_ summary: MappingSummary) -> AreaPools {
        var pools = AreaPools()
        for question in summary.scales {
            pools.pools.merge(question.pools.pools, uniquingKeysWith: { first, _ in first })
            for pool in question.pools.order where !pools.order.contains(pool) { pools.order.append(pool) }
            if let rest = question.pools.rest { pools.rest = rest }
        }
        return pools
    }

    /// Differences as template rows: district, subject, the district's share, the whole's, the difference, χ², p.
    static func differences(_ list: [MappingSummary.Difference], language: ReportLanguage) -> [ReportDifference] {
        list.map { item in
            let d = item.difference
            return ReportDifference(
                district: Markdown.cell(d.col), subject: Markdown.cell(item.subject), percent: language.percent(d.percent),
                whole: language.percent(d.wholePercent), points: language.points(d.points),
                interval: "\(language.points(d.lowerPoints)) – \(language.points(d.upperPoints))",
                chiSquare: language.decimal(d.chiSquare, digits: 2), p: language.pValue(d.adjustedP), significant: d.adjustedP < 0.05,
                uncertain: d.lowExpected)
        }
    }
}
