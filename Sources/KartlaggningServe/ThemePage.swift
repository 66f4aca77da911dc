import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

/// One theme: its share by area (shown cells link to their answers), the themes raised with it, and — asked for,
/// since they read every free text — its distinctive words, as the theme report has them.
enum ThemePage {
    static func render(
        theme: Theme, selection: Selection, tables: WorkbenchData.Tables, related: [(label: String, respondents: Int)], terms: [String]?,
        state: WorkbenchData.State, options: WorkbenchOptions
    ) -> String {
        let codebook = state.codebook
        let name = PageParts.themeName(theme.id, codebook)
        var body = "<h1>\(HTML.escape(name))</h1>\n"
        if let description = theme.description { body += "<p>\(HTML.escape(description))</p>\n" }
        body += PageParts.filterForm(
            action: "/theme/\(FormFields.encode(theme.id))", selection: selection, vocabulary: state.vocabulary, codebook: codebook,
            full: false)
        var all = selection.overviewFilters
        all.theme = theme.id
        body += "<p><a href=\"/answers?\(HTML.escape(all.query()))\">Alla svar med temat</a></p>\n"
        if let table = tables.themes, let lookup = tables.themeCells {
            body +=
                "<h2>Andel per område</h2>\n<table class=\"counts\"><thead><tr><th>Område</th><th>Respondenter</th><th>Andel</th><th>N</th></tr></thead><tbody>\n"
            for area in table.colValues {
                let base = lookup.colTotal(area)?.n.map(String.init) ?? "··"
                body += "<tr><th scope=\"row\">\(HTML.escape(PageParts.areaName(area)))</th>"
                if let cell = lookup.cell(theme.id, area), !cell.suppressed, let n = cell.n, let percent = cell.percent {
                    var target = all
                    target.area = area
                    body += PageParts.countCell(String(n), href: n > 0 ? "/answers?" + target.query() : nil, title: "\(n) av \(base)")
                    body += "<td>\(PageParts.percent(percent))</td>"
                } else {
                    body += PageParts.hiddenCell + PageParts.hiddenCell
                }
                body += "<td>\(base)</td></tr>\n"
            }
            body += "</tbody></table>\n"
        }
        if !related.isEmpty {
            body += "<h2>Tas upp tillsammans med</h2>\n<ul>"
            for item in related { body += "<li>\(HTML.escape(item.label)) (\(item.respondents))</li>" }
            body += "</ul>\n"
        }
        body += "<h2>Utmärkande ord</h2>\n"
        if let terms {
            body += terms.isEmpty ? "<p>Inga.</p>\n" : "<p class=\"terms\">\(terms.map(HTML.escape).joined(separator: ", "))</p>\n"
        } else {
            var asked = selection.overviewFilters
            asked.words = true
            body +=
                "<p><a href=\"/theme/\(FormFields.encode(theme.id))?\(HTML.escape(asked.query()))\">Räkna fram utmärkande ord</a> "
                + "<span class=\"note\">(läser alla fritextsvar: några sekunder på en stor databas)</span></p>\n"
        }
        return HTML.page(title: name, body: body, meeting: options.meeting)
    }
}
