import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

/// The first page: respondents by kind × area and the theme × area heatmap, for the chosen survey, wave and kind.
/// Every shown count above zero links to its answers; a hidden one (`··`) links nowhere.
enum OverviewPage {
    static func render(
        selection: Selection, tables: WorkbenchData.Tables, state: WorkbenchData.State, options: WorkbenchOptions
    ) -> String {
        var body = "<h1>Översikt</h1>\n"
        body += PageParts.filterForm(action: "/", selection: selection, vocabulary: state.vocabulary, codebook: state.codebook, full: false)
        body += "<p class=\"note\">·· = färre än \(options.minCell) respondenter, eller dolt så att inget dolt värde kan räknas fram.</p>\n"
        var themes = "<p>Ingen kodbok är laddad: teman visas när en kodbok är laddad och svaren taggade.</p>\n"
        if let table = tables.themes, let codebook = state.codebook {
            themes = heatmap(table, areas: tables.areas, codebook: codebook, selection: selection)
            if let map = state.map, let drawn = OverviewMap.render(table, map: map, codebook: codebook, selection: selection) {
                themes = "<div class=\"with-map\"><div class=\"heatmap-part\">" + themes + "</div>" + drawn + "</div>\n"
            }
        }
        // With many areas the heatmap (each area's N beside its name) comes first; the basis follows, as long.
        let many = tables.basis.colValues.count > 8
        body +=
            many
            ? themes + basis(tables.basis, areas: tables.areas, selection: selection)
            : basis(tables.basis, areas: tables.areas, selection: selection) + themes
        return HTML.page(title: "Översikt", body: body, meeting: options.meeting, active: "/")
    }

    /// Respondents by kind and area, with the totals; kinds as columns beyond eight areas (the table grows down).
    static func basis(_ table: CrossTable, areas: AreaArrangement, selection: Selection) -> String {
        let lookup = CrossTable.Lookup(table)
        func cell(_ kind: String, _ area: String) -> String {
            guard let cell = lookup.cell(kind, area), !cell.suppressed, let n = cell.n else { return PageParts.hiddenCell }
            var target = selection.overviewFilters
            target.kind = kind
            target.area = area
            return PageParts.countCell(
                // Kinds counted together (`KindPooling`) have no one answers page: their count is not a link.
                String(n), href: n > 0 && table.kindPools.pools[kind] == nil ? "/answers?" + target.query() : nil,
                title: "\(kind), \(PageParts.areaName(area)): \(n)")
        }
        func total(_ total: CrossTable.Total?) -> String {
            total?.n.map { "<td>\($0)</td>" } ?? PageParts.hiddenCell
        }
        let turned = table.colValues.count > 8
        let (rows, columns) = turned ? (table.colValues, table.rowValues) : (table.rowValues, table.colValues)
        var out =
            "<h2>Respondenter per typ och område</h2>\n<div class=\"scroll\"><table class=\"counts\">\n<thead><tr><th>\(turned ? "Område" : "Typ")</th>"
        for column in columns { out += "<th scope=\"col\">\(HTML.escape(turned ? column : PageParts.areaName(column)))</th>" }
        out += "<th scope=\"col\">Totalt</th></tr></thead>\n<tbody>\n"
        var group: String?
        for row in rows {
            if turned, let next = areas.groups[row], next != group {
                out += PageParts.groupRow(next, columns: columns.count + 2)
                group = next
            }
            out += "<tr><th scope=\"row\">\(HTML.escape(turned ? PageParts.areaName(row) : row))</th>"
            for column in columns { out += turned ? cell(column, row) : cell(row, column) }
            out += total(turned ? lookup.colTotal(row) : lookup.rowTotal(row)) + "</tr>\n"
        }
        out += "<tr class=\"total\"><th scope=\"row\">Totalt</th>"
        for column in columns { out += total(turned ? lookup.rowTotal(column) : lookup.colTotal(column)) }
        return out + "<td>\(table.shownTotal.map(String.init) ?? "··")</td></tr>\n</tbody></table></div>\n"
    }

    /// Themes × areas, shares of each area's respondents, shaded; areas as rows beyond eight.
    static func heatmap(_ table: CrossTable, areas: AreaArrangement, codebook: StoredCodebook, selection: Selection) -> String {
        let lookup = CrossTable.Lookup(table)
        // Colour only where the area's base is large enough to carry a share: 3 of 6 is not darker news than 7 of 40.
        let thin = Set(table.colTotals.filter { ($0.n ?? 0) < ReportSummary.smallArea }.map(\.value))
        let largest = table.cells.filter { !thin.contains($0.col) }.compactMap(\.percent).max() ?? 1
        let turned = table.colValues.count > 8
        var out =
            "<h2>Teman per område</h2>\n<p class=\"note\">Andel av områdets respondenter; klicka på en ruta för svaren bakom den.</p>\n"
        out += legend(largest: largest, thin: !thin.isEmpty)
        if turned {
            // Hundreds of areas: a field that narrows the rows to the areas whose name holds what is typed (the
            // workbench's script; without it, every row stays).
            out +=
                "<p class=\"area-filter\"><label for=\"area-filter\">Sök område</label> <input type=\"search\" id=\"area-filter\" data-table=\"heatmap\" autocomplete=\"off\" placeholder=\"t.ex. Bjästa\"></p>\n"
        }
        out +=
            "<div class=\"scroll\"><table class=\"heatmap\(turned ? " turned" : "")\" id=\"heatmap\">\n<thead><tr><th>\(turned ? "Område" : "Tema")</th>"
        func cell(_ theme: String, _ area: String) -> String {
            guard let cell = lookup.cell(theme, area), !cell.suppressed, let n = cell.n, let percent = cell.percent else {
                return PageParts.hiddenCell
            }
            var target = selection.overviewFilters
            target.theme = theme
            target.area = area
            let name = PageParts.themeName(theme, codebook)
            return PageParts.countCell(
                PageParts.percent(percent), href: n > 0 ? "/answers?" + target.query() : nil,
                heat: thin.contains(area) ? "thin" : PageParts.heat(percent, largest: largest),
                title: "\(name), \(PageParts.areaName(area)): \(n) av \(cell.base ?? 0)")
        }
        /// The whole selection's share for a theme (its total over everyone), linked to all its answers.
        func whole(_ theme: String) -> String {
            guard let total = lookup.rowTotal(theme), let n = total.n, let all = table.shownTotal, all > 0 else {
                return PageParts.hiddenCell
            }
            var target = selection.overviewFilters
            target.theme = theme
            let percent = Double(n) / Double(all) * 100
            return PageParts.countCell(
                PageParts.percent(percent), href: n > 0 ? "/answers?" + target.query() : nil,
                heat: PageParts.heat(percent, largest: largest) + " whole",
                title: "\(PageParts.themeName(theme, codebook)), hela kommunen: \(n) av \(all)")
        }
        /// A theme's link; in a turned head a child's own label after `›` (its parent stands just before it).
        func themeHead(_ theme: String, short: Bool = false) -> String {
            let name =
                short && codebook.codebook.parents[theme] != nil
                ? "› " + (codebook.codebook.labels[theme] ?? theme) : PageParts.themeName(theme, codebook)
            return
                "<a href=\"/theme/\(FormFields.encode(theme))?\(HTML.escape(selection.overviewFilters.query()))\">\(HTML.escape(name))</a>"
        }
        if turned {
            for theme in table.rowValues {
                out +=
                    "<th scope=\"col\" class=\"slanted\" title=\"\(HTML.escape(PageParts.themeName(theme, codebook)))\"><span>\(themeHead(theme, short: true))</span></th>"
            }
            out += "</tr></thead>\n<tbody>\n"
            out += "<tr class=\"whole\"><th scope=\"row\">Hela kommunen\(table.shownTotal.map { " <small>(\($0))</small>" } ?? "")</th>"
            for theme in table.rowValues { out += whole(theme) }
            out += "</tr>\n"
            var group: String?
            for area in table.colValues {
                if let next = areas.groups[area], next != group {
                    out += PageParts.groupRow(next, columns: table.rowValues.count + 1)
                    group = next
                }
                let base = lookup.colTotal(area)?.n
                out += "<tr><th scope=\"row\">\(HTML.escape(PageParts.areaName(area)))\(base.map { " <small>(\($0))</small>" } ?? "")</th>"
                for theme in table.rowValues { out += cell(theme, area) }
                out += "</tr>\n"
            }
        } else {
            for area in table.colValues {
                let base = lookup.colTotal(area)?.n
                out += "<th scope=\"col\">\(HTML.escape(PageParts.areaName(area)))\(base.map { "<br><small>N \($0)</small>" } ?? "")</th>"
            }
            out += "<th scope=\"col\">Hela kommunen\(table.shownTotal.map { "<br><small>N \($0)</small>" } ?? "")</th>"
            out += "</tr></thead>\n<tbody>\n"
            for theme in table.rowValues {
                out += "<tr><th scope=\"row\">\(themeHead(theme))</th>"
                for area in table.colValues { out += cell(theme, area) }
                out += whole(theme) + "</tr>\n"
            }
        }
        return out + "</tbody></table></div>\n"
    }

    /// What the colours mean: ten steps from 0 to the largest share shown, and the hatching of thin areas.
    static func legend(largest: Double, thin: Bool) -> String {
        var out = "<p class=\"legend\" aria-label=\"Färgskala\">0 % "
        for step in 0...9 { out += "<span class=\"h\(step)\"></span>" }
        out += " \(PageParts.percent(largest))"
        if thin {
            out +=
                " · <span class=\"thin\"></span> färre än \(ReportSummary.smallArea) respondenter i området: ingen färg, andelen bygger på få"
        }
        return out + "</p>\n"
    }
}
