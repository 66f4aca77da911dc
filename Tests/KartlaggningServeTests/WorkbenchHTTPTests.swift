import Foundation
import Hummingbird
import HummingbirdTesting
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import KartlaggningReportBuilder
import KartlaggningServe
import TestSupport
import Testing

/// Every route of `kartlagg serve` over HTTP (Hummingbird's router tester): status codes, headers, escaping, the
/// suppression rule tried through every filter, coding with its session token, meeting mode and the access token.
@Suite(.serialized, .tags(.slow), .skippedWhenFast)
struct WorkbenchHTTPTests {
    let fixture: WorkbenchFixture

    init() throws {
        fixture = try WorkbenchFixture()
    }

    /// The report builder's theme × area and kind × area, as the pages must show them.
    func tables(kind: String? = nil) throws -> (basis: CrossTable, themes: CrossTable) {
        let store = try KartlaggningStore(path: fixture.db, mode: .readOnly)
        let tabulator = CrossTabulator(store: store)
        let filters: [CrossDimension: [String]] = kind.map { [.kind: [$0]] } ?? [:]
        return (
            try tabulator.respondents(.kind, by: .district, filters: filters, codebook: nil, minCell: 3).droppingEmptyColumns(),
            try tabulator.respondents(.theme, by: .district, filters: filters, codebook: try store.codebook(id: nil), minCell: 3)
                .droppingEmptyColumns()
        )
    }

    @Test func theOverviewLinksShownCellsOnly() async throws {
        let (_, themes) = try tables()
        let hidden = themes.cells.filter(\.suppressed)
        let shown = themes.cells.filter { !$0.suppressed && ($0.n ?? 0) > 0 }
        #expect(!hidden.isEmpty && !shown.isEmpty)
        try await fixture.withClient { browser in
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            #expect(page.headers[.setCookie]?.contains("HttpOnly; SameSite=Strict") == true)
            // No remote asset, no inline script or style.
            #expect(!page.body.contains("http://") && !page.body.contains("https://"))
            #expect(!page.body.contains("<script>") && !page.body.contains("style="))
            for cell in shown {
                let link = "/answers?area=\(WorkbenchClient.encode(cell.col))&amp;theme=\(WorkbenchClient.encode(cell.row))\""
                #expect(page.body.contains(link), "a shown cell links to its answers: \(cell.row) × \(cell.col)")
            }
            for cell in hidden {
                #expect(!page.body.contains("area=\(WorkbenchClient.encode(cell.col))&amp;theme=\(WorkbenchClient.encode(cell.row))\""))
            }
            let heatmap = page.body.components(separatedBy: "id=\"heatmap\"")[1]
            // The whole municipality's column (#23.6): each theme's total, hidden where the table hides it.
            let hiddenTotals = themes.rowTotals.filter(\.suppressed)
            #expect(
                heatmap.components(separatedBy: "<td class=\"hidden\" title=\"dolt\">··</td>").count - 1
                    == hidden.count + hiddenTotals.count)
            #expect(heatmap.contains("<th scope=\"col\">Hela kommunen<br><small>N \(themes.total)</small></th>"))
            for total in themes.rowTotals where !total.suppressed && (total.n ?? 0) > 0 {
                #expect(heatmap.contains("href=\"/answers?theme=\(WorkbenchClient.encode(total.value))\""), "\(total.value)")
            }
            // A legend says what the colours mean.
            #expect(page.body.contains("<p class=\"legend\" aria-label=\"Färgskala\">0 % <span class=\"h0\"></span>"))
        }
    }

    /// The overview's map (#27): for every theme, an area links to its answers exactly where the heatmap's cell does
    /// (the same URL, so the same gate), a hidden cell is hatched and links nowhere, and the page holds no inline style.
    @Test func theMapLinksWhatTheHeatmapLinks() async throws {
        let (_, themes) = try tables()
        try await fixture.withClient { browser in
            var hatched = 0
            for theme in themes.rowValues where (themes.rowTotals.first { $0.value == theme }?.n ?? 1) > 0 {
                let page = try await browser.get("/?theme=\(WorkbenchClient.encode(theme))")
                #expect(page.status == .ok)
                let map = try #require(page.body.components(separatedBy: "<section class=\"map-part\"").dropFirst().first, "\(theme)")
                #expect(map.contains("<option value=\"\(theme)\" selected>"))
                #expect(!map.contains("style=") && !map.contains("<style"))
                for column in themes.colValues {
                    let cell = themes.cells.first { $0.row == theme && $0.col == column }
                    let link =
                        "<a href=\"/answers?area=\(WorkbenchClient.encode(column))&amp;theme=\(WorkbenchClient.encode(theme))\"><path"
                    let area = "data-area=\"\(column)\" data-state=\""
                    if let cell, !cell.suppressed, (cell.n ?? 0) > 0 {
                        #expect(map.contains(link), "\(theme) × \(column) links")
                    } else {
                        #expect(!map.contains(link), "\(theme) × \(column) does not link")
                    }
                    if cell?.suppressed == true {
                        hatched += 1
                        #expect(map.contains(area + "hidden\""), "\(theme) × \(column) hatched")
                    }
                }
            }
            #expect(hatched > 0)
            // An unknown theme is refused, as every parameter is.
            #expect(try await browser.get("/?theme=nosuch").status == .badRequest)
        }
    }

    @Test func aHiddenCellCannotBeReachedByAnyFilterOrURL() async throws {
        let store = try KartlaggningStore(path: fixture.db, mode: .readOnly)
        let vocabulary = try store.workbenchVocabulary()
        let themeIds = try store.codebook(id: nil).codebook.themes.map(\.id)
        var kinds: [String?: (basis: CrossTable, themes: CrossTable)] = [nil: try tables()]
        for kind in vocabulary.kinds { kinds[kind] = try tables(kind: kind) }
        let byKind = kinds
        let (_, themes) = try tables()
        try await fixture.withClient { browser in
            // The hidden cells themselves: refused.
            for cell in themes.cells where cell.suppressed {
                let page = try await browser.get(
                    "/answers?theme=\(WorkbenchClient.encode(cell.row))&area=\(WorkbenchClient.encode(cell.col))")
                #expect(page.status == .forbidden, "\(cell.row) × \(cell.col)")
                #expect(!page.body.contains("class=\"answer\""))
            }
            // Every theme × area × kind, with and without words: whatever is shown is from a shown cell.
            var tried = 0
            var shownAnswers = 0
            for theme in [nil] + themeIds.map(Optional.some) {
                for area in [nil] + vocabulary.areas.map(Optional.some) {
                    for kind in [nil] + vocabulary.kinds.map(Optional.some) {
                        for words in [nil, "buss*"] {
                            var query: [String] = []
                            if let theme { query.append("theme=\(WorkbenchClient.encode(theme))") }
                            if let area { query.append("area=\(WorkbenchClient.encode(area))") }
                            if let kind { query.append("kind=\(WorkbenchClient.encode(kind))") }
                            if let words { query.append("q=\(WorkbenchClient.encode(words))") }
                            let page = try await browser.get("/answers?" + query.joined(separator: "&"))
                            tried += 1
                            #expect([.ok, .forbidden].contains(page.status), "\(query): \(page.status)")
                            guard let tables = byKind[kind] else { continue }
                            for match in page.body.matches(of: /<p class="meta">([^<]*) · ([^<]*) · ([^<]*) · [^<]*<\/p>/) {
                                shownAnswers += 1
                                let (answerKind, answerArea) = (String(match.1), String(match.2))
                                let place = answerArea == "(inget område)" ? CrossSpec.unknown : answerArea
                                #expect(tables.basis.cell(answerKind, place)?.suppressed == false, "\(query): \(answerKind) in \(place)")
                                if let theme {
                                    #expect(tables.themes.cell(theme, place)?.suppressed == false, "\(query): \(theme) in \(place)")
                                }
                            }
                            if page.status == .ok, page.body.contains("class=\"answer\"") {
                                let count = page.body.components(separatedBy: "class=\"answer\"").count - 1
                                #expect(count >= 1)
                            }
                        }
                    }
                }
            }
            #expect(tried > 500 && shownAnswers > 100)
        }
    }

    /// Starting the workbench and reading pages writes nothing to the database: no byte of the file, no WAL frame, no
    /// schema change. Only a coder's decision opens a writing connection.
    @Test func startingAndReadingWriteNothing() async throws {
        let fresh = try WorkbenchFixture()
        let before = FileManager.default.contents(atPath: fresh.db)
        let wal = fresh.db + "-wal"
        let walBefore = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
        try await fresh.withClient { browser in
            let overview = try await browser.get("/")
            let answers = try await browser.get("/answers?area=N%C3%A4tra")
            #expect(overview.status == .ok && answers.status == .ok)
        }
        #expect(FileManager.default.contents(atPath: fresh.db) == before)
        let walAfter = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
        #expect(walAfter <= max(walBefore, 32), "the WAL grew to \(walAfter) bytes")
    }

    @Test func answersArePseudonymisedAndEscaped() async throws {
        try await fixture.withClient { browser in
            let page = try await browser.get("/answers?survey=rost-2025")
            #expect(page.status == .ok)
            #expect(!page.body.contains("070-123 45 67") && page.body.contains("[telefon]"))
            #expect(!page.body.contains("<script>alert") && page.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
            #expect(page.body.contains("&lt;b&gt;nu&lt;/b&gt;") && page.body.contains(" &amp; tåget"))
            // The words that tagged an answer are marked only where its theme × area cell is shown — in the heatmap too:
            // kollektivtrafik × Nätra is hidden there, so this survey's view of it is hidden, and its words are not marked.
            #expect(!page.body.contains("<mark>Bussen</mark> går för sällan") && page.body.contains("Bussen går för sällan"))
            // A query's words are marked.
            let found = try await browser.get("/answers?survey=rost-2025&q=" + WorkbenchClient.encode("buss* OR kvällen"))
            #expect(found.status == .ok && found.body.contains("Fler <mark>bussar</mark> på <mark>kvällen</mark>"))
            // Words only one respondent wrote open nothing: fewer than min-cell.
            let none = try await browser.get("/answers?survey=rost-2025&q=" + WorkbenchClient.encode("zebrafink"))
            #expect(none.status == .ok && none.body.contains("Inga svar."))
            // Searching the masked phone number answers as searching a word nobody wrote: the search runs on what is shown.
            let masked = try await browser.get("/answers?survey=rost-2025&q=" + WorkbenchClient.encode("070 AND 123"))
            #expect(masked.status == none.status && masked.body.contains("Inga svar."))
            let one = try await browser.get("/answers?survey=rost-2025&q=" + WorkbenchClient.encode("kvällen"))
            #expect(one.status == .forbidden && one.body.contains("fewer than 3 respondents") && !one.body.contains("kvällen</mark>"))
            // names=1 is no way round it without --identifying.
            let asked = try await browser.get("/answers?survey=rost-2025&names=1")
            #expect(!asked.body.contains("070-123 45 67") && !asked.body.contains("Visa namn"))
        }
        try await fixture.withClient(fixture.options { $0.identifying = true }) { browser in
            let plain = try await browser.get("/answers?survey=rost-2025")
            #expect(plain.body.contains("[telefon]") && plain.body.contains("Visa namn"))
            let named = try await browser.get("/answers?survey=rost-2025&names=1")
            #expect(named.body.contains("070-123 45 67") && named.body.contains("Dölj namn"))
        }
    }

    @Test func parametersAreCheckedAndEchoedEscaped() async throws {
        try await fixture.withClient { browser in
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("/answers?area=%3Cb%3EX%3C%2Fb%3E", .badRequest, "parameter &quot;area&quot; = &quot;&lt;b&gt;X&lt;/b&gt;&quot;"),
                ("/answers?theme=nope", .badRequest, "parameter &quot;theme&quot;"),
                ("/answers?offset=-1", .badRequest, "a whole number"),
                ("/answers?sort=1", .badRequest, "this page takes no such parameter"),
                ("/answers?q=" + String(repeating: "a", count: 201), .badRequest, "at most 200 characters"),
                ("/answers?q=%22unclosed", .badRequest, "database"),
                ("/?area=Nätra", .badRequest, "this page takes no such parameter"),
                ("/theme/nope", .badRequest, "no such theme"),
                ("/nowhere", .notFound, "no such page"),
                ("/answers?names=yes", .badRequest, "only names=1"),
            ]
            for (uri, status, message) in cases {
                let page = try await browser.get(uri)
                #expect(page.status == status, "\(uri)")
                #expect(page.body.contains(message), "\(uri): \(page.body.suffix(400))")
                #expect(page.headers[.contentSecurityPolicy] != nil)
            }
            let echoed = try await browser.get("/answers?survey=rost-2025&q=" + WorkbenchClient.encode("\"><script>x</script>"))
            #expect(!echoed.body.contains("\"><script>x"))
        }
    }

    @Test func everyPageAndAssetAnswers() async throws {
        try await fixture.withClient { browser in
            for uri in [
                "/", "/?kind=privatperson", "/answers", "/answers?theme=kollektivtrafik", "/theme/nararbetsplatser",
                "/quotes?survey=rost-2025",
            ] {
                let page = try await browser.get(uri)
                #expect(page.status == .ok, "\(uri): \(page.body.suffix(300))")
                #expect(page.body.hasPrefix("<!doctype html>"))
            }
            let css = try await browser.get("/static/app.css")
            #expect(css.status == .ok && css.headers[.contentType] == "text/css; charset=utf-8" && css.body.contains(".heatmap"))
            let js = try await browser.get("/static/app.js")
            #expect(js.status == .ok && js.headers[.contentType] == "text/javascript; charset=utf-8" && js.body.contains("keydown"))
            let theme = try await browser.get("/theme/nararbetsplatser")
            #expect(theme.body.contains("Andel per område") && theme.body.contains("Tas upp tillsammans med"))
            // The distinctive words read every free text: only when asked for.
            #expect(theme.body.contains("href=\"/theme/nararbetsplatser?words=1\">Räkna fram utmärkande ord</a>"))
            #expect(!theme.body.contains("class=\"terms\""))
            let words = try await browser.get("/theme/nararbetsplatser?words=1")
            #expect(words.status == .ok && words.body.contains("<p class=\"terms\">"))
            #expect(try await browser.get("/theme/nararbetsplatser?words=2").status == .badRequest)
        }
    }

    // MARK: - Coding

    /// The first answer on a page: its id.
    static func firstAnswer(in page: String) -> Int64? {
        page.firstMatch(of: /data-answer="([0-9]+)"/).flatMap { Int64($0.1) }
    }

    /// An answer's item on the Nätra pages, paged through until it is found.
    static func item(_ answer: Int64, browser: WorkbenchClient) async throws -> String {
        for offset in stride(from: 0, to: 1000, by: 50) {
            let page = try await browser.get("/answers?area=N%C3%A4tra&offset=\(offset)")
            let parts = page.body.components(separatedBy: "id=\"a\(answer)\"")
            if parts.count > 1 { return parts[1].components(separatedBy: "</li>\n<li class=\"answer\"")[0] }
            if !page.body.contains("rel=\"next\"") { break }
        }
        return ""
    }

    static func area(of answer: Int64, store: KartlaggningStore) throws -> String? {
        var filter = AnswerFilter()
        filter.answerIds = [answer]
        return try store.answers(matching: filter, codebook: nil).hits.first?.district
    }

    @Test func codingNeedsACoderATokenAndTheSameSite() async throws {
        // A theme shown in Nätra (its chip is shown on the answer) and one hidden there (coded, but not shown).
        let (_, themes) = try tables()
        let shownTheme = try #require(
            themes.rowValues.first {
                $0 != "kollektivtrafik" && themes.cell($0, "Nätra")?.suppressed == false && (themes.cell($0, "Nätra")?.n ?? 0) >= 3
            })
        #expect(themes.cell("service", "Nätra")?.suppressed == true)
        try await fixture.withClient { browser in
            let page = try await browser.get("/answers?survey=rost-2025")
            let token = try #require(WorkbenchClient.token(in: page.body))
            let answer = try #require(Self.firstAnswer(in: page.body))
            let decision = [("csrf", token), ("answer", String(answer)), ("theme", shownTheme), ("action", "add"), ("back", "/answers")]
            // Without a name: asked for one.
            #expect(try await browser.post("/code", decision).status == .badRequest)
            // A wrong token, another site, or a forged cookie: refused.
            #expect(try await browser.post("/coder", [("csrf", "00"), ("coder", "Anna")]).status == .forbidden)
            #expect(
                try await browser.post("/coder", [("csrf", token), ("coder", "Anna")], headers: [.origin: "http://evil.example"]).status
                    == .forbidden)
            #expect(try await browser.post("/coder", [("csrf", token), ("coder", "auto")]).status == .badRequest)
            #expect(
                try await browser.post("/coder", [("csrf", token), ("coder", "Anna"), ("back", "//evil.example/")]).headers[.location]
                    == "/")
            let getCode = try await browser.get("/code").status
            #expect(getCode == .methodNotAllowed || getCode == .notFound)
            let store = try KartlaggningStore(path: fixture.db, mode: .readOnly)
            let codebook = try store.codebook(id: nil)
            #expect(try store.coding(by: "Anna", codebook: codebook).isEmpty)
            #expect(try await browser.post("/coder", [("csrf", token), ("coder", "Anna")]).status == .seeOther)
            // Named: the decision is the one `tag add` writes, and the page shows it at once.
            let coded = try await browser.post("/code", decision + [("note", "  om servicen  ")])
            #expect(coded.status == .seeOther && coded.headers[.location] == "/answers#a\(answer)")
            #expect(try store.coding(by: "Anna", codebook: codebook)[answer]?.contains(shownTheme) == true)
            // Seen where its theme's cell is shown: all of Nätra (within rost-2025 alone, one coded answer would be a
            // hidden cell, and its chip is not shown there).
            let item = try await Self.item(answer, browser: browser)
            #expect(try await browser.get("/answers").body.contains("Du kodar som <strong>Anna</strong>"))
            #expect(item.contains("data-theme=\"\(shownTheme)\""), "\(shownTheme): \(item)")
            // "Not this theme": a negative tag, and the theme leaves the answer.
            let removed = try await browser.post(
                "/code", [("csrf", token), ("answer", String(answer)), ("theme", shownTheme), ("action", "remove"), ("back", "/answers")])
            #expect(removed.status == .seeOther)
            #expect(try store.coding(by: "Anna", codebook: codebook)[answer]?.contains(shownTheme) != true)
            let itemAgain = try await Self.item(answer, browser: browser)
            #expect(itemAgain.contains("data-answer=\"\(answer)\""))
            #expect(!itemAgain.contains("data-theme=\"\(shownTheme)\""))
            // A theme whose Nätra cell is hidden: the decision is kept, the chip would point at a hidden cell.
            let hidden = try await browser.post("/code", decision.map { $0.0 == "theme" ? ("theme", "service") : $0 })
            #expect(hidden.status == .seeOther)
            #expect(try store.coding(by: "Anna", codebook: codebook)[answer]?.contains("service") == true)
            let itemThird = try await Self.item(answer, browser: browser)
            #expect(itemThird.contains("data-answer=\"\(answer)\"") && !itemThird.contains("data-theme=\"service\""))
            // The page the form came from is the gate: a hidden cell's page, or an answer that page does not show, codes
            // nothing, whatever a crafted form says.
            let codedBefore = try store.coding(by: "Anna", codebook: codebook)
            let hiddenPage = try await browser.post(
                "/code", decision.map { $0.0 == "back" ? ("back", "/answers?area=N%C3%A4tra&theme=service") : $0 })
            #expect(hiddenPage.status != .seeOther)
            let ownArea = try Self.area(of: answer, store: store)
            let otherArea = try #require(["Nätra", "Anundsjö", "Grundsunda", "BLT"].first { $0 != ownArea })
            let notOnPage = try await browser.post(
                "/code", decision.map { $0.0 == "back" ? ("back", "/answers?area=" + WorkbenchClient.encode(otherArea)) : $0 })
            #expect(notOnPage.status != .seeOther)
            #expect(try store.coding(by: "Anna", codebook: codebook) == codedBefore)
            #expect(try await browser.post("/code", decision.map { $0.0 == "action" ? ("action", "delete") : $0 }).status == .badRequest)
            #expect(try await browser.post("/code", decision.map { $0.0 == "theme" ? ("theme", "nope") : $0 }).status == .badRequest)
            #expect(try await browser.post("/code", decision.map { $0.0 == "answer" ? ("answer", "999999") : $0 }).status == .badRequest)
        }
        let notes = try KartlaggningStore(path: fixture.db, mode: .readOnly).coders(
            codebook: try KartlaggningStore(path: fixture.db, mode: .readOnly).codebook(id: nil))
        #expect(notes.contains("Anna"))
    }

    /// Coding says what it did, once, and takes it back on request (#23.6): the coder's tag as it was before — none, or
    /// the earlier decision — and no theme is chosen before the coder picks one.
    @Test func aDecisionIsToldAndCanBeTakenBack() async throws {
        let store = try KartlaggningStore(path: fixture.db, mode: .readOnly)
        let codebook = try store.codebook(id: nil)
        try await fixture.withClient { browser in
            let page = try await browser.get("/answers")
            let token = try #require(WorkbenchClient.token(in: page.body))
            #expect(try await browser.post("/coder", [("csrf", token), ("coder", "Cecilia")]).status == .seeOther)
            let coding = try await browser.get("/answers")
            #expect(
                coding.body.contains(
                    "<select name=\"theme\" aria-label=\"Tema\" required><option value=\"\" selected disabled>Välj tema …</option>"))
            let answer = try #require(Self.firstAnswer(in: coding.body))
            // Nothing to take back yet.
            #expect(try await browser.post("/undo", [("csrf", token), ("back", "/answers")]).status == .badRequest)
            let add = [("csrf", token), ("answer", String(answer)), ("theme", "turism"), ("action", "add"), ("back", "/answers")]
            #expect(try await browser.post("/code", add).status == .seeOther)
            #expect(try store.coding(by: "Cecilia", codebook: codebook)[answer]?.contains("turism") == true)
            let told = try await browser.get("/answers")
            #expect(told.body.contains("Svar \(answer): temat <strong>Turism</strong> är tillagt."))
            #expect(told.body.contains("action=\"/undo\""))
            // Told once.
            #expect(!(try await browser.get("/answers")).body.contains("är tillagt."))
            // Taken back: the coder had no decision there, so none is left.
            let undone = try await browser.post("/undo", [("csrf", token), ("back", "/answers")])
            #expect(undone.status == .seeOther && undone.headers[.location] == "/answers#a\(answer)")
            #expect(try store.manualDecision(answer: answer, theme: "turism", coder: "Cecilia", codebook: codebook) == nil)
            #expect(
                try await browser.get("/answers").body.contains("Ångrat: svar \(answer) är som före beslutet om <strong>Turism</strong>."))
            #expect(try await browser.post("/undo", [("csrf", token), ("back", "/answers")]).status == .badRequest)
            // An earlier decision comes back as it was: added, then "not this theme", then that taken back.
            #expect(try await browser.post("/code", add + [("note", "hotell")]).status == .seeOther)
            let remove = add.map { $0.0 == "action" ? ("action", "remove") : $0 }
            #expect(try await browser.post("/code", remove).status == .seeOther)
            #expect(try store.manualDecision(answer: answer, theme: "turism", coder: "Cecilia", codebook: codebook)?.negative == true)
            #expect(try await browser.post("/undo", [("csrf", token), ("back", "/answers")]).status == .seeOther)
            #expect(
                try store.manualDecision(answer: answer, theme: "turism", coder: "Cecilia", codebook: codebook)
                    == ManualDecision(negative: false, note: "hotell"))
            // A forged token undoes nothing.
            #expect(try await browser.post("/undo", [("csrf", "00"), ("back", "/answers")]).status == .forbidden)
        }
    }

    @Test func aCodedThemeCountsAtOnce() async throws {
        // service × Nätra as counted before (min-cell 0): five more once the five Nätra voices are coded with it.
        let store = try KartlaggningStore(path: fixture.db, mode: .readOnly)
        let before =
            try CrossTabulator(store: store).respondents(
                .theme, by: .district, filters: [:], codebook: try store.codebook(id: nil), minCell: 0
            ).cell("service", "Nätra")?.n ?? 0
        try await fixture.withClient { browser in
            let page = try await browser.get("/answers?survey=rost-2025&area=N%C3%A4tra")
            let token = try #require(WorkbenchClient.token(in: page.body))
            _ = try await browser.post("/coder", [("csrf", token), ("coder", "Bertil")])
            let answers = page.body.matches(of: /data-answer="([0-9]+)"/).compactMap { Int64($0.1) }
            #expect(answers.count == 5)
            for answer in answers {
                let done = try await browser.post(
                    "/code", [("csrf", token), ("answer", String(answer)), ("theme", "service"), ("action", "add"), ("back", "/")])
                #expect(done.status == .seeOther)
            }
            let after = try await browser.get("/")
            let shown = after.body.firstMatch(of: /area=N%C3%A4tra&amp;theme=service" title="[^"]*: ([0-9]+) av/).flatMap { Int($0.1) }
            #expect(shown == before + 5, "service in Nätra: \(before) → \(shown ?? -1)")
            let cell = try await browser.get("/answers?theme=service&area=N%C3%A4tra")
            #expect(cell.status == .ok && cell.body.contains("\(before + 5) respondenter av"))
            // The count of answers agrees with the list (#23.6: "12 respondenter" listed 13 answers).
            let listed = cell.body.matches(of: /<li class="answer"/).count
            let said = cell.body.firstMatch(of: /id="cell-count">[^<]* · ([0-9]+) svar/).flatMap { Int($0.1) }
            #expect(said == listed, "said \(said ?? -1), listed \(listed)")
        }
    }

    @Test func twoCodersAtOnceLoseNothing() async throws {
        // Two servers on one database file (two browsers, two processes' worth of connections), coding at once.
        let store = try KartlaggningStore(path: fixture.db, mode: .readOnly)
        // Answers the overview's pages show: their own kind × area cells are shown.
        let basis = try tables().basis
        let answers = try store.answers(matching: AnswerFilter(), codebook: try store.codebook(id: nil)).hits.filter {
            basis.cell($0.kind, $0.district ?? "")?.suppressed == false
        }.map(\.answer).prefix(40)
        #expect(answers.count == 40)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (coder, share) in [("Cecilia", Array(answers.prefix(20))), ("David", Array(answers.suffix(20)))] {
                group.addTask {
                    try await fixture.withClient { browser in
                        let page = try await browser.get("/answers")
                        let token = try #require(WorkbenchClient.token(in: page.body))
                        _ = try await browser.post("/coder", [("csrf", token), ("coder", coder)])
                        try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { posts in
                            for answer in share {
                                posts.addTask {
                                    try await browser.post(
                                        "/code", [("csrf", token), ("answer", String(answer)), ("theme", "turism"), ("action", "add")]
                                    ).status
                                }
                            }
                            for try await status in posts { #expect(status == .seeOther) }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let codebook = try store.codebook(id: nil)
        #expect(try store.coding(by: "Cecilia", codebook: codebook).count == 20)
        #expect(try store.coding(by: "David", codebook: codebook).count == 20)
        #expect(try store.coding(by: "Cecilia", codebook: codebook).values.allSatisfy { $0.contains("turism") })
    }

    // MARK: - Meeting mode and access

    @Test func meetingModeHasNoCodingAndStepsThroughQuotes() async throws {
        try await fixture.withClient(fixture.options { $0.meeting = true }) { browser in
            let page = try await browser.get("/answers?survey=rost-2025")
            #expect(page.status == .ok && page.body.contains("class=\"meeting\""))
            #expect(!page.body.contains("action=\"/code\"") && !page.body.contains("action=\"/coder\""))
            #expect(page.body.contains("Visa citaten ett i taget"))
            let first = try await browser.get("/quotes?survey=rost-2025&step=0")
            #expect(first.status == .ok && first.body.contains("<figure class=\"quote\">") && first.body.contains("rel=\"next\""))
            #expect(!first.body.contains("rel=\"prev\""))
            let second = try await browser.get("/quotes?survey=rost-2025&step=1")
            #expect(second.body.contains("rel=\"prev\""))
            // "Citat 1 av N" (#23.6), each wording once, no marked keywords for the audience.
            let total = try #require(first.body.firstMatch(of: /Citat 1 av ([0-9]+)</).flatMap { Int($0.1) })
            var seen: [String] = []
            for step in 0..<total {
                let quote = try await browser.get("/quotes?survey=rost-2025&step=\(step)")
                #expect(quote.body.contains("Citat \(step + 1) av \(total)<") && !quote.body.contains("<mark>"))
                let text = try #require(quote.body.firstMatch(of: /<blockquote>(.*?)<\/blockquote>/).map { String($0.1) })
                #expect(!seen.contains(text), "quote \(step + 1) was shown before: \(text)")
                seen.append(text)
                #expect(quote.body.contains("rel=\"next\"") == (step + 1 < total))
            }
            let after = try await browser.get("/quotes?survey=rost-2025&step=\(total)")
            #expect(after.body.contains("Inga fler citat."))
            #expect(
                try await browser.post("/code", [("csrf", "x"), ("answer", "1"), ("theme", "service"), ("action", "add")]).status
                    == .forbidden)
            #expect(try await browser.get("/quotes?survey=rost-2025&names=1").status == .badRequest)
        }
    }

    @Test func anAccessTokenGuardsEveryPageBeyondThisMachine() async throws {
        try await fixture.withClient(fixture.options { ($0.host, $0.accessToken) = ("0.0.0.0", "abc123") }) { browser in
            #expect(try await browser.get("/").status == .unauthorized)
            #expect(try await browser.get("/static/app.css").status == .unauthorized)
            #expect(try await browser.get("/?token=wrong").status == .unauthorized)
            let entry = try await browser.get("/answers?token=abc123&survey=rost-2025")
            #expect(entry.status == .seeOther && entry.headers[.location] == "/answers?survey=rost-2025")
            #expect(try await browser.get("/").status == .ok)
        }
    }
}

/// More than eight areas (SampleSurveys/tools/make_large.py, 12 areas): the heatmap and the basis turn, areas in rows.
struct WorkbenchManyAreasTests {
    let folder = TemporaryDirectory()

    @Test func manyAreasTurnTheTables() async throws {
        let db = folder.path("k.sqlite")
        #expect(try CLI.prepareGenerated(areas: 12, db: db, in: folder.url) == [])
        let app = Application(router: try Workbench.router(WorkbenchOptions(database: db)))
        try await app.test(.router) { client in
            let page = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(page.contains("<table class=\"heatmap turned\" id=\"heatmap\">"))
            // The heatmap first, then the basis with the areas as rows.
            let heatmap = try #require(page.range(of: "id=\"heatmap\""))
            let basis = try #require(page.range(of: "Respondenter per typ och område"))
            #expect(heatmap.lowerBound < basis.lowerBound)
            #expect(
                page.contains("<thead><tr><th>Område</th><th scope=\"col\">privatperson</th><th scope=\"col\">Totalt</th></tr></thead>"))
            // The registry's groups (make_large.py: three, the last two areas in none) as rows before their areas,
            // in the heatmap and the basis alike.
            let heatmapPart = page.components(separatedBy: "id=\"heatmap\"")[1].components(separatedBy: "</table>")[0]
            let groups = heatmapPart.matches(of: /<tr class="group"><th scope="rowgroup" colspan="[0-9]+">([^<]+)<\/th><\/tr>/).map {
                String($0.1)
            }
            #expect(groups == ["Norra kustlandet", "Södra kustlandet", "Inlandet", "Övriga områden"])
            #expect(page.components(separatedBy: "<tr class=\"group\">").count - 1 == 8)
            // A child theme's head is its own label after ›, its full name in the title.
            #expect(page.contains("title=\"Infrastruktur › Vägar\"><span><a href=\"/theme/vagar?\">› Vägar</a>"))
        }
    }
}
