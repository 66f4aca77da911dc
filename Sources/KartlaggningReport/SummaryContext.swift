import KartlaggningAnalysis

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
        let columns = only ?? summary.themes.colValues
        let rows = summary.scales.filter { numbers == nil || $0.numbers == numbers }.map { question -> ReportGrid.Row in
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
        return ReportGrid(columns: (columns + [whole]).map(Markdown.cell), rows: rows)
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
