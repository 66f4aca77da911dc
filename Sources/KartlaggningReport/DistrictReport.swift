import Foundation
import KartlaggningAnalysis

/// One district's profile against the whole municipality: who was heard there, which themes they raised more
/// or less often than elsewhere, how they answered the closed questions, and what they said.
public enum DistrictReport {
    /// The chart written beside the report: the district's share per theme, the whole municipality's as a mark.
    public static func chart(_ input: DistrictReportInput) -> (name: String, svg: String) {
        let language = input.language
        let table = input.summary.themes
        let bars = themeOrder(input).map { theme -> BarChart.Bar in
            let cell = table.cell(theme, input.district)
            let whole = wholePercent(theme, table)
            let text =
                cell.flatMap { c in c.percent.map { language.percent($0, count: c.n ?? 0) } }
                ?? ReportLanguage.hidden
            return BarChart.Bar(
                label: SummaryContext.themeName(theme, input.summary), percent: cell?.percent,
                text: text + (whole.map { " · " + language.percent($0) } ?? ""), reference: whole)
        }
        let legend =
            language == .sv
            ? "Stapel: \(input.district) (antal). Röd markering och andra talet: hela kommunen. ··: färre än \(table.minCell) eller dolt."
            : "Bar: \(input.district) (count). Red mark and second figure: the whole municipality. ··: fewer than \(table.minCell), or hidden."
        return (
            "omrade-\(FileName.safe(input.district)).svg",
            BarChart.svg(
                title: "\(input.district): \(language.phrases.districtAgainstWhole)",
                description: bars.map { "\($0.label): \($0.text)" }.joined(separator: "; ") + ". " + legend, bars: bars,
                id: "omrade", legend: legend)
        )
    }

    /// Themes by the district's count, largest first; hidden last; ties in codebook order.
    static func themeOrder(_ input: DistrictReportInput) -> [String] {
        themeOrder(input.summary.themes, district: input.district)
    }

    /// The rows of theme × district by `district`'s count, largest first; hidden last; ties in table order.
    public static func themeOrder(_ table: CrossTable, district: String) -> [String] {
        table.rowValues.enumerated().sorted { a, b in
            let na = table.cell(a.element, district)?.n ?? -1
            let nb = table.cell(b.element, district)?.n ?? -1
            return (-na, a.offset) < (-nb, b.offset)
        }.map(\.element)
    }

    static func wholePercent(_ row: String, _ table: CrossTable) -> Double? {
        guard let n = table.rowTotals.first(where: { $0.value == row })?.n, let whole = table.shownTotal, whole > 0 else { return nil }
        return Double(n) / Double(whole) * 100
    }

    /// The data a template receives; see `swedish` for the variables.
    /// Where the district lies, on the registry's map (where it has one).
    public static func locatorMap(_ input: DistrictReportInput) -> (name: String, svg: String)? {
        guard let map = input.summary.map else { return nil }
        let title = input.language == .sv ? "\(input.district) i kommunen" : "\(input.district) in the municipality"
        return LocatorMap.svg(map: map, district: input.district, title: title, language: input.language).map {
            ("karta-\(FileName.safe(input.district)).svg", $0)
        }
    }

    public static func context(_ input: DistrictReportInput, figure: String? = nil, locator: String? = nil) -> DistrictReportContext {
        let language = input.language
        let summary = input.summary
        let district = input.district
        let whole = language.phrases.whole
        func differenceTo(_ row: String, _ table: CrossTable) -> String {
            guard let percent = table.cell(row, district)?.percent, let wholeShare = wholePercent(row, table) else {
                return ReportLanguage.hidden
            }
            return language.points(percent - wholeShare)
        }
        func compared(_ table: CrossTable, rows: [String], name: (String) -> String) -> [ReportComparedRow] {
            rows.map { row in
                ReportComparedRow(
                    name: Markdown.cell(name(row)),
                    district: table.cell(row, district).map { SummaryContext.share($0, language) } ?? ReportLanguage.hidden,
                    whole: table.rowTotals.first { $0.value == row }.map { SummaryContext.wholeShare($0, of: table, language) }
                        ?? ReportLanguage.hidden,
                    points: differenceTo(row, table))
            }
        }
        let base = summary.themes.colTotals.first { $0.value == district }?.n
        let choices = summary.choices.map { question in
            ReportComparedQuestion(
                text: Markdown.inline(question.text), id: question.id, multi: question.table.multiResponseRows,
                rows: compared(question.table, rows: question.table.rowValues, name: { $0 }))
        }
        let own = SummaryContext.scales(summary, language: language, only: [district], whole: whole)
        let title = input.title ?? (language == .sv ? "Område: \(district)" : "District: \(district)")
        var context = DistrictReportContext(
            title: Markdown.inline(title), district: Markdown.inline(district), districtAlt: Markdown.altText(district),
            codebook: Markdown.inline(input.codebook.codebook.id), version: Markdown.inline(input.codebook.codebook.version),
            revision: input.codebook.revision, date: input.date, respondents: base.map(language.integer) ?? ReportLanguage.hidden,
            total: language.integer(summary.themes.total), minCell: summary.themes.minCell,
            byKind: compared(summary.basis, rows: summary.basis.rowValues, name: { $0 }),
            themes: compared(summary.themes, rows: themeOrder(input), name: { SummaryContext.themeName($0, summary) }),
            figure: figure ?? "", hasFigure: figure != nil, choices: choices, hasChoices: !choices.isEmpty,
            scales: own.rows.map { ReportScaleRow(name: $0.name, district: $0.cells.first ?? "–", whole: $0.cells.last ?? "–") },
            hasScales: !summary.scales.isEmpty, hasNumbers: summary.scales.contains(where: \.numbers),
            numberMedianFrom: ScaleMean.numberMedianFrom,
            differences: SummaryContext.differences(
                Array(summary.differences.filter { $0.difference.col == district }.prefix(input.differences)), language: language),
            hasDifferences: summary.differences.contains { $0.difference.col == district },
            quotes: input.quotes.map { group in
                .init(
                    label: Markdown.inline(group.label),
                    items: group.quotes.map { .init(text: Markdown.inline($0.text, startsLine: true), kind: Markdown.inline($0.kind)) })
            },
            hasQuotes: !input.quotes.isEmpty, method: MethodBox.context(input.method, language: language))
        context.locatorFigure = locator ?? ""
        context.hasLocatorFigure = locator != nil
        var shown = summary
        shown.differences = summary.differences.filter { $0.difference.col == district }
        shown.differences = Array(shown.differences.prefix(input.differences))
        context.summary = ReportSummary.district(shown, district: district, language: language)
        context.hasSummary = !context.summary.isEmpty
        return context
    }
}
