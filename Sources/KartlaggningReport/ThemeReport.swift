import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import Mustache

/// The Markdown report for a thematic-group meeting: how many raised the theme and where, related themes,
/// distinctive words and pseudonymised quotes. The layout is a Mustache template (`ThemeReport.template`) a
/// municipality can copy, edit and pass back; the data it receives is documented there.
public enum ThemeReport {
    /// A template that cannot be used, with the line the parser stopped at.
    public struct TemplateError: Error, LocalizedError, Equatable {
        public var file: String
        public var line: Int
        public var message: String

        public var errorDescription: String? { "\(file):\(line): template error: \(message)" }
    }

    /// The chart of the theme by district (SVG), to write as `figure` beside the report.
    public static func districtChart(_ input: ThemeReportInput) -> String {
        let bars = input.byDistrict.colValues.compactMap { district -> BarChart.Bar? in
            guard let cell = input.byDistrict.cell(input.theme.id, district) else { return nil }
            let text = cell.percent.map { Swedish.percent($0) + " (" + Swedish.integer(cell.n ?? 0) + ")" } ?? "··"
            return BarChart.Bar(label: district, percent: cell.percent, text: text)
        }
        return BarChart.svg(
            title: "\(input.theme.label): andel respondenter per område",
            description: bars.map { "\($0.label): \($0.text)" }.joined(separator: "; ")
                + ". ·· = färre än \(input.byDistrict.minCell) respondenter eller dolt.",
            bars: bars)
    }

    /// Renders `input` with the built-in template, or with `template` (its text) read from `file`.
    /// - Parameter figure: the district chart's path relative to the report, when one is written.
    public static func render(
        _ input: ThemeReportInput, template: String? = nil, file: String = "(built-in)", figure: String? = nil
    ) throws -> String {
        let parsed: MustacheTemplate
        do {
            parsed = try MustacheTemplate(string: template ?? Self.template)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(file: file, line: error.context.lineNumber, message: "\(error.error)")
        }
        var data = context(input)
        if let figure {
            data["figure"] = figure
            data["hasFigure"] = true
        }
        return parsed.render(data)
    }

    /// The data a template receives. Every text is already Markdown-escaped for table cells where it goes in one.
    static func context(_ input: ThemeReportInput) -> [String: Any] {
        let theme = input.theme.id
        func rows(_ table: CrossTable) -> [[String: Any]] {
            table.colValues.compactMap { value in
                guard let cell = table.cell(theme, value), let base = table.colTotals.first(where: { $0.value == value }) else {
                    return nil
                }
                return [
                    "name": Markdown.cell(value), "n": cell.n.map(Swedish.integer) ?? "··",
                    "percent": cell.percent.map(Swedish.percent) ?? "··", "base": base.n.map(Swedish.integer) ?? "··",
                ]
            }
        }
        let total = input.byDistrict.rowTotals.first { $0.value == theme }
        let quotesByPlace = Dictionary(grouping: input.quotes) { $0.district ?? "(område ej angivet)" }
        return [
            "title": input.title ?? "Tema: \(input.theme.label)",
            "label": input.theme.label,
            "description": input.theme.description ?? "",
            "hasDescription": input.theme.description != nil,
            "codebook": input.codebook.codebook.id, "version": input.codebook.codebook.version, "revision": input.codebook.revision,
            "date": input.date,
            "respondents": total?.n.map(Swedish.integer) ?? "··",
            "total": Swedish.integer(input.byDistrict.total),
            "byDistrict": rows(input.byDistrict), "byKind": rows(input.byKind),
            "related": input.related.map { ["label": Markdown.cell($0.label), "respondents": Swedish.integer($0.respondents)] },
            "hasRelated": !input.related.isEmpty,
            "terms": input.terms.map(\.term).joined(separator: ", "),
            "hasTerms": !input.terms.isEmpty,
            "quotes": quotesByPlace.keys.sorted().map { place in
                [
                    "district": place,
                    "items": quotesByPlace[place]!.map { ["text": $0.text.replacingOccurrences(of: "\n", with: " "), "kind": $0.kind] },
                ]
            },
            "hasQuotes": !input.quotes.isEmpty,
            "minCell": input.byDistrict.minCell,
        ]
    }

    /// The built-in layout (Swedish). Variables: title, label, description and hasDescription, codebook, version, revision, date,
    /// respondents, total, byDistrict and byKind (each: name, n, percent, base), related (label, respondents) and
    /// hasRelated, terms and hasTerms, quotes (district, items: text, kind) and hasQuotes, minCell, figure and hasFigure (the district chart's path).
    public static let template = """
        # {{{title}}}

        _Kodbok {{{codebook}}} {{{version}}} (revision {{revision}}) · {{{date}}}_

        {{#hasDescription}}
        {{{description}}}

        {{/hasDescription}}
        ## Hur många tog upp temat

        {{{respondents}}} av {{{total}}} respondenter tog upp {{{label}}}.

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
        ![{{{label}}}: andel respondenter per område]({{{figure}}})

        {{/hasFigure}}
        Andel: av områdets (typens) respondenter, N. En respondent räknas en gång. ·· = färre än {{minCell}} respondenter,
        eller dolt så att inget dolt värde kan räknas fram ur summorna.
        {{#hasRelated}}

        ## Närliggande teman

        | Tema | Respondenter som också tog upp det |
        |---|---:|
        {{#related}}
        | {{{label}}} | {{{respondents}}} |
        {{/related}}
        {{/hasRelated}}
        {{#hasTerms}}

        ## Utmärkande ord

        {{{terms}}}
        {{/hasTerms}}
        {{#hasQuotes}}

        ## Citat

        Citaten är avidentifierade: e-postadresser, telefonnummer, person- och organisationsnummer och namn är ersatta.
        {{#quotes}}

        ### {{{district}}}
        {{#items}}

        > {{{text}}}
        > — {{{kind}}}
        {{/items}}
        {{/quotes}}
        {{/hasQuotes}}

        """
}

/// Swedish number formats: decimal comma, non-breaking space between thousands.
public enum Swedish {
    public static func integer(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "\u{00A0}" }
            out.append(digit)
        }
        return (value < 0 ? "−" : "") + out
    }

    public static func percent(_ value: Double) -> String {
        String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",") + "\u{00A0}%"
    }
}
