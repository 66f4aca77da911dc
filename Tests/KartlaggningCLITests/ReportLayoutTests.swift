import Foundation
import TestSupport
import Testing

/// The reports at 4, 40 and 300 areas: golden files for the overview, a theme and a district, and each HTML page looked
/// at in a real headless browser as it prints (A4 landscape): nothing wider than the page, no caption cut, no chart
/// text outside its chart.
@Suite(.serialized, .tags(.slow, .browser), .skippedWhenFast)
struct ReportLayoutTests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("k.sqlite") }

    func kartlagg(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments, in: folder.url)
    }

    /// The generated survey of `make demo-large` (SampleSurveys/tools/make_large.py), imported and tagged.
    func generated(areas: Int) throws {
        #expect(try CLI.prepareGenerated(areas: areas, db: db, in: folder.url) == [])
    }

    /// Writes the three reports with their HTML; returns their Markdown paths.
    func reports(district: String) throws -> [String] {
        let runs: [(String, [String])] = [
            ("oversikt.md", ["--kind", "overview"]), ("tema.md", ["--theme", "nararbetsplatser"]),
            ("omrade.md", ["--kind", "district", "--district", district]),
        ]
        return try runs.map { name, kind in
            let result = try kartlagg(["report", "--db", db] + kind + ["--out", folder.path(name), "--date", "2026-12-01", "--html"])
            #expect(result.status == 0, "\(kind): \(result.stderr)")
            return folder.path(name)
        }
    }

    func expectFitsThePage(_ markdown: String) throws {
        let html = String(markdown.dropLast(3)) + ".html"
        guard Browser.path != nil else { return }
        let problems = try Browser.layoutProblems(ofHTMLFile: html)
        #expect(problems.isEmpty, "\(URL(fileURLWithPath: html).lastPathComponent): \(problems.prefix(8))")
    }

    /// #23's done-when: a survey shaped like a real municipal one (44 areas, about 1,100 residents, a 50-item 0–14
    /// battery, the tool's own SID/Draft/UID/IP columns, a question nobody answered), its definition inferred from the
    /// file. The overview opens with a summary, reports no technical column and no question nobody answered, shows the
    /// battery as one table with every item, no whole-municipality figure hidden, and prints in at most 30 pages.
    @Test func aRealShapedSurveyPrintsWithinThirtyPages() throws {
        #expect(try CLI.prepareBattery(db: db, in: folder.url) == [])
        let out = folder.path("oversikt.md")
        let result = try kartlagg(["report", "--db", db, "--kind", "overview", "--out", out, "--date", "2026-12-01", "--html"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try String(contentsOfFile: out, encoding: .utf8)
        #expect(report.hasPrefix("# Medborgarenkät landsbygd 2024 – översikt\n"))
        #expect(report.contains("## Sammanfattning"))
        // No technical or identifying column as a question (the draft marks Draft, UID and IP-adress; SID is the id).
        for column in ["SID", "Draft", "UID", "IP-adress", "Startdatum"] {
            #expect(!report.contains("### \(column)") && !report.contains("| \(column) "), "\(column)")
        }
        #expect(report.contains("### Ålder") && report.contains("### Kön"))
        // The battery: one section, its 50 items in its charts, not 50 rows of a scale table.
        #expect(report.contains("### Hur nöjd är du med (0–14): medelvärde per område"))
        #expect(!report.contains("### Skalfrågor"))
        let version = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.path("oversikt-figurer")).first { !$0.hasPrefix(".") })
        let charts = folder.path("oversikt-figurer/" + version)
        let spread = try String(contentsOfFile: charts + "/batteri-1-fordelning.svg", encoding: .utf8)
        let parts = try FileManager.default.contentsOfDirectory(atPath: charts).filter {
            $0.hasPrefix("batteri-1-") && !$0.contains("fordelning")
        }
        #expect(parts.count == 8)  // 44 areas in two parts × 50 items in four
        for service in ["skolan", "bredbandet", "framtidstron", "gatubelysningen"] {
            #expect(spread.contains(">\(service)?</text>"), "\(service)")
        }
        // The whole municipality: every item's mean shown, every bar of the spread drawn.
        for part in parts {
            let svg = try String(contentsOfFile: charts + "/" + part, encoding: .utf8)
            let whole = try #require(svg.firstMatch(of: /desc id="[^"]+">([^<]*)</)).1
            #expect(!whole.contains("Hela kommunen ··"), "\(part)")
        }
        #expect(!spread.contains(": ··;") && !spread.hasSuffix(": ··"))
        guard Browser.path != nil else { return }
        try expectFitsThePage(out)
        let pages = try #require(try Browser.printedPages(ofHTMLFile: folder.path("oversikt.html")))
        #expect(pages <= 30, "\(pages) pages")
    }

    /// #23's page target: the sample's overview as `make demo` writes it prints in at most 8 A4 pages, and a table
    /// that goes on to the next page has its header there again (no page begins with a row of a table's body).
    @Test func theSampleOverviewPrintsWithinEightPagesWithItsHeaders() throws {
        #expect(try CLI.prepareDemo(db: db, in: folder.url) == [])
        let out = folder.path("oversikt.md")
        let result = try kartlagg(["report", "--db", db, "--kind", "overview", "--out", out, "--date", "2026-12-01", "--html"])
        #expect(result.status == 0, "\(result.stderr)")
        guard Browser.path != nil else { return }
        try expectFitsThePage(out)
        let html = folder.path("oversikt.html")
        let pages = try #require(try Browser.printedPages(ofHTMLFile: html))
        #expect(pages <= 8, "\(pages) pages")
        guard let texts = try Browser.printedPageTexts(ofHTMLFile: html) else {
            print("skipped the header check: no pdftotext (`apt-get install poppler-utils`; make test does)")
            return
        }
        #expect(texts.count == pages)
        let markdown = try String(contentsOfFile: out, encoding: .utf8)
        let (bodyRows, repeated, _) = Browser.pagesStartingInATable(texts, markdown: markdown)
        #expect(bodyRows.isEmpty, "\(bodyRows)")
        // The themes by area go on to a second page: its header is printed there again.
        #expect(repeated >= 1)
    }

    @Test func fourAreasFitAnA4LandscapePage() throws {
        #expect(try CLI.prepareSample(db: db, in: folder.url) == [])
        #expect(try kartlagg(["tag", "--db", db]).status == 0)
        for report in try reports(district: "Nätra") { try expectFitsThePage(report) }
    }

    /// `areas` generated areas: the three reports against their golden files (`report-N-overview.md`, `-theme`,
    /// `-district`), each page checked as it prints; returns the overview.
    func generatedReportsHold(areas: Int) throws -> String {
        try generated(areas: areas)
        let reports = try reports(district: "Bjästa")
        for (report, kind) in zip(reports, ["overview", "theme", "district"]) {
            let text = try String(contentsOfFile: report, encoding: .utf8)
            #expect(text == Golden.expected("report-\(areas)-\(kind).md", target: "KartlaggningCLITests", actual: text))
            try expectFitsThePage(report)
        }
        return try String(contentsOfFile: reports[0], encoding: .utf8)
    }

    @Test func fortyAreasMatchTheirGoldenFilesAndFitThePage() throws {
        let overview = try generatedReportsHold(areas: 40)
        // Areas as rows; the theme table cut into parts at most six themes wide, each with every area.
        #expect(overview.contains("| Område | Civilsamhälle och samverkan |"))
        let themeTables = overview.components(separatedBy: "\n| Område | ").count - 1
        #expect(themeTables >= 4)
        // The registry's groups (make_large.py: three, and two areas in none).
        for group in ["Norra kustlandet", "Södra kustlandet", "Inlandet", "Övriga områden"] {
            #expect(overview.contains("\n| **\(group)** |"))
        }
        // Printed: a table that goes on to the next page has its header there again, and the group it is in is named
        // under it (each group its own table in the HTML, its name in the table's head).
        guard let texts = try Browser.printedPageTexts(ofHTMLFile: folder.path("oversikt.html")) else {
            print("skipped the printed-page check: no chromium or pdftotext (make test installs them)")
            return
        }
        let (bodyRows, repeated, named) = Browser.pagesStartingInATable(texts, markdown: overview)
        #expect(bodyRows.isEmpty, "\(bodyRows)")
        #expect(repeated >= 2 && named >= 2, "\(repeated) headers, \(named) groups")
    }

    /// `--area-order share` in a theme report: within each group, shares highest first and hidden ones last.
    @Test func fortyAreasSortByATheme() throws {
        try generated(areas: 40)
        let out = folder.path("tema-andel.md")
        let result = try kartlagg([
            "report", "--db", db, "--theme", "nararbetsplatser", "--area-order", "share", "--out", out, "--date", "2026-12-01",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        let table = text.components(separatedBy: "### Per område")[1].components(separatedBy: "###")[0]
        var groups: [[Double?]] = []
        for line in table.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| Område") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells[0].hasPrefix("**") {
                groups.append([])
            } else if !groups.isEmpty {
                let share = Double(cells[2].replacingOccurrences(of: ",", with: ".").filter { "0123456789.".contains($0) })
                groups[groups.count - 1].append(cells[2] == "··" ? nil : share)
            }
        }
        #expect(groups.count == 4)
        #expect(groups.reduce(0) { $0 + $1.count } == 40)
        for shares in groups {
            let shown = shares.prefix { $0 != nil }.compactMap { $0 }
            #expect(shown == shown.sorted(by: >), "\(shares)")
            #expect(shares.dropFirst(shown.count).allSatisfy { $0 == nil }, "hidden shares last: \(shares)")
        }
        // An overview has many themes: it needs one named.
        let refused = try kartlagg(["report", "--db", db, "--area-order", "share", "--out", folder.path("o.md")])
        #expect(refused.status != 0 && refused.stderr.contains("--area-order share:THEME"))
        let unknown = try kartlagg(["report", "--db", db, "--area-order", "largest", "--out", folder.path("o.md")])
        #expect(unknown.status != 0 && unknown.stderr.contains("--area-order"))
    }

    /// 300 areas (11,022 respondents): the longest test in `make test` (a few minutes in a debug build).
    @Test func threeHundredAreasMatchTheirGoldenFilesAndFitThePage() throws {
        _ = try generatedReportsHold(areas: 300)
    }

    @Test(.enabled(if: Browser.path != nil, "no chromium on this machine: `apt-get install chromium` (make test does)"))
    func theCheckSeesATooWidePage() throws {
        // The check itself: a page with a table wider than A4 landscape is caught.
        let cells = (1...40).map { "<td>cell number \($0)</td>" }.joined()
        let page = folder.write(
            "wide.html",
            """
            <!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <style>td { white-space: nowrap; }</style></head><body><main><h1>Wide</h1><p>a</p><p>b</p><p>c</p><p>d</p><p>e</p>
            <table><tr>\(cells)</tr></table><figure><figcaption>ok</figcaption></figure></main></body></html>
            """)
        let problems = try Browser.layoutProblems(ofHTMLFile: page)
        #expect(problems.contains { $0.hasPrefix("wider than the page") && $0.contains("table") })
    }
}
