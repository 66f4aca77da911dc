import KartlaggningReport

/// Markup for the workbench's pages: every value from the database goes through `escape` (text and attribute
/// values alike), and the page shell loads only kartlagg's own style sheet and script.
enum HTML {
    /// Escaped for text and quoted attributes (`Markup.escape`, the charts' escaping too).
    static func escape(_ text: String) -> String { Markup.escape(text) }

    /// A whole page: title, the navigation, the body (markup already built from escaped values).
    static func page(title: String, body: String, meeting: Bool, active: String = "") -> String {
        let links = [("/", "Översikt"), ("/answers", "Svar")]
        let nav = links.map { href, label in
            "<a href=\"\(href)\"\(href == active ? " aria-current=\"page\"" : "")>\(label)</a>"
        }.joined(separator: " ")
        return """
            <!doctype html>
            <html lang="sv">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="same-origin">
            <title>\(escape(title)) – kartlagg</title>
            <link rel="icon" href="/static/icon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="/static/app.css">
            <script src="/static/app.js" defer></script>
            </head>
            <body class="\(meeting ? "meeting" : "workbench")">
            <header><strong>kartlagg</strong>\(meeting ? " <span class=\"badge\">mötesläge</span>" : "") <nav>\(nav)</nav></header>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }
}
