/// Meeting mode's "show this cell's quotes": one pseudonymised answer at a time, large, with the previous and next
/// a click (or an arrow key) away.
enum QuotePage {
    static func render(selection: Selection, answer: WorkbenchData.Answer?, more: Bool, heading: String, meeting: Bool) -> String {
        var body = "<h1>\(HTML.escape(heading))</h1>\n<p class=\"note\">Citat \(selection.step + 1)</p>\n"
        if let answer {
            body += "<figure class=\"quote\"><blockquote>\(answer.html)</blockquote>"
            body += "<figcaption>\(HTML.escape(answer.kind)) · \(HTML.escape(PageParts.areaName(answer.area)))</figcaption></figure>\n"
        } else {
            body += "<p>Inga fler citat.</p>\n"
        }
        var links: [String] = []
        if selection.step > 0 {
            links.append("<a rel=\"prev\" href=\"/quotes?\(HTML.escape(selection.query(step: selection.step - 1)))\">‹ Föregående</a>")
        }
        links.append("<a href=\"/answers?\(HTML.escape(selection.query()))\">Alla svar</a>")
        if more { links.append("<a rel=\"next\" href=\"/quotes?\(HTML.escape(selection.query(step: selection.step + 1)))\">Nästa ›</a>") }
        body += "<nav class=\"pager\">\(links.joined(separator: " "))</nav>\n"
        return HTML.page(title: heading, body: body, meeting: meeting)
    }
}
