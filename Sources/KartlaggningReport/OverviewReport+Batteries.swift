import Foundation
import KartlaggningAnalysis
import KartlaggningModel

/// A rating battery in the overview (`RatingBattery`): the items' means per area as one heatmap of means (items ×
/// areas; with many areas, areas × items in parts of `batteryItemsPerPart`), and one chart of how each item's answers
/// spread in the whole municipality.
extension OverviewReport {
    /// Items and areas per heatmap where areas are the rows: the items' heads slanted over narrow cells, a part fits
    /// a landscape page.
    static let batteryItemsPerPart = 16
    static let batteryAreasPerPart = 24

    /// The file names of a battery's charts: its heatmap parts, then its distribution chart.
    static func batteryChartNames(_ battery: RatingBattery, index: Int, parts: Int) -> (heatmaps: [String], spread: String) {
        let base = "batteri-\(index + 1)"
        return (parts == 1 ? ["\(base).svg"] : (1...parts).map { "\(base)-\($0).svg" }, "\(base)-fordelning.svg")
    }

    /// A battery's title: its shared start, else the survey's scale ("Betygsfrågor 0–14").
    static func batteryTitle(_ battery: RatingBattery, language: ReportLanguage) -> String {
        let scale = "\(battery.range.min)–\(battery.range.max)"
        return (battery.stem ?? (language == .sv ? "Betygsfrågor" : "Ratings")) + " (\(scale))"
    }

    /// Every battery's charts, in order: name → SVG.
    static func batteryCharts(_ input: OverviewReportInput) -> [(name: String, svg: String)] {
        input.summary.batteries.enumerated().flatMap { index, battery in batteryCharts(input, battery, index: index) }
    }

    static func batteryCharts(_ input: OverviewReportInput, _ battery: RatingBattery, index: Int) -> [(name: String, svg: String)] {
        let language = input.language
        let summary = input.summary
        let questions = battery.items.compactMap { id in summary.scales.first { $0.id == id } }
        let whole = language.phrases.whole
        // The columns of the scale table for these items: areas (pooled ones left out where every item pools them),
        // pools after their group, the whole last.
        var pools = AreaPools()
        for question in questions {
            pools.pools.merge(question.pools.pools, uniquingKeysWith: { first, _ in first })
            for pool in question.pools.order where !pools.order.contains(pool) { pools.order.append(pool) }
            if let rest = question.pools.rest { pools.rest = rest }
        }
        let means = questions.map { question in
            Dictionary(question.means.map { ($0.group, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let areas = summary.areas.placing(pools, among: summary.basis.colValues).filter { area in means.contains { $0[area] != nil } }
        let span = Double(max(battery.range.max - battery.range.min, 1))
        func cell(_ item: Int, _ group: String) -> Heatmap.Cell {
            guard let mean = means[item][group] else { return Heatmap.Cell(percent: nil, text: "–") }
            guard mean.n != nil, let value = mean.mean else { return Heatmap.Cell(percent: nil, text: ReportLanguage.hidden) }
            return Heatmap.Cell(
                percent: (value - Double(battery.range.min)) / span * 100, text: language.decimal(value, digits: 1))
        }
        let labels = questions.map { short(battery.labels[$0.id] ?? $0.text) }
        let title = batteryTitle(battery, language: language)
        let description =
            questions.enumerated().map { i, question in
                (battery.labels[question.id] ?? question.text) + ": "
                    + (areas + [whole]).map { group in
                        let mean = means[i][group]
                        let n = mean?.n.map { ", n \(language.integer($0))" } ?? ""
                        return "\(language.place(group)) \(cell(i, group).text)\(n)"
                    }.joined(separator: ", ")
            }.joined(separator: "; ")
        let key = Heatmap.Key(
            low: "\(battery.range.min)", high: "\(battery.range.max)", thin: nil,
            hidden: ReportLanguage.hidden + (language == .sv ? " dolt, – räknat i sin grupp" : " hidden, – counted in its group"))
        let legend =
            (language == .sv
                ? "Medelvärde per område; mörkare = högre på skalan \(battery.range.min)–\(battery.range.max). "
                : "Mean per district; darker = higher on the \(battery.range.min)–\(battery.range.max) scale. ")
            + String(format: language.phrases.hiddenNote, summary.themes.minCell)
        var charts: [(String, String)] = []
        if areasAsRows(input) {
            // Parts of at most 24 areas × 16 items: the areas down, then the items across. The whole closes each.
            let itemParts = stride(from: 0, to: questions.count, by: batteryItemsPerPart).map {
                Array($0..<min($0 + batteryItemsPerPart, questions.count))
            }
            let groups = summary.areas.groups(of: areas, pools: pools)
            let areaParts = stride(from: 0, to: areas.count, by: batteryAreasPerPart).map {
                Array($0..<min($0 + batteryAreasPerPart, areas.count))
            }
            let parts = itemParts.flatMap { items in areaParts.map { (items, $0) } }
            let names = batteryChartNames(battery, index: index, parts: parts.count).heatmaps
            for (part, (items, rowsOfPart)) in parts.enumerated() {
                var rows: [String] = []
                var cells: [[Heatmap.Cell]] = []
                var current: String?
                for a in rowsOfPart {
                    if let group = groups[a], group != current { (rows, cells, current) = (rows + [group], cells + [[]], group) }
                    rows.append(language.place(areas[a]))
                    cells.append(items.map { cell($0, areas[a]) })
                }
                rows.append(whole)
                cells.append(items.map { cell($0, whole) })
                let svg = Heatmap.svg(
                    title: title + (parts.count > 1 ? " (\(part + 1)/\(parts.count))" : ""), description: description, rows: rows,
                    columns: items.map { labels[$0] }, cells: cells, id: "batteri-\(index + 1)-\(part + 1)", legend: legend, key: key,
                    slantedColumns: true, scaleTo: 100, narrow: true)
                charts.append((names[part], svg))
            }
        } else {
            let names = batteryChartNames(battery, index: index, parts: 1).heatmaps
            let columns = areas + [whole]
            let svg = Heatmap.svg(
                title: title, description: description, rows: questions.indices.map { labels[$0] },
                columns: columns.map(language.place), cells: questions.indices.map { i in columns.map { cell(i, $0) } },
                id: "batteri-\(index + 1)", legend: legend, key: key, scaleTo: 100)
            charts.append((names[0], svg))
        }
        // How each item's answers spread in the whole municipality: a bar per item, hidden values grey together.
        let values = (battery.range.min...battery.range.max).map(String.init)
        var said: [String] = []
        let bars = questions.enumerated().map { i, question -> StackedBarChart.Bar in
            let table = question.table
            let lookup = table.map(CrossTable.Lookup.init)
            let counts = values.map { value -> Int? in
                guard let total = lookup?.rowTotal(value) else { return 0 }
                return total.suppressed ? nil : total.n
            }
            let (bar, description) = StackedBarChart.Bar.protected(
                labels[i], values: values, counts: counts, base: table?.shownTotal, language: language)
            said.append(description)
            return bar
        }
        if bars.contains(where: { $0.shares != nil }) {
            let spread = StackedBarChart.svg(
                title: title + (language == .sv ? ": svaren i hela kommunen" : ": the answers in the whole municipality"),
                description: said.joined(separator: "; "), segments: values, bars: bars, id: "batteri-\(index + 1)-fordelning",
                legend: (language == .sv ? "Andel av svaren per värde, i procent. " : "Share of the answers per value, in per cent. ")
                    + String(format: language.phrases.hiddenNote, summary.themes.minCell))
            charts.append((batteryChartNames(battery, index: index, parts: 1).spread, spread))
        }
        return charts
    }

    /// An item's label at most 40 characters, cut at a word with "…".
    static func short(_ label: String) -> String {
        guard label.count > 40 else { return label }
        let cut = label.prefix(39)
        let word = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return word + "…"
    }
}
