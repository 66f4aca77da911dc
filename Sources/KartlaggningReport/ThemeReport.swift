import Foundation
import KartlaggningAnalysis
import KartlaggningModel

/// The Markdown report for a thematic-group meeting: per theme, how many raised it and where, related themes,
/// distinctive words, the questions respondents ask and pseudonymised quotes. The layout is a Mustache template
/// (`ThemeReport.swedish`, `ThemeReport.english`) a municipality can copy, edit and pass back.
public enum ThemeReport {
    /// The chart of one section's theme by district (SVG), to write beside the report.
    public static func districtChart(_ input: ThemeReportInput, section: ThemeReportInput.Section) -> String {
        let language = input.language
        let table = section.areas.map { input.byDistrict.arrangingColumns($0.order) } ?? input.byDistrict
        let lookup = CrossTable.Lookup(table)
        let bars = table.colValues.compactMap { district -> BarChart.Bar? in
            guard let cell = lookup.cell(section.theme.id, district) else { return nil }
            let text = cell.percent.map { language.percent($0, count: cell.n ?? 0) } ?? ReportLanguage.hidden
            return BarChart.Bar(label: language.place(district), percent: cell.percent, text: text)
        }
        return BarChart.svg(
            title: "\(section.theme.label): \(language.phrases.shareByDistrict)",
            description: bars.map { "\($0.label): \($0.text)" }.joined(separator: "; ") + ". "
                + String(format: language.phrases.hiddenNote, input.byDistrict.minCell),
            bars: bars, id: "omraden-\(section.theme.id)")
    }

    /// The file name of a section's chart inside the figures folder.
    public static func chartName(_ section: ThemeReportInput.Section) -> String {
        "omraden-\(FileName.safe(section.theme.id)).svg"
    }

    /// The data a template receives. Texts are Markdown-escaped for where they go (table cells, running text).
    /// - Parameter figures: each section's chart path relative to the report, by theme id.
    public static func context(_ input: ThemeReportInput, figures: [String: String] = [:]) -> ThemeReportContext {
        let language = input.language
        /// A row per column of `table` with the theme's cell, under its group's name where `areas` gives groups.
        func rows(_ table: CrossTable, _ theme: String, areas: AreaArrangement? = nil) -> [ReportThemeSection.Share] {
            let table = areas.map { table.arrangingColumns($0.order) } ?? table
            let lookup = CrossTable.Lookup(table)
            var current: String?
            return table.colValues.flatMap { value -> [ReportThemeSection.Share] in
                guard let cell = lookup.cell(theme, value), let base = lookup.colTotal(value) else {
                    return []
                }
                var out: [ReportThemeSection.Share] = []
                if let group = areas?.groups[value], group != current {
                    out.append(ReportThemeSection.Share(name: "**\(Markdown.cell(group))**", n: "", percent: "", base: ""))
                    current = group
                }
                out.append(
                    ReportThemeSection.Share(
                        name: Markdown.cell(language.place(value)), n: cell.n.map(language.integer) ?? ReportLanguage.hidden,
                        percent: cell.percent.map(language.percent) ?? ReportLanguage.hidden,
                        base: base.n.map(language.integer) ?? ReportLanguage.hidden))
                return out
            }
        }
        let sections = input.sections.map { section in
            let id = section.theme.id
            let total = input.byDistrict.rowTotals.first { $0.value == id }
            let quotesByPlace = Dictionary(grouping: section.quotes) { $0.district ?? language.phrases.noDistrict }
            // Places in order, the quotes without a district last.
            let places = quotesByPlace.keys.sorted {
                ($0 == language.phrases.noDistrict ? 1 : 0, $0) < ($1 == language.phrases.noDistrict ? 1 : 0, $1)
            }
            return ReportThemeSection(
                id: id, label: Markdown.inline(section.theme.label), labelAlt: Markdown.altText(section.theme.label),
                description: section.theme.description.map { Markdown.inline($0, startsLine: true) } ?? "",
                hasDescription: section.theme.description != nil,
                respondents: total?.n.map(language.integer) ?? ReportLanguage.hidden,
                byDistrict: rows(input.byDistrict, id, areas: section.areas), byKind: rows(input.byKind, id),
                figure: figures[id] ?? "", hasFigure: figures[id] != nil,
                related: section.related.map { .init(label: Markdown.cell($0.label), respondents: language.integer($0.respondents)) },
                hasRelated: !section.related.isEmpty,
                terms: section.terms.map { Markdown.inline($0.term) }.joined(separator: ", "), hasTerms: !section.terms.isEmpty,
                questions: section.questions.map { Markdown.inline($0, startsLine: true) }, hasQuestions: !section.questions.isEmpty,
                // Small counts are hidden here too: the total is not shown, so hiding them is enough.
                sources: section.sources.map { source in
                    .init(
                        question: Markdown.cell(source.question),
                        answers: source.answers < input.byDistrict.minCell ? ReportLanguage.hidden : language.integer(source.answers))
                },
                hasSources: !section.sources.isEmpty,
                quotes: places.map { place in
                    .init(
                        district: Markdown.inline(place),
                        items: quotesByPlace[place, default: []].map {
                            .init(text: Markdown.inline($0.text, startsLine: true), kind: Markdown.inline($0.kind))
                        })
                },
                hasQuotes: !section.quotes.isEmpty)
        }
        let labels = input.sections.map(\.theme.label)
        let prefix = language == .sv ? (labels.count == 1 ? "Tema" : "Teman") : (labels.count == 1 ? "Theme" : "Themes")
        var context = ThemeReportContext(
            title: Markdown.inline(input.title ?? "\(prefix): \(labels.joined(separator: ", "))"),
            codebook: Markdown.inline(input.codebook.codebook.id), version: Markdown.inline(input.codebook.codebook.version),
            revision: input.codebook.revision, date: input.date, total: language.integer(input.byDistrict.total),
            minCell: input.byDistrict.minCell, sections: sections, method: MethodBox.context(input.method, language: language))
        context.summary = ReportSummary.themes(input, language: language)
        context.hasSummary = !context.summary.isEmpty
        return context
    }

    /// The built-in layout (Swedish). Variables: title, codebook, version, revision, date, total (respondents in the
    /// selection), minCell, method (the `{{> method}}` box), and sections, each with id, label (labelAlt in a chart's alt text), description and
    /// hasDescription, respondents, byDistrict and byKind (name, n, percent, base), figure and hasFigure, related
    /// (label, respondents) and hasRelated, terms and hasTerms, questions and hasQuestions, sources (question,
    /// answers) and hasSources, quotes (district, items: text, kind) and hasQuotes; summary (sentences) and hasSummary.
    /// With one theme, its section's variables are also at the top level.
    public static let swedish = """
        # {{{title}}}

        _Kodbok {{{codebook}}} {{{version}}} (revision {{revision}}) · {{{date}}} · {{{total}}} respondenter_
        {{> summary}}
        {{#sections}}

        ## {{{label}}}
        {{#hasDescription}}

        {{{description}}}
        {{/hasDescription}}

        {{{respondents}}} av {{{total}}} respondenter tog upp temat.

        ### Per område

        | Område | Respondenter | Andel | N |
        |---|---:|---:|---:|
        {{#byDistrict}}
        | {{{name}}} | {{{n}}} | {{{percent}}} | {{{base}}} |
        {{/byDistrict}}

        ### Per respondenttyp

        | Typ | Respondenter | Andel | N |
        |---|---:|---:|---:|
        {{#byKind}}
        | {{{name}}} | {{{n}}} | {{{percent}}} | {{{base}}} |
        {{/byKind}}

        {{#hasFigure}}
        ![{{{labelAlt}}}: andel respondenter per område]({{{figure}}})

        {{/hasFigure}}
        Andel: av områdets (typens) respondenter, N. ·· = färre än {{minCell}} respondenter, eller dolt så att inget dolt värde kan räknas fram ur summorna.
        {{#hasSources}}

        ### Var temat kom upp

        | Fråga | Svar med temat |
        |---|---:|
        {{#sources}}
        | {{{question}}} | {{{answers}}} |
        {{/sources}}
        {{/hasSources}}
        {{#hasRelated}}

        ### Närliggande teman

        | Tema | Respondenter som också tog upp det |
        |---|---:|
        {{#related}}
        | {{{label}}} | {{{respondents}}} |
        {{/related}}
        {{/hasRelated}}
        {{#hasTerms}}

        ### Utmärkande ord

        {{{terms}}}
        {{/hasTerms}}
        {{#hasQuestions}}

        ### Frågor de ställer

        {{#questions}}
        - {{{.}}}
        {{/questions}}
        {{/hasQuestions}}
        {{#hasQuotes}}

        ### Citat

        Citaten är avidentifierade: e-postadresser, telefonnummer, person- och organisationsnummer och namn är ersatta.
        {{#quotes}}

        #### {{{district}}}
        {{#items}}

        > {{{text}}}
        > — {{{kind}}}
        {{/items}}
        {{/quotes}}
        {{/hasQuotes}}
        {{/sections}}

        {{> method}}
        """

    /// The built-in layout in English; the same variables as `swedish`.
    public static let english = """
        # {{{title}}}

        _Codebook {{{codebook}}} {{{version}}} (revision {{revision}}) · {{{date}}} · {{{total}}} respondents_
        {{> summary}}
        {{#sections}}

        ## {{{label}}}
        {{#hasDescription}}

        {{{description}}}
        {{/hasDescription}}

        {{{respondents}}} of {{{total}}} respondents raised the theme.

        ### By district

        | District | Respondents | Share | N |
        |---|---:|---:|---:|
        {{#byDistrict}}
        | {{{name}}} | {{{n}}} | {{{percent}}} | {{{base}}} |
        {{/byDistrict}}

        ### By kind of respondent

        | Kind | Respondents | Share | N |
        |---|---:|---:|---:|
        {{#byKind}}
        | {{{name}}} | {{{n}}} | {{{percent}}} | {{{base}}} |
        {{/byKind}}

        {{#hasFigure}}
        ![{{{labelAlt}}}: share of respondents by district]({{{figure}}})

        {{/hasFigure}}
        Share: of the district's (kind's) respondents, N. ·· = fewer than {{minCell}} respondents, or hidden so that no hidden value can be worked out from the totals.
        {{#hasSources}}

        ### Where the theme came up

        | Question | Answers with the theme |
        |---|---:|
        {{#sources}}
        | {{{question}}} | {{{answers}}} |
        {{/sources}}
        {{/hasSources}}
        {{#hasRelated}}

        ### Related themes

        | Theme | Respondents who also raised it |
        |---|---:|
        {{#related}}
        | {{{label}}} | {{{respondents}}} |
        {{/related}}
        {{/hasRelated}}
        {{#hasTerms}}

        ### Distinctive words

        {{{terms}}}
        {{/hasTerms}}
        {{#hasQuestions}}

        ### Questions they ask

        {{#questions}}
        - {{{.}}}
        {{/questions}}
        {{/hasQuestions}}
        {{#hasQuotes}}

        ### Quotes

        The quotes are de-identified: e-mail addresses, phone numbers, personal and organisation numbers and names are replaced.
        {{#quotes}}

        #### {{{district}}}
        {{#items}}

        > {{{text}}}
        > — {{{kind}}}
        {{/items}}
        {{/quotes}}
        {{/hasQuotes}}
        {{/sections}}

        {{> method}}
        """
}
