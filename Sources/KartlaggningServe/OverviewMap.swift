import KartlaggningAnalysis
import KartlaggningModel
import KartlaggningReport

/// The overview's map: one theme's share by area, from the heatmap's own table (so it hides what the heatmap hides),
/// each area with a share linked to the answers page its heatmap cell opens (the same gate there), and a form to
/// choose the theme.
enum OverviewMap {
    /// The map section, or nil where no theme has anyone.
    static func render(_ table: CrossTable, map: AreaMap, codebook: StoredCodebook, selection: Selection) -> String? {
        let raised = table.rowTotals.filter { ($0.n ?? 0) > 0 || $0.suppressed }
        // The theme asked for, else the one most raised (the first of equals, in the codebook's order).
        let order = Dictionary(table.rowValues.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let mostRaised = raised.max { ($0.n ?? -1, -(order[$0.value] ?? 0)) < ($1.n ?? -1, -(order[$1.value] ?? 0)) }
        guard let theme = selection.theme.flatMap({ table.rowValues.contains($0) ? $0 : nil }) ?? mostRaised?.value else { return nil }
        let lookup = CrossTable.Lookup(table)
        let (values, pools) = ChoroplethValues.values(of: table, row: theme, minBase: ReportSummary.smallArea, palette: .sequential)
        var links: [String: String] = [:]
        for area in table.colValues {
            // As the heatmap's cell: a shown count above zero links to its answers; a hidden one nowhere.
            guard let cell = lookup.cell(theme, area), !cell.suppressed, let n = cell.n, n > 0, table.districtPools.pools[area] == nil
            else { continue }
            var target = selection.overviewFilters
            target.theme = theme
            target.area = area
            links[area] = "/answers?" + target.query()
        }
        let name = PageParts.themeName(theme, codebook)
        var input = ChoroplethInput(title: name, measure: "Andel av områdets respondenter som tog upp temat", map: map, values: values)
        input.pools = pools
        input.minBase = ReportSummary.smallArea
        input.minCell = table.minCell
        input.links = links
        input.id = "oversiktskarta"
        input.width = 620
        var out = "<section class=\"map-part\" aria-label=\"Karta\">\n<h2>Kartan</h2>\n"
        out += "<form method=\"get\" action=\"/\" class=\"map-theme\">"
        for (key, value) in [("survey", selection.survey), ("wave", selection.wave), ("kind", selection.kind)] {
            if let value { out += "<input type=\"hidden\" name=\"\(key)\" value=\"\(HTML.escape(value))\">" }
        }
        out += "<label for=\"map-theme\">Tema på kartan</label> <select id=\"map-theme\" name=\"theme\">"
        for value in table.rowValues where raised.contains(where: { $0.value == value }) {
            out +=
                "<option value=\"\(HTML.escape(value))\"\(value == theme ? " selected" : "")>\(HTML.escape(PageParts.themeName(value, codebook)))</option>"
        }
        out += "</select> <button type=\"submit\">Visa</button></form>\n"
        out += "<p class=\"note\">Klicka på ett område för svaren bakom det. Randigt: dolt, som ·· i tabellen.</p>\n"
        // Inline in HTML the SVG needs no namespace (its URL would be the page's only "http://").
        let svg = ChoroplethMap.svg(input).replacingOccurrences(of: " xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        out += "<figure class=\"map\">" + svg + "</figure>\n</section>\n"
        return out
    }
}
