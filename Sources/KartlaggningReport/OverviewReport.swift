import Foundation
import KartlaggningAnalysis

/// The overview of the whole mapping for a steering group: the data basis, themes ranked and by district,
/// closed questions per district, the largest differences from the municipality as a whole, and the method.
public enum OverviewReport {
    /// The charts written beside the report: file name → SVG.
    public static func charts(_ input: OverviewReportInput) -> [(name: String, svg: String)] {
        let themes =
            input.codebook == nil ? [] : [("teman.svg", rankedChart(input)), ("teman-omraden.svg", heatmap(input))] + themeMaps(input)
        let inBattery = Set(input.summary.batteries.flatMap(\.items))
        return themes
            + input.summary.scales.filter { !inBattery.contains($0.id) }.compactMap { question in
                scaleChart(input, question).map { (scaleChartName(question), $0) }
            } + batteryCharts(input)
    }

    /// The file name of a scale question's distribution chart.
    static func scaleChartName(_ question: MappingSummary.ScaleQuestion) -> String {
        "skala-\(FileName.safe(question.id)).svg"
    }

    /// How a scale question's answers (a number question's, in size classes) spread in each area and the whole: a
    /// stacked bar per area, its hidden cells together as one grey segment (the crosstab's protection decides). No
    /// chart where no bar shows anything.
    static func scaleChart(_ input: OverviewReportInput, _ question: MappingSummary.ScaleQuestion) -> String? {
        guard let table = question.table, !table.rowValues.isEmpty else { return nil }
        let language = input.language
        let lookup = CrossTable.Lookup(table)
        var description: [String] = []
        func bar(_ label: String, counts: [Int?], base: Int?) -> StackedBarChart.Bar {
            let (bar, said) = StackedBarChart.Bar.protected(label, values: table.rowValues, counts: counts, base: base, language: language)
            description.append(said)
            return bar
        }
        var bars = table.colValues.map { column in
            bar(
                language.place(column), counts: table.rowValues.map { lookup.cell($0, column).flatMap { $0.suppressed ? nil : $0.n } },
                base: lookup.colTotal(column)?.n)
        }
        if table.shownTotal ?? 0 > 0 {
            bars.append(
                bar(
                    language.phrases.whole, counts: table.rowValues.map { lookup.rowTotal($0).flatMap { $0.suppressed ? nil : $0.n } },
                    base: table.shownTotal))
        }
        guard bars.contains(where: { $0.shares != nil }) else { return nil }
        return StackedBarChart.svg(
            title: question.text, description: description.joined(separator: "; "), segments: table.rowValues, bars: bars,
            id: "skala-\(FileName.safe(question.id))",
            legend: (question.numbers
                ? (language == .sv
                    ? "Andel av områdets svar per storleksklass, i procent. "
                    : "Share of the district's answers per size class, in per cent. ")
                : (language == .sv
                    ? "Andel av områdets svar per värde, i procent. " : "Share of the district's answers per value, in per cent. "))
                + String(format: language.phrases.hiddenNote, table.minCell))
    }

    /// Themes ranked by the share of all respondents who raised them.
    static func rankedChart(_ input: OverviewReportInput) -> String {
        let language = input.language
        let bars = ranked(input).map { total -> BarChart.Bar in
            let table = input.summary.themes
            let percent = total.n.flatMap { n in table.shownTotal.map { $0 > 0 ? Double(n) / Double($0) * 100 : 0 } }
            let text = percent.map { language.percent($0, count: total.n ?? 0) } ?? ReportLanguage.hidden
            return BarChart.Bar(label: SummaryContext.themeName(total.value, input.summary), percent: percent, text: text)
        }
        return BarChart.svg(
            title: language.phrases.themesRanked,
            description: bars.map { "\($0.label): \($0.text)" }.joined(separator: "; ") + ". "
                + String(format: language.phrases.hiddenNote, input.summary.themes.minCell),
            bars: bars, id: "teman")
    }

    /// Theme × district as a heatmap.
    static func heatmap(_ input: OverviewReportInput) -> String {
        let language = input.language
        let table = input.summary.themes
        let rows = table.rowValues
        let lookup = CrossTable.Lookup(table)
        // An area below --min-base: its share is written, but not coloured (it rests on few people).
        let minBase = input.summary.minBase
        let thin = Set(table.colTotals.filter { ($0.n ?? 0) < minBase }.map(\.value))
        let cells = rows.map { row in
            table.colValues.map { column -> Heatmap.Cell in
                guard let cell = lookup.cell(row, column), let percent = cell.percent else {
                    return Heatmap.Cell(percent: nil, text: ReportLanguage.hidden)
                }
                return Heatmap.Cell(percent: percent, text: language.percent(percent), thin: thin.contains(column))
            }
        }
        let shown = cells.joined().filter { !$0.thin }.compactMap(\.percent)
        let key = Heatmap.Key(
            low: language.percent(0), high: language.percent(max(shown.max() ?? 0, 1)),
            thin: thin.isEmpty
                ? nil
                : (language == .sv
                    ? "färre än \(language.integer(minBase)) respondenter i området: ingen färg"
                    : "fewer than \(language.integer(minBase)) respondents in the district: no colour"),
            hidden: ReportLanguage.hidden + (language == .sv ? " dolt" : " hidden"))
        let names = rows.map { SummaryContext.themeName($0, input.summary) }
        let description = rows.indices.map { r in
            names[r] + ": " + table.colValues.indices.map { "\(table.colValues[$0]) \(cells[r][$0].text)" }.joined(separator: ", ")
        }.joined(separator: "; ")
        let legend = language.phrases.heatmapNote + " " + String(format: language.phrases.hiddenNote, table.minCell)
        let fullDescription = description + ". " + String(format: language.phrases.hiddenNote, table.minCell)
        let places = table.colValues.map(language.place)
        guard areasAsRows(input) else {
            return Heatmap.svg(
                title: language.phrases.themesByDistrict, description: fullDescription, rows: names, columns: places, cells: cells,
                id: "teman-omraden", legend: legend, key: key)
        }
        // Many areas: one row each (the chart grows down, its text keeps its size), the themes as slanted column heads;
        // a registry group's name as a row of its own before its first area.
        var labels: [String] = []
        var turned: [[Heatmap.Cell]] = []
        var current: String?
        for (c, group) in input.summary.areas.groups(of: table.colValues, pools: table.districtPools).enumerated() {
            if let group, group != current {
                labels = labels + [group]
                turned = turned + [[]]
                current = group
            }
            labels.append(places[c])
            turned.append(rows.indices.map { cells[$0][c] })
        }
        return Heatmap.svg(
            title: language.phrases.themesByDistrict, description: fullDescription, rows: labels, columns: names, cells: turned,
            id: "teman-omraden", legend: legend, key: key, slantedColumns: true)
    }

    /// The themes drawn on the map: the most raised themes of the top level (a child theme's areas are its parent's
    /// story told closer), at most `mapsShown`, in the ranked chart's order.
    static func mappedThemes(_ input: OverviewReportInput) -> [String] {
        guard input.summary.map != nil, input.codebook != nil else { return [] }
        let parents = input.summary.themeParents
        return Array(ranked(input).filter { $0.n != 0 && parents[$0.value] == nil }.map(\.value).prefix(mapsShown))
    }

    /// A row of small maps fits a printed page's width four at a time; one row keeps the overview short (#23: eight pages).
    static let mapsShown = 4

    /// Each mapped theme's share by area as a small map, from the table of themes by area the report prints (its
    /// hidden cells hatched, its pools drawn as one), all with one set of classes (a colour is the same share on each),
    /// and their legend once (`karta-forklaring.svg`).
    static func themeMaps(_ input: OverviewReportInput) -> [(name: String, svg: String)] {
        guard let map = input.summary.map else { return [] }
        let themes = mappedThemes(input)
        guard !themes.isEmpty else { return [] }
        let table = input.summary.themes
        let shown = table.cells.filter { !$0.suppressed }.compactMap(\.percent)
        func chart(_ theme: String) -> ChoroplethInput {
            let (values, pools) = ChoroplethValues.values(of: table, row: theme, minBase: 0, palette: .sequential)
            var chart = ChoroplethInput(title: SummaryContext.themeName(theme, input.summary), measure: "", map: map, values: values)
            chart.pools = pools
            chart.minCell = table.minCell
            chart.classValues = shown
            chart.language = input.language
            chart.id = "karta-" + FileName.safe(theme)
            chart.width = 250
            return chart
        }
        var legend = chart(themes[0])
        // The legend names every kind of area any of the maps has.
        for theme in themes.dropFirst() {
            for (name, value) in chart(theme).values where value == .hidden { legend.values[name] = .hidden }
        }
        legend.id = "karta-forklaring"
        legend.width = 250
        return themes.map { (themeMapName($0), ChoroplethMap.smallMultiple(chart($0))) }
            + [(themeMapLegendName, ChoroplethMap.sharedLegend(legend))]
    }

    /// The file name of the theme maps' legend.
    static let themeMapLegendName = "karta-forklaring.svg"

    /// The file name of a theme's map.
    static func themeMapName(_ theme: String) -> String { "karta-\(FileName.safe(theme)).svg" }

    /// Areas side by side fit a page up to about eight; beyond that tables and the heatmap put areas in rows.
    public static let areasSideBySide = 8

    /// Whether this overview puts its areas in rows.
    static func areasAsRows(_ input: OverviewReportInput) -> Bool {
        input.summary.basis.colValues.count > areasSideBySide
    }

    /// A report of one survey is titled by it ("Boendeenkät 2025 – översikt"); of several, as the mapping's overview.
    static func title(surveys: [MappingSummary.SurveyBasis], language: ReportLanguage) -> String {
        let overview = language == .sv ? "översikt" : "overview"
        if surveys.count == 1, let survey = surveys.first, !survey.title.isEmpty { return "\(survey.title) – \(overview)" }
        return language == .sv ? "Kartläggningen – översikt" : "The mapping – overview"
    }

    /// Themes by respondents, most first; hidden totals last; ties in codebook order.
    static func ranked(_ input: OverviewReportInput) -> [CrossTable.Total] {
        let totals = input.summary.themes.rowTotals
        let order = Dictionary(totals.enumerated().map { ($1.value, $0) }, uniquingKeysWith: { first, _ in first })
        return totals.sorted { a, b in
            (-(a.n ?? -1), order[a.value] ?? 0) < (-(b.n ?? -1), order[b.value] ?? 0)
        }
    }

    /// The data a template receives; see `swedish` for the variables.
    public static func context(_ input: OverviewReportInput, figures: [String: String] = [:]) -> OverviewReportContext {
        let language = input.language
        let summary = input.summary
        let whole = language.phrases.whole
        let total = language == .sv ? "Totalt" : "Total"
        var basis = SummaryContext.grid(
            summary.basis, language: language, whole: total, cell: { $0.n.map(language.integer) ?? ReportLanguage.hidden },
            wholeCell: { $0.n.map(language.integer) ?? ReportLanguage.hidden })
        // One kind only: its row is the total, written once (turned at many areas, one column instead of two alike).
        if summary.basis.rowValues.count != 1 {
            basis.rows.append(SummaryContext.baseRow(summary.basis, language: language, whole: true, name: total))
        }
        basis.note = SummaryContext.kindPoolNote(summary.basis.kindPools, language: language)
        var themes = SummaryContext.grid(
            summary.themes, language: language, whole: whole, rowName: { SummaryContext.themeName($0, summary) },
            cell: { SummaryContext.share($0, language) }, wholeCell: { SummaryContext.wholeShare($0, of: summary.themes, language) })
        themes.rows.append(SummaryContext.baseRow(summary.themes, language: language, whole: true))
        themes.note = SummaryContext.notes(
            SummaryContext.poolNote(summary.themes.districtPools, language: language),
            SummaryContext.rareNote(summary.rareThemes, minCell: summary.themes.minCell, language: language, themes: true))
        let ranked = ranked(input).map { t in
            ReportRankedTheme(
                label: Markdown.cell(SummaryContext.themeName(t.value, summary)), n: t.n.map(language.integer) ?? ReportLanguage.hidden,
                percent: t.n.flatMap { n in
                    summary.themes.shownTotal.map { language.percent($0 > 0 ? Double(n) / Double($0) * 100 : 0) }
                } ?? ReportLanguage.hidden)
        }
        let choices = summary.choices.map { question -> ReportGrid in
            var grid = SummaryContext.grid(
                question.table, language: language, whole: whole, cell: { SummaryContext.share($0, language) },
                wholeCell: { SummaryContext.wholeShare($0, of: question.table, language) })
            grid.rows.append(SummaryContext.baseRow(question.table, language: language, whole: true))
            grid.text = Markdown.inline(question.text + (question.survey.map { " – " + $0 } ?? ""))
            grid.id = question.id
            grid.multi = question.table.multiResponseRows
            grid.note = SummaryContext.notes(
                SummaryContext.poolNote(question.table.districtPools, language: language),
                SummaryContext.rareNote(question.rare, minCell: question.table.minCell, language: language))
            return grid
        }
        // Each grid's first header cell; with more areas than a page takes side by side, areas become the rows.
        let sv = language == .sv
        basis.corner = sv ? "Typ" : "Kind"
        themes.corner = sv ? "Tema" : "Theme"
        // A battery's items are its own table (`RatingBattery`), not rows of the scale table.
        let inBattery = Set(summary.batteries.flatMap(\.items))
        var plain = summary
        plain.scales.removeAll { inBattery.contains($0.id) }
        var scales = SummaryContext.scales(plain, language: language, whole: whole, numbers: false)
        var numbers = SummaryContext.scales(summary, language: language, whole: whole, numbers: true)
        (scales.corner, numbers.corner) = sv ? ("Fråga", "Fråga") : ("Question", "Question")
        var choiceGrids = choices.map { grid -> ReportGrid in
            var grid = grid
            grid.corner = sv ? "Svar" : "Answer"
            return grid
        }
        if areasAsRows(input) {
            // Each area a row, under its registry group's name where the registry has groups.
            let area = sv ? "Område" : "District"
            let areas = summary.areas
            basis = basis.transposed(corner: area, groups: areas.groups(of: summary.basis.colValues))
            themes = themes.transposed(
                corner: area, groups: areas.groups(of: summary.themes.colValues, pools: summary.themes.districtPools))
            // The means' pools, every question's: a pool's name means the same kind of pool in each.
            let pools = SummaryContext.meansPools(summary)
            scales = scales.transposed(corner: area, groups: areas.groups(of: scales.columnValues, pools: pools))
            numbers = numbers.transposed(corner: area, groups: areas.groups(of: numbers.columnValues, pools: pools))
            choiceGrids = zip(choiceGrids, summary.choices).map { grid, question in
                grid.transposed(corner: area, groups: areas.groups(of: question.table.colValues, pools: question.table.districtPools))
            }
        }
        // Tables at most a page wide: a turned table has one column per theme, answer or question.
        let widest = areasAsRows(input) ? 6 : Int.max
        themes = themes.paged(maxColumns: widest)
        scales = scales.paged(maxColumns: widest)
        numbers = numbers.paged(maxColumns: widest)
        choiceGrids = choiceGrids.map { $0.paged(maxColumns: widest) }
        let dates = summary.surveys.compactMap(\.firstDate) + summary.surveys.compactMap(\.lastDate)
        var shownSummary = summary
        shownSummary.differences = Array(summary.differences.prefix(input.differences))
        let sentences = ReportSummary.overview(shownSummary, ranked: input.codebook == nil ? [] : Self.ranked(input), language: language)
        var context = OverviewReportContext(
            title: Markdown.inline(input.title ?? Self.title(surveys: summary.surveys, language: language)),
            hasCodebook: input.codebook != nil, codebook: Markdown.inline(input.codebook?.codebook.id ?? ""),
            version: Markdown.inline(input.codebook?.codebook.version ?? ""), revision: input.codebook?.revision ?? 0, date: input.date,
            total: language.integer(summary.basis.total),
            minCell: summary.themes.minCell, basis: basis,
            surveys: summary.surveys.map { s in
                ReportSurveyRow(
                    id: Markdown.cell(s.id), title: Markdown.cell(s.title), wave: Markdown.cell(s.wave ?? "–"),
                    kind: Markdown.cell(s.kind ?? "–"), respondents: language.integer(s.respondents),
                    period: s.firstDate.map { first in first == s.lastDate ? first : "\(first) – \(s.lastDate ?? first)" } ?? "–")
            },
            waves: Markdown.inline(Set(summary.surveys.compactMap(\.wave)).sorted().joined(separator: ", ")),
            hasWaves: summary.surveys.contains { $0.wave != nil },
            hasPeriod: !dates.isEmpty, firstDate: dates.min() ?? "", lastDate: dates.max() ?? "",
            summary: sentences, hasSummary: !sentences.isEmpty,
            ranked: ranked,
            rareThemes: SummaryContext.rareNote(summary.rareThemes, minCell: summary.themes.minCell, language: language, themes: true),
            themes: themes, choices: choiceGrids, hasChoices: !choices.isEmpty,
            scales: scales, hasScales: !summary.scales.isEmpty, hasScaleItems: plain.scales.contains { !$0.numbers }, numbers: numbers,
            hasNumbers: summary.scales.contains(where: \.numbers),
            scalesNote: SummaryContext.meansPoolNote(plain.scales.filter { !$0.numbers }, grid: scales, language: language),
            numbersNote: SummaryContext.meansPoolNote(summary.scales.filter(\.numbers), grid: numbers, language: language),
            numberMedianFrom: ScaleMean.numberMedianFrom,
            batteries: summary.batteries.enumerated().map { index, battery in
                let names = batteryChartNames(battery, index: index, parts: 1)
                let parts = figures.keys.filter { $0.hasPrefix("batteri-\(index + 1)") && $0 != names.spread }.sorted {
                    $0.count != $1.count ? $0.count < $1.count : $0 < $1
                }
                let title = batteryTitle(battery, language: language)
                return ReportBattery(
                    title: Markdown.inline(title), alt: Markdown.altText(title), items: language.integer(battery.items.count),
                    figures: parts.compactMap { figures[$0] }, spread: figures[names.spread] ?? "", hasSpread: figures[names.spread] != nil)
            },
            scaleFigures: plain.scales.compactMap { question in
                figures[scaleChartName(question)].map { .init(text: Markdown.altText(question.text), figure: $0) }
            },
            differences: SummaryContext.differences(Array(summary.differences.prefix(input.differences)), language: language),
            hasDifferences: !summary.differences.isEmpty, method: MethodBox.context(input.method, language: language),
            rankedFigure: figures["teman.svg"] ?? "", hasRankedFigure: figures["teman.svg"] != nil,
            heatmapFigure: figures["teman-omraden.svg"] ?? "", hasHeatmapFigure: figures["teman-omraden.svg"] != nil)
        context.themeMaps = mappedThemes(input).compactMap { theme in
            figures[themeMapName(theme)].map {
                OverviewReportContext.ScaleFigure(text: Markdown.altText(SummaryContext.themeName(theme, summary)), figure: $0)
            }
        }
        context.hasThemeMaps = !context.themeMaps.isEmpty
        context.themeMapLegend = figures[themeMapLegendName] ?? ""
        return context
    }
}
