import Foundation
import Ink

/// A report as one standalone HTML page (Ink renders the Markdown): charts inline so the page travels alone,
/// a readable screen layout and print-friendly CSS for projecting at a meeting or mailing.
public enum HTMLPage {
    /// - Parameters:
    ///   - markdown: the report.
    ///   - figures: chart path as the report links it → SVG text, put inline in place of the image.
    public static func render(markdown: String, title: String, language: ReportLanguage, figures: [String: String]) -> String {
        var parser = MarkdownParser()
        parser.addModifier(
            Modifier(target: .images) { html, source in
                // `![alt](target)`: the target is percent-encoded (no brackets), the alt text escaped by Markdown.inline.
                guard let split = source.range(of: "](", options: .backwards), source.hasSuffix(")"),
                    let svg = figures[String(source[split.upperBound..<source.index(before: source.endIndex)])]
                else { return html }
                let alt = Self.unescape(String(source[source.index(source.startIndex, offsetBy: 2)..<split.lowerBound]))
                // A question's distribution charts are small: two side by side.
                // The file's name, without the image's closing parenthesis.
                let name = source[split.upperBound..<source.index(before: source.endIndex)].split(separator: "/").last ?? ""
                // A tall heatmap (themes or a battery's means by many areas) may take a printed page of its own.
                let tall = svg.firstMatch(of: /height="(\d+)"/).flatMap { Int($0.1) }.map { $0 > 640 } ?? false
                let heatmap = tall && (name == "teman-omraden.svg" || (name.hasPrefix("batteri-") && !name.hasSuffix("-fordelning.svg")))
                // Small maps (one per theme) and their legend: a row.
                let small =
                    name.hasPrefix("karta-forklaring")
                    ? " class=\"small-map key\"" : name.hasPrefix("karta-") ? " class=\"small-map\"" : nil
                let kind = name.hasPrefix("skala-") ? " class=\"pair\"" : small ?? (heatmap ? " class=\"page\"" : "")
                return "<figure\(kind)>"
                    + svg.trimmingCharacters(in: .whitespacesAndNewlines) + "<figcaption>" + SVG.escape(alt)
                    + "</figcaption></figure>"
            })
        let body = columns(beside(withMaps(grouped(terms(parser.html(from: markdown))))))
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <title>\(SVG.escape(title))</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    /// A section's narrow tables two to a row: each run of `<h3>` blocks whose one table is narrow enough for half a
    /// printed page (by its longest texts) and which holds no chart goes into a two-column flow, each block kept
    /// whole. Only the layout changes: the same elements in the same order.
    static func columns(_ body: String) -> String {
        var out = ""
        var run: [Substring] = []
        func flush() {
            if run.count > 1 {
                out += "<div class=\"columns\">" + run.map { "<section class=\"block\">\($0)</section>" }.joined() + "</div>"
            } else {
                out += run.joined()
            }
            run = []
        }
        // Cut before every heading of level 2 or 3: each piece is a heading and what follows it.
        var pieces: [Substring] = []
        var rest = body[...]
        while let next = rest.dropFirst().firstRange(of: /<h[23]>/) {
            pieces.append(rest[..<next.lowerBound])
            rest = rest[next.lowerBound...]
        }
        pieces.append(rest)
        for piece in pieces {
            if piece.hasPrefix("<h3>") && narrow(piece) {
                run.append(piece)
            } else {
                flush()
                out += piece
            }
        }
        flush()
        return out
    }

    /// A list whose every item starts with a term in bold (the method box: "**Kodbok:** …", "**Urval:** …") is a
    /// glossary: printed in two columns, each item kept whole.
    static func terms(_ body: String) -> String {
        body.replacing(/<ul>((?:(?!<\/ul>)[\s\S])*)<\/ul>/) { match in
            let items = match.output.1.matches(of: /<li>/).count
            let termed = match.output.1.matches(of: /<li><strong>/).count
            guard items >= 4, termed == items else { return String(match.output.0) }
            return "<ul class=\"terms\">" + match.output.1 + "</ul>"
        }
    }

    /// A table of areas under their registry groups (a row holding only the group's name, in bold) as one table per
    /// group, its header and the group's name in each table's head: a browser repeats a table's head on every printed
    /// page, so a group that goes on to the next page is named there again, and on screen each group's head stays in
    /// view while its areas scroll. Columns keep one width across the groups (from the longest text of each column of
    /// the whole table). Only the layout changes: the same rows in the same order.
    static func grouped(_ body: String) -> String {
        body.replacing(/<table>((?:(?!<\/table>)[\s\S])*)<\/table>/) { match in
            let inner = String(match.output.1)
            let group = /<tr><td><strong>((?:(?!<\/).)*)<\/strong><\/td>(?:<td[^>]*><\/td>)*<\/tr>/
            guard inner.contains(group), let head = inner.firstMatch(of: /<thead>([\s\S]*?)<\/thead>/)?.output.1,
                let rowsText = inner.firstMatch(of: /<tbody>([\s\S]*?)<\/tbody>/)?.output.1
            else { return String(match.output.0) }
            let rows = rowsText.matches(of: /<tr>[\s\S]*?<\/tr>/).map { String($0.output) }
            let columns = head.matches(of: /<th[^>]*>/).count
            // Each column's width in characters: its longest cell, and its header wrapped in up to three lines.
            func text(_ cell: Substring) -> String {
                String(cell).replacing(/<[^>]+>/, with: "").replacing(/&#?[a-zA-Z0-9]+;/, with: " ")
            }
            var widest = [Int](repeating: 2, count: columns)
            for (c, cell) in head.matches(of: /<th[^>]*>(.*?)<\/th>/).enumerated() where c < columns {
                let header = text(cell.output.1)
                let word = header.split(separator: " ").map(\.count).max() ?? 0
                widest[c] = max(widest[c], word, (header.count + 2) / 3)
            }
            for row in rows where row.wholeMatch(of: group) == nil {
                for (c, cell) in row.matches(of: /<td[^>]*>(.*?)<\/td>/).enumerated() where c < columns {
                    widest[c] = max(widest[c], text(cell.output.1).count)
                }
            }
            let colgroup = "<colgroup>" + widest.map { "<col style=\"width: \(Double($0) * 0.6 + 1.2)em\">" }.joined() + "</colgroup>"
            var segments: [(name: String?, rows: [String])] = []
            for row in rows {
                if let name = row.wholeMatch(of: group)?.output.1 {
                    segments.append((String(name), []))
                } else if segments.isEmpty {
                    segments.append((nil, [row]))
                } else {
                    segments[segments.count - 1].rows.append(row)
                }
            }
            let tables = segments.map { segment in
                let name = segment.name.map { "<tr class=\"group-name\"><th colspan=\"\(columns)\">\($0)</th></tr>" } ?? ""
                return "<table class=\"group\">" + colgroup + "<thead>" + head + name + "</thead><tbody>"
                    + segment.rows.joined() + "</tbody></table>"
            }
            return "<div class=\"grouped\">" + tables.joined() + "</div>"
        }
    }

    /// A narrow table followed by its chart (with at most a paragraph between, a note on the table) side by side:
    /// the ranked themes and their bars, one look instead of a page each. Only the layout changes: the same elements
    /// in the same order.
    /// A chart followed by small maps (the overview's heatmap and its themes on the map): side by side, the maps two
    /// by two beside the chart, where the page is wide enough.
    static func withMaps(_ body: String) -> String {
        body.replacing(
            /(<figure>(?:(?!<\/figure>)[\s\S])*<\/figure>)\s*((?:<figure class="small-map[^"]*">(?:(?!<\/figure>)[\s\S])*<\/figure>\s*)+)/
        ) { match in
            "<div class=\"with-maps\">" + match.output.1 + "<div class=\"maps\">" + match.output.2 + "</div></div>"
        }
    }

    static func beside(_ body: String) -> String {
        body.replacing(
            /(<table>(?:(?!<\/table>)[\s\S])*<\/table>\s*(?:<p>(?:(?!<\/p>)[\s\S])*<\/p>\s*)?)(<figure>(?:(?!<\/figure>)[\s\S])*<\/figure>)/
        ) { match in
            let (table, figure) = (match.output.1, match.output.2)
            // At most about 60 % of the printed page's 1,030 px: the chart takes the rest.
            guard width(of: table) <= 620 else { return String(match.output.0) }
            return "<div class=\"beside\"><div>" + table + "</div>" + figure + "</div>"
        }
    }

    /// Whether a block fits half a printed page: one table, no chart, its columns' longest texts (about 6 px a
    /// character at the print size, with padding) within 470 px.
    static func narrow(_ block: Substring) -> Bool {
        guard !block.contains("<figure"), block.ranges(of: "<table>").count == 1,
            let table = block.firstRange(of: "<table>").map({ block[$0.lowerBound...] })
        else { return false }
        return width(of: table) <= 470
    }

    /// A table's printed width, about: its columns' longest texts at 6 px a character, with padding.
    static func width(of table: Substring) -> Int {
        var widest: [Int] = []
        for row in table.matches(of: /<tr>(.*?)<\/tr>/) {
            for (c, cell) in row.1.matches(of: /<t[hd][^>]*>(.*?)<\/t[hd]>/).enumerated() {
                let text = cell.1.replacing(/<[^>]+>/, with: "")
                if c >= widest.count { widest.append(0) }
                widest[c] = max(widest[c], text.count)
            }
        }
        return widest.reduce(0) { $0 + $1 * 6 + 20 }
    }

    /// No script runs and nothing is fetched: the page's own styles and inline SVG charts are all it has, so even
    /// markup that slipped past escaping could neither run nor call home.
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    /// Markdown's backslash escapes and the entities `Markdown.inline` writes removed, for text shown as it is (a
    /// figure caption, the page title).
    public static func unescape(_ text: String) -> String {
        var out = ""
        var escaping = false
        for character in text {
            if character == "\\" && !escaping {
                escaping = true
                continue
            }
            escaping = false
            out.append(character)
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static let css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; line-height: 1.5; margin: 0; }
        main { padding: 2rem 1.5rem 4rem; }
        main > :not(table):not(figure) { max-width: 60rem; }
        h1 { font-size: 2rem; margin-bottom: 0.25rem; }
        h2 { margin-top: 2.5rem; border-bottom: 2px solid #2f6f8f; padding-bottom: 0.2rem; }
        table { border-collapse: separate; border-spacing: 0; margin: 1rem 0; font-variant-numeric: tabular-nums; display: block; max-width: 100%; width: max-content; max-height: 85vh; overflow: auto; }
        th, td { border: 1px solid #c8c8c8; border-width: 0 1px 1px 0; padding: 0.3rem 0.6rem; vertical-align: top; background: #fff; }
        tr > :first-child { border-left-width: 1px; }
        thead th { border-top-width: 1px; }
        th { background: #eef3f6; }
        thead th { position: sticky; top: 0; z-index: 2; }
        tr > :first-child { position: sticky; left: 0; z-index: 1; }
        thead tr > :first-child { z-index: 3; }
        td[align="right"], th[align="right"] { text-align: right; }
        td[align="right"] { white-space: nowrap; }
        tr:nth-child(even) td { background: #f8f8f8; }
        blockquote { margin: 1rem 0; padding: 0.5rem 1rem; border-left: 4px solid #2f6f8f; background: #f4f8fa; }
        figure { margin: 1.5rem 0; max-width: 100%; overflow-x: auto; }
        figure svg { height: auto; }
        figure.pair { display: inline-block; vertical-align: top; max-width: 49%; margin-right: 1%; }
        figure.pair svg { max-width: 100%; }
        figure.small-map { display: inline-block; vertical-align: top; max-width: 19%; margin: 0.5rem 1% 0.5rem 0; }
        figure.small-map.key { max-width: 18%; }
        .with-maps { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
        .with-maps > figure { flex: 1 1 28rem; min-width: 0; margin: 0.5rem 0; }
        .with-maps > .maps { flex: 1 1 24rem; min-width: 0; }
        .with-maps figure.small-map { max-width: 32%; }
        figure.small-map svg { max-width: 100%; }
        figure.small-map figcaption { display: none; }
        figcaption { font-size: 0.9rem; color: #444; }
        .columns { columns: 2; column-gap: 2.5rem; max-width: 72rem; }
        .block { break-inside: avoid; display: inline-block; width: 100%; }
        .block > :first-child { margin-top: 0.5rem; }
        .grouped { margin: 1rem 0; max-width: 100%; width: max-content; max-height: 85vh; overflow: auto; }
        .grouped table.group { display: table; width: auto; margin: 0; max-height: none; overflow: visible; }
        tr.group-name th { text-align: left; background: #dde8ee; top: 1.9rem; }
        .beside { display: flex; flex-wrap: wrap; gap: 0 2.5rem; align-items: flex-start; }
        .beside > figure { flex: 1 1 24rem; min-width: 0; }
        @media print {
            @page { size: A4 landscape; margin: 12mm; }
            body { font-size: 10pt; }
            main { padding: 0; }
            main > :not(table):not(figure) { max-width: none; }
            h2, h3 { break-after: avoid; }
            h2 { margin-top: 1.1rem; }
            table { display: table; font-size: 8.5pt; max-height: none; overflow: visible; width: auto; margin: 0.5rem 0; }
            th, td { padding: 0.06rem 0.45rem; line-height: 1.2; }
            body { line-height: 1.3; }
            h1 { font-size: 1.6rem; }
            h3 { margin: 0.8rem 0 0.3rem; }
            figure { margin: 0.4rem 0; }
            thead { display: table-header-group; }
            .grouped { max-height: none; overflow: visible; width: auto; margin: 0.5rem 0; }
            .grouped table.group { margin: 0; }
            thead th, tr > :first-child { position: static; }
            figure { overflow: visible; }
            figure svg { max-width: 100%; max-height: 85mm; width: auto; }
            figure.page svg { max-height: 170mm; }
            figure.pair { max-width: 32%; }
            figure.small-map { max-width: 24%; }
            figure.small-map { max-width: 19%; margin: 0.2rem 1% 0.2rem 0; }
            figure.small-map.key { max-width: 18%; }
            figure.small-map svg { max-height: 40mm; }
            .with-maps { flex-wrap: nowrap; }
            .with-maps > figure { flex: 0 1 55%; }
            .with-maps > .maps { flex: 1 1 45%; }
            .with-maps figure.small-map { max-width: 48%; }
            .block { display: block; }
            ul.terms { columns: 2; column-gap: 2rem; font-size: 9pt; margin: 0.4rem 0; }
            ul.terms li { break-inside: avoid; }
            figcaption { font-size: 8.5pt; }
            figure.pair figcaption { font-size: 7.5pt; line-height: 1.2; }
            figure, blockquote { break-inside: avoid; }
            tr { break-inside: avoid; }
            tr:nth-child(even) td { background: none; }
            a { color: inherit; text-decoration: none; }
        }
        """
}
