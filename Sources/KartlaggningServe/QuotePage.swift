/// Meeting mode's "show this cell's quotes": one pseudonymised answer at a time, large, with the previous and next
/// a click (or an arrow key) away — "Citat 3 av 12", each wording once (with how many wrote it), and no marked
/// keywords: the audience sees what people said, not what the codebook matched.
enum QuotePage {
    /// The most answers one cell's quotes are read from.
    static let most = 500

    /// One wording and how many answers had it.
    struct Quote: Sendable, Equatable {
        var answer: WorkbenchData.Answer
        var html: String
        var count: Int
    }

    /// The answers with the same words (marks and spacing aside) as one quote, in the order first met.
    static func distinct(_ answers: [WorkbenchData.Answer]) -> [Quote] {
        var quotes: [Quote] = []
        var index: [String: Int] = [:]
        for answer in answers {
            let html = unmarked(answer.html)
            let key = html.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            if let at = index[key] {
                quotes[at].count += 1
            } else {
                index[key] = quotes.count
                quotes.append(Quote(answer: answer, html: html, count: 1))
            }
        }
        return quotes
    }

    /// The answer's markup without the `<mark>` of matched words (the text inside stays, escaped as it was).
    static func unmarked(_ html: String) -> String {
        html.replacingOccurrences(of: "<mark>", with: "").replacingOccurrences(of: "</mark>", with: "")
    }

    static func render(selection: Selection, quotes: [Quote], complete: Bool, heading: String, meeting: Bool) -> String {
        let step = selection.step
        let of = complete ? " av \(quotes.count)" : " av fler än \(quotes.count)"
        var body = "<h1>\(HTML.escape(heading))</h1>\n<p class=\"note\">Citat \(step + 1)\(quotes.isEmpty ? "" : of)</p>\n"
        if step < quotes.count {
            let quote = quotes[step]
            let answer = quote.answer
            let many = quote.count > 1 ? " · \(quote.count) personer svarade så" : ""
            body += "<figure class=\"quote\"><blockquote>\(quote.html)</blockquote>"
            body +=
                "<figcaption>\(HTML.escape(answer.kind)) · \(HTML.escape(PageParts.areaName(answer.area)))\(many)</figcaption></figure>\n"
        } else {
            body += "<p>Inga fler citat.</p>\n"
        }
        var links: [String] = []
        if step > 0 {
            links.append("<a rel=\"prev\" href=\"/quotes?\(HTML.escape(selection.query(step: step - 1)))\">‹ Föregående</a>")
        }
        links.append("<a href=\"/answers?\(HTML.escape(selection.query()))\">Alla svar</a>")
        if step + 1 < quotes.count {
            links.append("<a rel=\"next\" href=\"/quotes?\(HTML.escape(selection.query(step: step + 1)))\">Nästa ›</a>")
        }
        body += "<nav class=\"pager\">\(links.joined(separator: " "))</nav>\n"
        return HTML.page(title: heading, body: body, meeting: meeting)
    }
}
