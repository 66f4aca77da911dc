import Foundation
import HTTPTypes
import Hummingbird
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport
import KartlaggningReportBuilder

/// The workbench's routes: pages read through `WorkbenchData` (its work done off the server's threads), forms that
/// change the database need POST, this browser session's token and a same-origin request.
struct WorkbenchRoutes: Sendable {
    let data: WorkbenchData
    let sessions: Sessions
    var options: WorkbenchOptions { data.options }

    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")
    static let overviewParameters: Set<String> = ["survey", "wave", "kind", "theme"]
    static let answerParameters: Set<String> = ["survey", "wave", "kind", "area", "theme", "question", "q", "offset", "names"]

    func register(on router: Router<BasicRequestContext>) {
        router.add(middleware: WorkbenchGuard<BasicRequestContext>(options: options))
        router.get("/") { request, _ in try await overview(request) }
        router.get("/answers") { request, _ in try await answers(request) }
        router.get("/quotes") { request, _ in try await quotes(request) }
        router.get("/theme/:id") { request, context in try await theme(request, id: context.parameters.get("id") ?? "") }
        router.post("/code") { request, _ in try await code(request) }
        router.post("/coder") { request, _ in try await coder(request) }
        router.post("/undo") { request, _ in try await undo(request) }
        router.get("/static/app.css") { _, _ in Self.asset(Assets.css, type: "text/css; charset=utf-8") }
        router.get("/static/app.js") { _, _ in Self.asset(Assets.javascript, type: "text/javascript; charset=utf-8") }
        router.get("/static/icon.svg") { _, _ in Self.asset(Assets.icon, type: "image/svg+xml") }
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
    }

    // MARK: - Pages

    func overview(_ request: Request) async throws -> Response {
        let (session, isNew) = await sessions.session(for: request.cookies["kl_session"]?.value)
        let body = try await offload { [data] in
            let state = try data.current()
            let selection = try Selection(query: request.uri.query, allowed: Self.overviewParameters, state: state)
            return OverviewPage.render(selection: selection, tables: try data.tables(for: selection), state: state, options: data.options)
        }
        return Self.html(body, session: isNew ? session : nil)
    }

    func answers(_ request: Request) async throws -> Response {
        let (session, isNew) = await sessions.session(for: request.cookies["kl_session"]?.value)
        let options = options
        let decision = await sessions.untoldDecision(for: session.id)
        let body = try await offload { [data] in
            let state = try data.current()
            let selection = try Selection(query: request.uri.query, allowed: Self.answerParameters, state: state)
            let names = selection.names && options.identifying && !options.meeting
            let page = try data.answers(selection, names: names)
            return AnswersPage.render(
                .init(
                    selection: selection, page: page, state: state, options: options, token: session.token, coder: session.coder,
                    names: names, decision: decision))
        }
        return Self.html(body, session: isNew ? session : nil)
    }

    func quotes(_ request: Request) async throws -> Response {
        let parameters = Self.answerParameters.subtracting(["names"]).union(["step"])
        let body = try await offload { [data] in
            let state = try data.current()
            let selection = try Selection(query: request.uri.query, allowed: parameters, state: state)
            // Each quote once: the cell's answers read whole (at most `QuotePage.most`), the same words from several
            // people shown once with how many wrote them.
            var all = selection
            all.offset = 0
            let page = try data.answers(all, names: false, pageSize: QuotePage.most)
            let quotes = QuotePage.distinct(page.answers)
            return QuotePage.render(
                selection: selection, quotes: quotes, complete: !page.more,
                heading: AnswersPage.heading(selection, codebook: state.codebook), meeting: data.options.meeting)
        }
        return Self.html(body, session: nil)
    }

    func theme(_ request: Request, id: String) async throws -> Response {
        let body = try await offload { [data] in
            let state = try data.current()
            guard let codebook = state.codebook else { throw WorkbenchError.noCodebook }
            guard let theme = codebook.codebook.themes.first(where: { $0.id == id }) else {
                throw WorkbenchError.badParameter(name: "theme", value: id, reason: "codebook \(codebook.codebook.id) has no such theme")
            }
            let selection = try Selection(query: request.uri.query, allowed: Self.overviewParameters.union(["words"]), state: state)
            return ThemePage.render(
                theme: theme, selection: selection, tables: try data.tables(for: selection),
                related: try data.related(theme, selection: selection),
                terms: selection.words ? try data.themeSection(theme, selection: selection)?.terms.map(\.term) : nil, state: state,
                options: data.options)
        }
        return Self.html(body, session: nil)
    }

    // MARK: - Forms

    /// A coder's decision on one answer: `action=add` (a theme) or `remove` ("not this theme"), with a note.
    func code(_ request: Request) async throws -> Response {
        let (fields, session) = try await form(request)
        guard let coder = session.coder else { throw WorkbenchError.coderNeeded }
        guard let answerText = fields["answer"], let answer = Int64(answerText), answer > 0 else {
            throw WorkbenchError.badParameter(name: "answer", value: fields["answer"] ?? "", reason: "an answer's id")
        }
        guard let theme = fields["theme"], !theme.isEmpty else {
            throw WorkbenchError.badParameter(name: "theme", value: "", reason: "a theme")
        }
        guard let action = fields["action"], ["add", "remove"].contains(action) else {
            throw WorkbenchError.badParameter(name: "action", value: fields["action"] ?? "", reason: "add or remove")
        }
        let note = fields["note"].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap {
            $0.isEmpty ? nil : String($0.prefix(500))
        }
        let back = Self.safeBack(fields["back"])
        let previous = try await offload { [data] in
            // The page the form came from, read as that page reads its address: its gate is the decision's.
            let query = back.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init)
            let page = try Selection(query: query, allowed: Self.answerParameters, state: try data.current())
            return try data.record(answer: answer, theme: theme, coder: coder, negative: action == "remove", note: note, page: page)
        }
        await sessions.setLastDecision(
            Sessions.Decision(answer: answer, theme: theme, negative: action == "remove", previous: previous), for: session.id)
        return Self.redirect(Self.safeBack(fields["back"]) + "#a\(answer)")
    }

    /// Takes the coder's last decision back, as the page after it offers.
    func undo(_ request: Request) async throws -> Response {
        let (fields, session) = try await form(request)
        guard let coder = session.coder else { throw WorkbenchError.coderNeeded }
        guard let decision = session.lastDecision, !decision.undone else {
            throw WorkbenchError.refused("there is no decision of yours to take back")
        }
        try await offload { [data] in
            try data.undo(answer: decision.answer, theme: decision.theme, coder: coder, previous: decision.previous)
        }
        var undone = decision
        undone.undone = true
        undone.told = false
        await sessions.setLastDecision(undone, for: session.id)
        return Self.redirect(Self.safeBack(fields["back"]) + "#a\(decision.answer)")
    }

    /// The coder's name, asked once per browser session.
    func coder(_ request: Request) async throws -> Response {
        let (fields, session) = try await form(request)
        let name = (fields["coder"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...60).contains(name.count) else { throw WorkbenchError.badCoder("1 to 60 characters") }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw WorkbenchError.badCoder("no control characters")
        }
        guard !Coder.isReserved(name) else { throw WorkbenchError.badCoder("\"auto\" is the automatic tagger's name") }
        await sessions.setCoder(name, for: session.id)
        return Self.redirect(Self.safeBack(fields["back"]))
    }

    /// A POST's fields, after the checks every change needs: coding on, a same-origin request, a form body of at
    /// most 64 KiB, this browser session's token.
    func form(_ request: Request) async throws -> (FormFields, Sessions.Session) {
        if options.meeting { throw WorkbenchError.codingOff(reason: "the workbench runs in meeting mode") }
        if let name = Self.fetchSite, let site = request.headers[name], !["same-origin", "none"].contains(site) {
            throw WorkbenchError.forgedRequest
        }
        if let origin = request.headers[.origin], let host = request.head.authority,
            origin != "http://\(host)"
        {
            throw WorkbenchError.forgedRequest
        }
        guard (request.headers[.contentType] ?? "").hasPrefix("application/x-www-form-urlencoded") else {
            throw WorkbenchError.badParameter(
                name: "Content-Type", value: request.headers[.contentType] ?? "", reason: "a form is expected")
        }
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        let fields = FormFields(String(buffer: buffer))
        guard let session = await sessions.verified(id: request.cookies["kl_session"]?.value, token: fields["csrf"]) else {
            throw WorkbenchError.forgedRequest
        }
        return (fields, session)
    }

    // MARK: - Responses

    /// Where a form goes back to: a path of this site, else the overview.
    static func safeBack(_ back: String?) -> String {
        guard let back, back.hasPrefix("/"), !back.hasPrefix("//"), !back.contains("\\"), back.count <= 2000,
            !back.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f })
        else { return "/" }
        return back
    }

    static func html(_ body: String, session: Sessions.Session?) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        if let session { headers[.setCookie] = "kl_session=\(session.id); Path=/; HttpOnly; SameSite=Strict" }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "max-age=300"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Runs blocking database work on a thread of its own, so the server's threads keep serving.
func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try work() }) }
    }
}
