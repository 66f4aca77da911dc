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
                return "<figure>" + svg.trimmingCharacters(in: .whitespacesAndNewlines) + "<figcaption>" + SVG.escape(alt)
                    + "</figcaption></figure>"
            })
        let body = parser.html(from: markdown)
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
        main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
        h1 { font-size: 2rem; margin-bottom: 0.25rem; }
        h2 { margin-top: 2.5rem; border-bottom: 2px solid #2f6f8f; padding-bottom: 0.2rem; }
        table { border-collapse: collapse; margin: 1rem 0; font-variant-numeric: tabular-nums; display: block; max-width: 100%; overflow-x: auto; }
        th, td { border: 1px solid #c8c8c8; padding: 0.3rem 0.6rem; vertical-align: top; }
        th { background: #eef3f6; }
        td[align="right"], th[align="right"] { text-align: right; }
        td[align="right"] { white-space: nowrap; }
        tr:nth-child(even) td { background: #f8f8f8; }
        blockquote { margin: 1rem 0; padding: 0.5rem 1rem; border-left: 4px solid #2f6f8f; background: #f4f8fa; }
        figure { margin: 1.5rem 0; max-width: 100%; overflow-x: auto; }
        figure svg { height: auto; }
        figcaption { font-size: 0.9rem; color: #444; }
        @media print {
            @page { size: A4 landscape; margin: 12mm; }
            body { font-size: 10pt; }
            main { max-width: none; padding: 0; }
            h2 { break-after: avoid; }
            h2:not(:first-of-type) { break-before: page; }
            table { display: table; font-size: 8.5pt; }
            figure { overflow: visible; }
            figure svg { max-width: 100%; }
            figure, blockquote { break-inside: avoid; }
            tr { break-inside: avoid; }
            tr:nth-child(even) td { background: none; }
            a { color: inherit; text-decoration: none; }
        }
        """
}
