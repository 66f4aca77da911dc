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
                    + Self.trimmed(svg) + "<figcaption>" + SVG.escape(alt)
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

    /// `text` without the whitespace and newlines at either end, as `trimmingCharacters(in: .whitespacesAndNewlines)`
    /// gives it, found scalar by scalar from the ends: Foundation's trim copied a whole chart (hundreds of kilobytes at
    /// 300 areas) to UTF-16 and back to look at its last character.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let blank = CharacterSet.whitespacesAndNewlines
        guard let first = scalars.firstIndex(where: { !blank.contains($0) }),
            let last = scalars.lastIndex(where: { !blank.contains($0) })
        else { return "" }
        return String(scalars[first...last])
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
        for piece in headingPieces(body) {
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

    /// The page cut before every heading of level 2 or 3 (`<h[23]>`, but not at its very start): each piece a heading
    /// and what follows it.
    static func headingPieces(_ body: String) -> [Substring] {
        var pieces: [Substring] = []
        var pieceStart = body.startIndex
        let bytes = body.utf8
        var position = bytes.startIndex
        while let heading = HTMLScan.nextOccurrence(of: Array("<h".utf8), in: bytes, from: position) {
            position = bytes.index(after: heading)
            guard heading > pieceStart,
                bytes[heading...].starts(with: Array("<h2>".utf8)) || bytes[heading...].starts(with: Array("<h3>".utf8))
            else { continue }
            pieces.append(body[pieceStart..<heading])
            pieceStart = heading
        }
        pieces.append(body[pieceStart...])
        return pieces
    }

    /// A list whose every item starts with a term in bold (the method box: "**Kodbok:** …", "**Urval:** …") is a
    /// glossary: printed in two columns, each item kept whole.
    static func terms(_ body: String) -> String {
        HTMLScan.replacingElements(in: body, open: .init(name: "ul", attributes: false), close: "</ul>") { list in
            let items = HTMLScan.occurrences(of: "<li>", in: list.inner)
            let termed = HTMLScan.occurrences(of: "<li><strong>", in: list.inner)
            guard items >= 4, termed == items else { return String(list.whole) }
            return "<ul class=\"terms\">" + list.inner + "</ul>"
        }
    }

    /// A table of areas under their registry groups (a row holding only the group's name, in bold) as one table per
    /// group, its header and the group's name in each table's head: a browser repeats a table's head on every printed
    /// page, so a group that goes on to the next page is named there again, and on screen each group's head stays in
    /// view while its areas scroll. Columns keep one width across the groups (from the longest text of each column of
    /// the whole table). Only the layout changes: the same rows in the same order.
    static func grouped(_ body: String) -> String {
        HTMLScan.replacingElements(in: body, open: .init(name: "table", attributes: false), close: "</table>") { table in
            let inner = table.inner
            // A group's row: `<tr><td><strong>name</strong></td>` and empty cells (`<td[^>]*></td>`) to the end.
            guard inner.contains("<tr><td><strong>"),
                let head = HTMLScan.elements(in: inner, opens: [.init(name: "thead", attributes: false)], closes: ["</thead>"]).first?
                    .inner,
                let rowsText = HTMLScan.elements(in: inner, opens: [.init(name: "tbody", attributes: false)], closes: ["</tbody>"]).first?
                    .inner
            else { return String(table.whole) }
            let rows = HTMLScan.elements(in: rowsText, opens: [.init(name: "tr", attributes: false)], closes: ["</tr>"]).map {
                String($0.whole)
            }
            let groupNames = rows.map(Self.groupName)
            guard groupNames.contains(where: { $0 != nil }) else { return String(table.whole) }
            let headerCells = HTMLScan.elements(in: head, opens: [.init(name: "th", attributes: true)], closes: ["</th>"], singleLine: true)
            let columns = HTMLScan.openingTags("th", in: head)
            // Each column's width in characters: its longest cell, and its header wrapped in up to three lines.
            var widest = [Int](repeating: 2, count: columns)
            for (c, cell) in headerCells.enumerated() where c < columns {
                let header = HTMLScan.plainText(cell.inner)
                let word = header.split(separator: " ").map(\.count).max() ?? 0
                widest[c] = max(widest[c], word, (header.count + 2) / 3)
            }
            for (row, name) in zip(rows, groupNames) where name == nil {
                let cells = HTMLScan.elements(
                    in: row[...], opens: [.init(name: "td", attributes: true)], closes: ["</td>"], singleLine: true)
                for (c, cell) in cells.enumerated() where c < columns {
                    widest[c] = max(widest[c], HTMLScan.plainText(cell.inner).count)
                }
            }
            let colgroup = "<colgroup>" + widest.map { "<col style=\"width: \(Double($0) * 0.6 + 1.2)em\">" }.joined() + "</colgroup>"
            var segments: [(name: String?, rows: [String])] = []
            for (row, name) in zip(rows, groupNames) {
                if let name {
                    segments.append((name, []))
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

    /// The group's name when a table row is a group's: `<tr><td><strong>name</strong></td>` (the name holding no
    /// `</`, on one line) and then only empty cells (`<td[^>]*></td>`) up to `</tr>`.
    static func groupName(_ row: String) -> String? {
        let start = "<tr><td><strong>"
        guard row.hasPrefix(start), row.hasSuffix("</tr>") else { return nil }
        let rest = row.dropFirst(start.count)
        guard let nameEnd = rest.range(of: "</") else { return nil }
        let name = rest[..<nameEnd.lowerBound]
        guard !name.contains(where: \.isNewline) else { return nil }
        var tail = rest[nameEnd.lowerBound...]
        guard tail.hasPrefix("</strong></td>") else { return nil }
        tail = tail.dropFirst("</strong></td>".count)
        while tail.hasPrefix("<td") {
            guard let bracket = tail.firstIndex(of: ">") else { return nil }
            tail = tail[tail.index(after: bracket)...]
            guard tail.hasPrefix("</td>") else { return nil }
            tail = tail.dropFirst("</td>".count)
        }
        return tail == "</tr>" ? String(name) : nil
    }

    /// A chart followed by small maps (the overview's heatmap and its themes on the map): side by side, the maps two
    /// by two beside the chart, where the page is wide enough.
    /// (`(<figure>…</figure>)\s*((?:<figure class="small-map[^"]*">…</figure>\s*)+)`, each `…` up to the first
    /// `</figure>`.)
    static func withMaps(_ body: String) -> String {
        HTMLScan.replacingMatches(in: body, startingWith: "<figure>") { bytes, start in
            guard let chartEnd = HTMLScan.elementEnd(in: bytes, at: start, open: "<figure>", close: "</figure>") else { return nil }
            let mapsStart = HTMLScan.skippingWhitespace(in: bytes, from: chartEnd)
            var end = mapsStart
            while let mapEnd = HTMLScan.elementEnd(
                in: bytes, at: end, open: "<figure class=\"small-map", attributesUpTo: "\">", close: "</figure>")
            {
                end = HTMLScan.skippingWhitespace(in: bytes, from: mapEnd)
            }
            guard end > mapsStart else { return nil }
            return (
                end,
                "<div class=\"with-maps\">" + body[start..<chartEnd] + "<div class=\"maps\">" + body[mapsStart..<end] + "</div></div>"
            )
        }
    }

    /// A narrow table followed by its chart (with at most a paragraph between, a note on the table) side by side:
    /// the ranked themes and their bars, one look instead of a page each. Only the layout changes: the same elements
    /// in the same order.
    /// (`(<table>…</table>\s*(?:<p>…</p>\s*)?)(<figure>…</figure>)`, each `…` up to the first closing tag.)
    static func beside(_ body: String) -> String {
        HTMLScan.replacingMatches(in: body, startingWith: "<table>") { bytes, start in
            guard let tableEnd = HTMLScan.elementEnd(in: bytes, at: start, open: "<table>", close: "</table>") else { return nil }
            var figureStart = HTMLScan.skippingWhitespace(in: bytes, from: tableEnd)
            var figureEnd = HTMLScan.elementEnd(in: bytes, at: figureStart, open: "<figure>", close: "</figure>")
            if figureEnd == nil, let noteEnd = HTMLScan.elementEnd(in: bytes, at: figureStart, open: "<p>", close: "</p>") {
                figureStart = HTMLScan.skippingWhitespace(in: bytes, from: noteEnd)
                figureEnd = HTMLScan.elementEnd(in: bytes, at: figureStart, open: "<figure>", close: "</figure>")
            }
            guard let figureEnd else { return nil }
            let (table, figure) = (body[start..<figureStart], body[figureStart..<figureEnd])
            // At most about 60 % of the printed page's 1,030 px: the chart takes the rest.
            guard width(of: table) <= 620 else { return (figureEnd, String(body[start..<figureEnd])) }
            return (figureEnd, "<div class=\"beside\"><div>" + table + "</div>" + figure + "</div>")
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
        for row in HTMLScan.elements(in: table, opens: [.init(name: "tr", attributes: false)], closes: ["</tr>"], singleLine: true) {
            let cells = HTMLScan.elements(
                in: row.inner, opens: [.init(name: "th", attributes: true), .init(name: "td", attributes: true)],
                closes: ["</th>", "</td>"],
                singleLine: true)
            for (c, cell) in cells.enumerated() {
                let text = HTMLScan.untagged(cell.inner)
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
