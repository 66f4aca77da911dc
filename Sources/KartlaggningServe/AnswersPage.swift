import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel

/// The answers behind a cell, filterable, with coding controls (unless in meeting mode): each answer's themes with a
/// button to say "not this theme", a form to add one, and keys for fast coding (j/k, digits for the first nine themes).
enum AnswersPage {
    struct Context: Sendable {
        var selection: Selection
        var page: WorkbenchData.AnswerPage
        var state: WorkbenchData.State
        var options: WorkbenchOptions
        /// This browser session's form token and coder.
        var token: String
        var coder: String?
        /// Whether names are shown (`names=1` with `--identifying`).
        var names: Bool
        /// The coder's decision the page reports (made or taken back just before), with a way to take it back.
        var decision: Sessions.Decision? = nil
    }

    /// What the coder's last decision did, in a sentence, and (unless taken back already) a button that takes it back.
    static func decisionNote(_ decision: Sessions.Decision, context: Context) -> String {
        let theme = HTML.escape(PageParts.themeName(decision.theme, context.state.codebook))
        if decision.undone {
            return
                "<p class=\"decision\" role=\"status\">Ångrat: svar \(decision.answer) är som före beslutet om <strong>\(theme)</strong>.</p>\n"
        }
        let what =
            decision.negative
            ? "Svar \(decision.answer): markerat som inte <strong>\(theme)</strong>."
            : "Svar \(decision.answer): temat <strong>\(theme)</strong> är tillagt."
        let back = "/answers?" + context.selection.query(offset: context.selection.offset)
        return "<form class=\"decision\" method=\"post\" action=\"/undo\" role=\"status\">\(what) "
            + "<input type=\"hidden\" name=\"csrf\" value=\"\(context.token)\">"
            + "<input type=\"hidden\" name=\"back\" value=\"\(HTML.escape(back))\">"
            + "<button type=\"submit\">Ångra</button></form>\n"
    }

    /// The themes the digit keys code, in codebook order.
    static func keyed(_ codebook: StoredCodebook?) -> [String] { Array((codebook?.codebook.themes ?? []).prefix(9).map(\.id)) }

    static func render(_ context: Context) -> String {
        let selection = context.selection
        let codebook = context.state.codebook
        let coding = !context.options.meeting && codebook != nil
        var body = "<h1>\(HTML.escape(heading(selection, codebook: codebook)))</h1>\n"
        if let cell = context.page.cell {
            // Respondents counted, answers listed: a respondent can have several answers, so the page says both.
            let answers = context.page.total.map { " · \($0) svar\($0 == cell.n ? "" : " (en respondent kan ha flera)")" } ?? ""
            body += "<p class=\"cell\" id=\"cell-count\">\(cell.n) respondenter\(cell.base.map { " av \($0)" } ?? "")\(answers)</p>\n"
        }
        body += PageParts.filterForm(
            action: "/answers", selection: selection, vocabulary: context.state.vocabulary, codebook: codebook, full: true)
        if context.options.identifying && !context.options.meeting {
            var toggled = selection
            toggled.names = !context.names
            body +=
                "<p class=\"names\"><a href=\"/answers?\(HTML.escape(toggled.query()))\">\(context.names ? "Dölj namn" : "Visa namn")</a> (startad med \(Remedy.workbenchShowsIdentifying))</p>\n"
        }
        if context.options.meeting && !context.page.answers.isEmpty {
            body += "<p><a class=\"button\" href=\"/quotes?\(HTML.escape(selection.query(step: 0)))\">Visa citaten ett i taget</a></p>\n"
        }
        if coding {
            body += coderBox(context)
            if let decision = context.decision { body += decisionNote(decision, context: context) }
        }
        if context.page.answers.isEmpty {
            body += "<p>Inga svar.</p>\n"
        }
        let keyed = keyed(codebook)
        if coding && context.coder != nil && !keyed.isEmpty {
            body +=
                "<p class=\"keys\" data-themes=\"\(HTML.escape(keyed.joined(separator: " ")))\">Tangenter: <kbd>j</kbd>/<kbd>k</kbd> nästa/föregående svar, "
            body += keyed.enumerated().map { "<kbd>\($0 + 1)</kbd> \(HTML.escape(PageParts.themeName($1, codebook)))" }.joined(
                separator: ", ")
            body +=
                " (lägg till eller ta bort på det markerade svaret; har svaret egna teman går de först: <kbd>1</kbd> är dess första).</p>\n"
        }
        body += "<ol class=\"answers\" start=\"\(selection.offset + 1)\">\n"
        for answer in context.page.answers { body += item(answer, context: context, coding: coding && context.coder != nil) }
        body += "</ol>\n"
        body += pager(context)
        return HTML.page(title: "Svar", body: body, meeting: context.options.meeting, active: "/answers")
    }

    static func heading(_ selection: Selection, codebook: StoredCodebook?) -> String {
        var parts: [String] = []
        if let theme = selection.theme { parts.append(PageParts.themeName(theme, codebook)) }
        if let area = selection.area { parts.append(PageParts.areaName(area)) }
        if let kind = selection.kind { parts.append(kind) }
        return parts.isEmpty ? "Svar" : "Svar: " + parts.joined(separator: " · ")
    }

    /// Who codes: asked once per browser session.
    static func coderBox(_ context: Context) -> String {
        if let coder = context.coder {
            return "<p class=\"coder\">Du kodar som <strong>\(HTML.escape(coder))</strong>.</p>\n"
        }
        return """
            <form class="coder" method="post" action="/coder">
            <input type="hidden" name="csrf" value="\(context.token)">
            <input type="hidden" name="back" value="\(HTML.escape("/answers?" + context.selection.query(offset: context.selection.offset)))">
            <label>Ditt namn som kodare <input name="coder" required maxlength="60" autocomplete="name"></label>
            <button type="submit">Börja koda</button>
            </form>

            """
    }

    static func item(_ answer: WorkbenchData.Answer, context: Context, coding: Bool) -> String {
        let codebook = context.state.codebook
        let back = "/answers?" + context.selection.query(offset: context.selection.offset)
        var out = "<li class=\"answer\" id=\"a\(answer.id)\" data-answer=\"\(answer.id)\" tabindex=\"-1\">\n"
        out +=
            "<p class=\"meta\">\(HTML.escape(answer.kind)) · \(HTML.escape(PageParts.areaName(answer.area))) · \(HTML.escape(answer.survey)) · \(HTML.escape(answer.question))</p>\n"
        out += "<blockquote>\(answer.html)</blockquote>\n<ul class=\"themes\">"
        for theme in answer.themes {
            out += "<li data-theme=\"\(HTML.escape(theme))\">\(HTML.escape(PageParts.themeName(theme, codebook)))"
            if coding {
                out += decision(
                    answer: answer.id, theme: theme, action: "remove", label: "×", title: "Inte detta tema", context: context, back: back)
            }
            out += "</li>"
        }
        out += "</ul>\n"
        if coding, let codebook {
            out += "<form class=\"add\" method=\"post\" action=\"/code\">"
            out += hidden(answer: answer.id, action: "add", token: context.token, back: back)
            // No theme chosen to start with: one click never codes a theme no one picked.
            out += "<select name=\"theme\" aria-label=\"Tema\" required><option value=\"\" selected disabled>Välj tema …</option>"
            for theme in codebook.codebook.themes where !answer.themes.contains(theme.id) {
                out += "<option value=\"\(HTML.escape(theme.id))\">\(HTML.escape(PageParts.themeName(theme.id, codebook)))</option>"
            }
            out += "</select> <input name=\"note\" maxlength=\"500\" placeholder=\"anteckning\" aria-label=\"Anteckning\"> "
            out += "<button type=\"submit\">Lägg till</button></form>\n"
        }
        return out + "</li>\n"
    }

    static func hidden(answer: Int64, action: String, token: String, back: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(token)\"><input type=\"hidden\" name=\"answer\" value=\"\(answer)\">"
            + "<input type=\"hidden\" name=\"action\" value=\"\(action)\"><input type=\"hidden\" name=\"back\" value=\"\(HTML.escape(back))\">"
    }

    static func decision(
        answer: Int64, theme: String, action: String, label: String, title: String, context: Context, back: String
    ) -> String {
        "<form class=\"decide\" method=\"post\" action=\"/code\">"
            + hidden(answer: answer, action: action, token: context.token, back: back)
            + "<input type=\"hidden\" name=\"theme\" value=\"\(HTML.escape(theme))\">"
            + "<button type=\"submit\" title=\"\(HTML.escape(title))\" aria-label=\"\(HTML.escape(title))\">\(label)</button></form>"
    }

    static func pager(_ context: Context) -> String {
        let selection = context.selection
        let size = context.options.pageSize
        var links: [String] = []
        if selection.offset > 0 {
            links.append(
                "<a rel=\"prev\" href=\"/answers?\(HTML.escape(selection.query(offset: max(0, selection.offset - size))))\">‹ Föregående \(size)</a>"
            )
        }
        if context.page.more {
            links.append(
                "<a rel=\"next\" href=\"/answers?\(HTML.escape(selection.query(offset: selection.offset + size)))\">Nästa \(size) ›</a>")
        }
        return links.isEmpty ? "" : "<nav class=\"pager\">\(links.joined(separator: " "))</nav>\n"
    }
}
