import Foundation
import TestSupport
import Testing

/// `kartlagg report` over the sample project: every kind, its golden file, its charts and HTML, numbers that are
/// crosstab's, suppression, pseudonymisation and templates.
@Suite(.serialized)
struct ReportCLITests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("k.sqlite") }

    func kartlagg(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments, in: folder.url)
    }

    func sample(coded: Bool = false) throws {
        #expect(try CLI.prepareSample(db: db, in: folder.url) == [])
        if coded {
            for coder in ["anna", "bertil"] {
                #expect(try kartlagg(["tag", "import", "--db", db, Paths.sample("kodning-\(coder).csv")]).status == 0)
            }
        }
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: folder.path(name), encoding: .utf8)
    }

    /// The one version folder of a chart folder (`oversikt-figurer/<version>`): the Markdown links its charts there.
    func version(_ chartFolder: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path(chartFolder))
        #expect(names.count == 1, "\(chartFolder): \(names)")
        return try #require(names.first)
    }

    /// A chart of the report, from its version folder.
    func chart(_ chartFolder: String, _ name: String) throws -> String {
        try read(chartFolder + "/" + (try version(chartFolder)) + "/" + name)
    }

    /// The table under `heading`: each row's cells, the header and the alignment line left out.
    static func table(after heading: String, in report: String) -> [[String]] {
        guard let start = report.range(of: heading + "\n") else { return [] }
        let lines = report[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
        let rows = lines.drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.dropFirst(2)
        return rows.map { line in
            line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
        }
    }

    /// Every `(n/N)` in a report.
    static func counts(in report: String) -> [Int] {
        report.matches(of: /\((\d+)\/\d+\)/).compactMap { Int($0.output.1) }
    }

    /// How crosstab's JSON cells read in a report: `26,7 % (4/15)` or `··`.
    static func expectedCells(fromCrosstabJSON json: String, dropEmptyRows: Bool = true) throws -> [[String]] {
        struct Output: Decodable {
            struct Table: Decodable {
                struct Cell: Decodable {
                    var row: String
                    var n: Int?
                    var base: Int?
                    var percent: Double?
                }
                struct Total: Decodable {
                    var value: String
                    var n: Int?
                }
                var rowValues: [String]
                var colValues: [String]
                var cells: [Cell]
                var rowTotals: [Total]
            }
            var table: Table
        }
        let table = try JSONDecoder().decode(Output.self, from: Data(json.utf8)).table
        // A row no one is in (a theme no one raised, an answer no one gave) the report leaves out; so is one fewer than
        // min-cell gave in all (its total hidden, none of its cells above 0 shown), named in a line under the table.
        var empty = Set(table.rowTotals.filter { $0.n == 0 }.map(\.value))
        for total in table.rowTotals
        where total.n == nil
            && table.cells.filter({ $0.row == total.value }).allSatisfy({ ($0.n ?? 0) == 0 })
        {
            empty.insert(total.value)
        }
        return table.rowValues.filter { !empty.contains($0) || !dropEmptyRows }.map { row in
            table.cells.filter { $0.row == row }.map { cell in
                guard let n = cell.n, let base = cell.base, let percent = cell.percent else { return "··" }
                return String(format: "%.1f", percent).replacingOccurrences(of: ".", with: ",") + "\u{00A0}% (\(n)/\(base))"
            }
        }
    }

    // MARK: - Theme

    @Test func themeReportMatchesItsGoldenFileAndIsDeterministic() throws {
        try sample()
        let out = folder.path("tema.md")
        let arguments = ["report", "--db", db, "--theme", "nararbetsplatser", "--out", out, "--date", "2025-06-01"]
        let result = try kartlagg(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(out): theme report on nararbetsplatser; 1 more file beside it\n")
        let report = try read("tema.md")
        #expect(report == Golden.expected("report-theme-nararbetsplatser.md", target: "KartlaggningCLITests", actual: report))
        #expect(try kartlagg(arguments).status == 0)
        #expect(try read("tema.md") == report)
        // Numbers match crosstab's for the same table: BLT 4 of 15 (26.7 %).
        let crosstab = try kartlagg(["crosstab", "--db", db, "--rows", "theme", "--cols", "district"])
        #expect(crosstab.stdout.contains("4 (26.7 %)"))
        #expect(report.contains("| BLT | 4 | 26,7\u{00A0}% | 15 |"))
        #expect(!report.contains("Karin L"))
        // The chart beside it, linked from it, with its values as text.
        let themeCharts = "tema-figurer/" + (try version("tema-figurer"))
        #expect(report.contains("![Närarbetsplatser: andel respondenter per område](\(themeCharts)/omraden-nararbetsplatser.svg)"))
        let svg = try chart("tema-figurer", "omraden-nararbetsplatser.svg")
        #expect(svg == Golden.expected("report-theme-nararbetsplatser-omraden.svg", target: "KartlaggningCLITests", actual: svg))
        #expect(svg.contains("<desc id=\"omraden-nararbetsplatser-desc\">Anundsjö: ··;"))
    }

    @Test func severalThemesInEnglishWithHTML() throws {
        try sample()
        let out = folder.path("themes.md")
        let result = try kartlagg([
            "report", "--db", db, "--theme", "nararbetsplatser", "--theme", "bredband", "--lang", "en", "--html", "--out", out,
            "--date", "2025-06-01",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try read("themes.md")
        #expect(report == Golden.expected("report-themes-en.md", target: "KartlaggningCLITests", actual: report))
        #expect(report.hasPrefix("# Themes: Närarbetsplatser, Bredband och mobiltäckning\n"))
        #expect(report.contains("| BLT | 4 | 26.7% | 15 |"))
        #expect(report.contains("## About the data and the method"))
        let html = try read("themes.html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<title>Themes: Närarbetsplatser, Bredband och mobiltäckning</title>"))
        // Both charts inline (the page travels alone), none left as an image link.
        #expect(html.components(separatedBy: "<svg ").count == 3)
        #expect(!html.contains("<img"))
        #expect(html.contains("<td align=\"right\">26.7%</td>"))
        #expect(html.contains("@media print"))
    }

    // MARK: - Overview

    @Test func overviewMatchesGoldenFilesAndCrosstab() throws {
        try sample(coded: true)
        let arguments = ["report", "--db", db, "--kind", "overview", "--out", folder.path("oversikt.md"), "--date", "2025-06-01", "--html"]
        let result = try kartlagg(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(folder.path("oversikt.md")): overview report; 13 more files beside it\n")
        let report = try read("oversikt.md")
        #expect(report == Golden.expected("report-overview.md", target: "KartlaggningCLITests", actual: report))
        // A number question by area (employees; checked by hand from the sample's CSV in ReportStatisticsTests): no
        // area has 10 answers, so only the whole is shown (its median from 25 answers). Several surveys in the
        // report: each question names its own.
        #expect(report.contains("| Hur många är anställda i företaget? – Företagsintervjuer 2025 | 7,3 (md 4, n 25) |"))
        #expect(!report.contains("Hur många är anställda i företaget?\n\n| Svar"))
        let heatmap = try chart("oversikt-figurer", "teman-omraden.svg")
        #expect(heatmap == Golden.expected("report-overview-heatmap.svg", target: "KartlaggningCLITests", actual: heatmap))
        let charts = "oversikt-figurer/" + (try version("oversikt-figurer"))
        #expect(report.contains("![Teman per område, andel respondenter](\(charts)/teman-omraden.svg)"))
        #expect(report.contains("![Teman, andel av alla respondenter](\(charts)/teman.svg)"))
        let html = try read("oversikt.html")
        // themes, heatmap, three scale and two number questions, the four most raised themes on the map and their legend
        #expect(html.components(separatedBy: "<svg ").count == 13)
        // A number question's spread in size classes: 19 of the 25 firms have 1–9 employees, 6 have 10 or more.
        let employees = try chart("oversikt-figurer", "skala-anstallda.svg")
        #expect(employees.contains("Hela kommunen, 1–9: 76 %") && employees.contains("Hela kommunen, 10+: 24 %"))
        #expect(employees.contains("per storleksklass"))
        // A scale question's spread: no area has 10 answers, so the whole's bar only; its values 1 and 5 (fewer than 3
        // answers) are hidden, together one grey segment — never a bar of "··" where something can be shown.
        let spread = try chart("oversikt-figurer", "skala-bredband_nojd.svg")
        #expect(spread.contains("<title id=\"skala-bredband_nojd-title\">Hur nöjd är du med bredbandet och mobiltäckningen?</title>"))
        #expect(spread.contains("<desc id=\"skala-bredband_nojd-desc\">Hela kommunen: 1 ··, 2 24 %, 3 28 %, 4 24 %, 5 ··</desc>"))
        #expect(spread.contains("<title>Hela kommunen, 2: 24 %</title></rect>"))
        #expect(spread.contains("fill=\"#b5b5b5\"><title>Hela kommunen: ··</title></rect>"))
        #expect(
            report.contains(
                "![Hur nöjd är du med bredbandet och mobiltäckningen?: svarens fördelning per område](\(charts)/skala-bredband_nojd.svg)"
            ))
        // Byte-identical the next time.
        #expect(try kartlagg(arguments).status == 0)
        #expect(try read("oversikt.md") == report)
        #expect(try read("oversikt.html") == html)
        #expect(try chart("oversikt-figurer", "teman-omraden.svg") == heatmap)
        // Every cell of theme × district is crosstab's, hidden where crosstab hides it.
        let crosstab = try kartlagg(["crosstab", "--db", db, "--rows", "theme", "--cols", "district", "--format", "json"])
        let expected = try Self.expectedCells(fromCrosstabJSON: crosstab.stdout)
        let shown = Self.table(after: "### Teman per område", in: report).dropLast().map { Array($0.dropFirst().dropLast()) }
        #expect(shown == expected)
        // A closed question too: no district has 10 firms, so crosstab --min-base 10 pools them all under Övriga
        // områden — the whole, which is all the report shows, and it says why.
        let bransch = try kartlagg([
            "crosstab", "--db", db, "--rows", "bransch", "--cols", "district", "--min-base", "10", "--format", "json",
        ])
        #expect(bransch.status == 0, "\(bransch.stderr)")
        #expect(bransch.stdout.contains("\"colValues\" : [\n      \"Övriga områden\"\n    ]"))
        let branschRows = Self.table(after: "### Bransch – Företagsintervjuer 2025", in: report).dropLast().map { Array($0.dropFirst()) }
        #expect(branschRows == (try Self.expectedCells(fromCrosstabJSON: bransch.stdout, dropEmptyRows: false)))
        #expect(
            report.contains(
                "### Bransch – Företagsintervjuer 2025\n\n| Svar | Hela kommunen |\n|---|---:|\n| Jord och skog | 16,0\u{00A0}% (4/25) |"))
        #expect(report.contains("_Inget område har 10 svar eller fler på frågan: bara hela kommunen redovisas._"))
        // The method box: the agreement the agreement command computes, coders named by letter only.
        let agreement = try kartlagg(["agreement", "--db", db, "--coder", "auto", "--coder", "Anna", "--format", "json"])
        // By hand: 25 answers × 16 themes = 400 units, both 35, only auto 5, only Anna 8, neither 352:
        // pₒ = 387/400 = 0.9675, pₑ = 0.1 · 0.1075 + 0.9 · 0.8925 = 0.814, κ = 0.1535/0.186 = 0.825268817…
        #expect(agreement.stdout.contains("\"kappa\" : 0.8252688172043"))
        #expect(report.contains("| automatisk – kodare A | 0,83 | 96,8\u{00A0}% | 25 |"))
        #expect(!report.contains("Anna") && !report.contains("Bertil"))
        // No district has 30 respondents and the rest as many: no difference is compared, and the report says so.
        #expect(report.contains("Ingen skillnad mellan ett område och resten av kommunen håller"))
        #expect(report.contains("där båda har minst 30 respondenter"))
        #expect(report.contains("här har inget område och resten det, så ingen skillnad prövades"))
        // With groups of 5 and no correction: χ² of Grundsunda against the rest for Turism, by hand: [[4, 9], [4, 42]]
        // → 4.2135, p = erfc(√(χ²/2)) = 0.0401; an expected count is 13 · 8 / 59 = 1.76 < 5, so p is uncertain (†).
        // Newcombe's interval of 4/13 − 4/46, scaled by 46/59 to the difference from the whole (computed apart, in
        // Python): +0.44 to +38.55 points.
        let small = try kartlagg([
            "report", "--db", db, "--kind", "overview", "--out", folder.path("small.md"), "--date", "2025-06-01", "--min-group", "5",
            "--correction", "none",
        ])
        #expect(small.status == 0, "\(small.stderr)")
        let smallReport = try read("small.md")
        #expect(smallReport.contains("| Grundsunda | Tema: Turism | 30,8\u{00A0}% | 13,6\u{00A0}% | +17,2 | +0,4 – +38,6 | 0,040 † |"))
        #expect(smallReport.contains("utan korrektion för att"))

    }

    /// A kind too small to show its own total (the thematic groups' 2 public bodies) is counted with the smallest
    /// other kind, so the basis shows every total and the whole, never `··` (#23); without the pool, the public
    /// bodies' 2 and, to protect it, the associations' total were hidden.
    @Test func aKindTooSmallToShowIsCountedWithAnother() throws {
        try sample()
        let meetings = [Paths.sample("tema-foreningsliv-bredbyn.json"), Paths.sample("tema-nararbetsplatser-bjasta.json")]
        #expect(try kartlagg(["survey", "add", "--db", db, Paths.sample("temagrupp-2025.survey.json")]).status == 0)
        #expect(try kartlagg(["import", "--db", db, "--survey", "temagrupp-2025"] + meetings).status == 0)
        let result = try kartlagg(["report", "--db", db, "--kind", "overview", "--out", folder.path("o.md"), "--date", "2025-06-01"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try read("o.md")
        let basis = Self.table(after: "Respondenter per typ och område:", in: report)
        // By hand from the sample's files: the 2 public bodies (Anundsjö 1, Nätra 1) join the smallest other kind,
        // the 14 residents (3, 5, 2, 4) → 4, 6, 2, 4 and 16; Grundsunda's 2 is hidden, and BLT's 4 with it. Every
        // total and the whole are shown.
        #expect(
            basis == [
                ["företag", "7", "9", "6", "6", "28"], ["förening", "9", "8", "··", "··", "27"],
                ["offentlig + privatperson", "4", "6", "··", "··", "16"], ["Totalt", "20", "23", "13", "15", "71"],
            ])
        #expect(report.contains("_offentlig + privatperson: räknas tillsammans, eftersom offentlig har färre än 3 respondenter._"))
        // crosstab, which does not pool, hides what the pool lets the report show.
        let plain = try kartlagg(["crosstab", "--db", db, "--rows", "kind", "--cols", "district"])
        #expect(plain.stdout.contains("offentlig                ··          ··   0 (0.0 %)   0 (0.0 %)     ··"))
    }

    /// A survey of closed questions with no codebook loaded: the overview shows the basis and the closed questions
    /// by area, says in the method box that there is no codebook, and has no theme sections; a theme report still
    /// needs a codebook.
    @Test func anOverviewNeedsNoCodebook() throws {
        for step in [
            ["districts", "load", "--db", db, Paths.sample("districts.yaml")],
            ["survey", "add", "--db", db, Paths.sample("foretag-2025.survey.yaml")],
            ["import", "--db", db, "--survey", "foretag-2025", Paths.sample("foretag-2025.csv")],
        ] {
            #expect(try kartlagg(step).status == 0)
        }
        let result = try kartlagg([
            "report", "--db", db, "--kind", "overview", "--out", folder.path("o.md"), "--date", "2025-06-01", "--html",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)  // no warning about a codebook not applied: there is none
        let report = try read("o.md")
        // One survey: the report is titled by it.
        #expect(report.hasPrefix("# Företagsintervjuer 2025 – översikt\n\n_2025-06-01 · 25 respondenter_\n"))
        #expect(report.contains("## Slutna frågor per område"))
        #expect(report.contains("### Bransch"))
        #expect(!report.contains("## Teman"))
        #expect(report.contains("- **Kodbok:** ingen kodbok är laddad, så fritextsvaren har inga teman"))
        #expect(report.contains("- **Enhet:** respondenter. En respondent räknas en gång per cell; andelar"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("o-figurer/teman.svg")))
        let theme = try kartlagg(["report", "--db", db, "--theme", "x", "--out", folder.path("t.md"), "--date", "2025-06-01"])
        #expect(theme.status == 1)
        #expect(theme.stderr.contains("no codebook loaded yet"))
    }

    /// 40 areas: tables and the heatmap put the areas in rows (the page grows down, not off its edge), the heatmap's
    /// theme heads slanted over narrow columns, every cell's text at its size.
    /// 40 generated areas of 4–30 respondents, a choice question, free texts tagged with the sample codebook.
    func fortyAreas() throws {
        let areas = (1...40).map { String(format: "Område %02d", $0) }
        let registry = folder.write("omraden.yaml", "districts:\n" + areas.map { "  - name: \"\($0)\"\n" }.joined())
        let survey = folder.write(
            "s.yaml",
            """
            id: s
            title: S
            kind: privatperson
            respondent: { id: Nr, district: Område }
            questions:
              - { id: utb, column: Utb, label: "Vilken är din högsta utbildningsnivå?", type: choice, options: [Grundskola, Gymnasium, Högskola] }
              - { id: onskemal, column: Önskemål, type: text }
            """)
        var csv = "Nr;Område;Utb;Önskemål\n"
        var n = 0
        for (index, area) in areas.enumerated() {
            for k in 0..<[4, 6, 10, 20, 30][index % 5] {
                n += 1
                csv +=
                    "\(n);\(area);\(["Grundskola", "Gymnasium", "Högskola"][k % 3]);\(k % 2 == 0 ? "Bättre bredband" : "Bussen går sällan")\n"
            }
        }
        let answers = folder.write("svar.csv", csv)
        for step in [
            ["districts", "load", "--db", db, registry], ["survey", "add", "--db", db, survey],
            ["import", "--db", db, "--survey", "s", answers],
            ["codebook", "load", "--db", db, Paths.sample("kodbok.yaml")], ["tag", "--db", db],
        ] {
            let result = try kartlagg(step)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
    }

    /// Only real questions (#23.2): a closed question no one answered, a number question no one answered, a form tool's
    /// technical column and a column that identifies people are not in the report; the method box names what was left
    /// out, and scale means and number questions stand in tables of their own.
    @Test func onlyRealQuestionsAreReported() throws {
        let registry = folder.write("omraden.yaml", "districts:\n  - name: Norr\n  - name: Söder\n")
        let survey = folder.write(
            "s.yaml",
            """
            id: s
            title: S
            kind: privatperson
            respondent: { id: Nr, district: Område }
            technical: [IP]
            identifying: [Namn]
            questions:
              - { id: kon, column: Kön, type: choice, options: [Kvinna, Man] }
              - { id: nojd, column: Nöjd, label: "Hur nöjd är du?", type: scale, scale: { min: 1, max: 5 } }
              - { id: bilar, column: Bilar, label: "Antal bilar", type: integer }
              - { id: hushall, column: Hushåll, label: "Personer i hushållet", type: integer }
              - { id: ip, column: IP, type: text }
              - { id: namn, column: Namn, type: text }
            """)
        var csv = "Nr;Område;Kön;Nöjd;Bilar;Hushåll;IP;Namn\n"
        for n in 1...24 { csv += "\(n);\(n % 2 == 0 ? "Norr" : "Söder");;\(n % 5 + 1);;\(n % 4 + 1);10.0.0.\(n);Person \(n)\n" }
        let answers = folder.write("svar.csv", csv)
        for step in [
            ["districts", "load", "--db", db, registry], ["survey", "add", "--db", db, survey],
            ["import", "--db", db, "--survey", "s", answers],
        ] {
            let result = try kartlagg(step)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        let result = try kartlagg(["report", "--db", db, "--kind", "overview", "--out", folder.path("o.md"), "--date", "2026-12-01"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try read("o.md")
        #expect(
            !report.contains("### Kön") && !report.contains("Antal bilar |") && !report.contains("10.0.0") && !report.contains("Person 1"))
        #expect(report.contains("### Skalfrågor: medelvärde (median, antal svar)\n\n| Fråga | Norr | Söder | Hela kommunen |"))
        #expect(report.contains("| Hur nöjd är du? (1–5) |"))
        #expect(report.contains("### Talfrågor: medelvärde (median, antal svar)"))
        #expect(report.contains("| Personer i hushållet |"))
        #expect(
            report.contains(
                "- **Utelämnat:** frågor som ingen i urvalet besvarade (Kön; Antal bilar), 1 teknisk kolumn (formulärverktygets tider, id:n och metadata) och 1 kolumn som identifierar personer."
            ))
        // One survey: headings do not name it.
        #expect(!report.contains(" – S\n"))
    }

    @Test(.tags(.slow), .skippedWhenFast) func fortyAreasGoInRows() throws {
        try fortyAreas()
        // Every area on its own (its 4–6 respondents would be pooled at the default --min-base 10).
        let result = try kartlagg([
            "report", "--db", db, "--kind", "overview", "--out", folder.path("o.md"), "--date", "2026-12-01", "--html", "--min-base", "0",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try read("o.md")
        // One kind: its column is the total, written once (no identical "Totalt" column beside it).
        #expect(report.contains("| Område | privatperson |\n|---|---:|\n| Område 01 | 4 |\n| Område 02 | 6 |\n"))
        #expect(report.contains("| Område | Grundskola | Gymnasium | Högskola | N |"))
        #expect(report.contains("### Vilken är din högsta utbildningsnivå?"))
        let heatmap = try chart("o-figurer", "teman-omraden.svg")
        #expect(heatmap.contains("transform=\"rotate(-45"))
        // One row per area, 26 pixels each, at the same 12-pixel text as the four-area map.
        let height = try #require(heatmap.firstMatch(of: /height="(\d+)"/).flatMap { Int($0.1) })
        #expect(height > 40 * 26)
        #expect(heatmap.contains("font-size=\"12\""))
        #expect(heatmap.contains(">Område 40</text>"))
    }

    /// The overview's tables at 40 areas, each audited against its unprotected counts: every hidden count of people
    /// can only be narrowed to a range at least min-cell wide by everything the table shows.
    @Test(.tags(.slow), .skippedWhenFast) func theAuditHoldsForTheOverviewsTablesAtFortyAreas() throws {
        try fortyAreas()
        for (rows, cols) in [("kind", "district"), ("theme", "district"), ("utb", "district")] {
            func table(_ extra: [String]) throws -> [String: Any] {
                let result = try kartlagg(["crosstab", "--db", db, "--rows", rows, "--cols", cols, "--format", "json"] + extra)
                #expect(result.status == 0, "\(result.stderr)")
                let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
                return object?["table"] as? [String: Any] ?? [:]
            }
            let open = try table(["--min-cell", "0"])
            let audited = try table(["--audit"])
            var truth: [String: Int] = [:]
            for cell in open["cells"] as? [[String: Any]] ?? [] {
                truth["\(cell["row"] ?? "")|\(cell["col"] ?? "")"] = cell["n"] as? Int
            }
            for total in open["rowTotals"] as? [[String: Any]] ?? [] { truth["\(total["value"] ?? "")|*"] = total["n"] as? Int }
            for total in open["colTotals"] as? [[String: Any]] ?? [] { truth["*|\(total["value"] ?? "")"] = total["n"] as? Int }
            let suppressed = (audited["cells"] as? [[String: Any]] ?? []).filter { $0["suppressed"] as? Bool == true }
            let ranges = audited["audit"] as? [[String: Any]] ?? []
            // Areas of 4 and 6 respondents split two ways: the theme and education tables hide cells.
            if rows != "kind" { #expect(!suppressed.isEmpty, "\(rows) × \(cols) hides something") }
            #expect(ranges.filter { $0["row"] != nil && $0["col"] != nil }.count == suppressed.count, "\(rows) × \(cols)")
            for range in ranges {
                let key = "\(range["row"] as? String ?? "*")|\(range["col"] as? String ?? "*")"
                guard let n = truth[key], n > 0, let lower = range["lower"] as? Int, let upper = range["upper"] as? Int else { continue }
                #expect(upper - lower >= 3, "\(rows) × \(cols) \(key): \(n) narrowed to \(lower)…\(upper)")
                #expect(lower <= n && n <= upper, "\(rows) × \(cols) \(key)")
            }
        }
    }

    @Test func filtersSelectRespondentsAsCrosstabWhereDoes() throws {
        try sample()
        let result = try kartlagg([
            "report", "--db", db, "--kind", "overview", "--survey", "foretag-2025", "--out", folder.path("f.md"), "--date", "2025-06-01",
            "--min-base", "0",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try read("f.md")
        #expect(report.contains("· 25 respondenter_"))
        #expect(report.contains("- **Urval:** undersökning = foretag-2025."))
        #expect(!report.contains("Typ av förening"))
        let crosstab = try kartlagg([
            "crosstab", "--db", db, "--rows", "theme", "--cols", "district", "--where", "survey=foretag-2025", "--format", "json",
        ])
        let shown = Self.table(after: "### Teman per område", in: report).dropLast().map { Array($0.dropFirst().dropLast()) }
        #expect(shown == (try Self.expectedCells(fromCrosstabJSON: crosstab.stdout)))
        // Districts and waves narrow further; an unknown wave leaves nobody.
        let two = try kartlagg([
            "report", "--db", db, "--kind", "overview", "--district", "Nätra", "--district", "BLT", "--wave", "2025", "--out",
            folder.path("two.md"), "--date", "2025-06-01",
        ])
        #expect(two.status == 0, "\(two.stderr)")
        let narrowed = try read("two.md")
        #expect(narrowed.contains("| Tema | Nätra | BLT | Hela kommunen |"))
        #expect(narrowed.contains("· 32 respondenter_"))
    }

    // MARK: - District

    @Test func districtProfileMatchesItsGoldenFiles() throws {
        try sample()
        let result = try kartlagg([
            "report", "--db", db, "--kind", "district", "--district", "nätra", "--out", folder.path("natra.md"), "--date", "2025-06-01",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try read("natra.md")
        #expect(report == Golden.expected("report-district-natra.md", target: "KartlaggningCLITests", actual: report))
        #expect(report.hasPrefix("# Område: Nätra\n"))
        #expect(report.contains("| Civilsamhälle och samverkan | 47,1\u{00A0}% (8/17) | 40,7\u{00A0}% (24/59) | +6,4 |"))
        // A district whose count is hidden shows no share, no difference and no quotes on that theme.
        #expect(report.contains("| Närarbetsplatser | ·· | 16,9\u{00A0}% (10/59) | ·· |"))
        #expect(!report.contains("### Närarbetsplatser"))
        let svg = try chart("natra-figurer", "omrade-Natra.svg")
        #expect(svg.contains("<title id=\"omrade-title\">Nätra: andel respondenter, området mot hela kommunen</title>"))
        let english = try kartlagg([
            "report", "--db", db, "--kind", "district", "--district", "BLT", "--lang", "en", "--out", folder.path("blt.md"), "--date",
            "2025-06-01",
        ])
        #expect(english.status == 0, "\(english.stderr)")
        let blt = try read("blt.md")
        #expect(blt == Golden.expected("report-district-blt-en.md", target: "KartlaggningCLITests", actual: blt))
        // BLT's 5 associations are a shown cell of kind × district: their quotes say "förening" (the hidden case:
        // QuoteSpeakerTests).
        #expect(blt.contains("> — förening\n"))
        let none = try kartlagg(["report", "--db", db, "--kind", "district", "--out", folder.path("x.md")])
        #expect(none.status == 64)
        #expect(none.stderr.contains("a district report needs exactly one --district NAME"))
        let unknown = try kartlagg(["report", "--db", db, "--kind", "district", "--district", "Mellansel", "--out", folder.path("x.md")])
        #expect(unknown.status == 1)
        #expect(
            unknown.stderr
                == "error: no respondents in district \"Mellansel\" with the filters given; districts: Anundsjö, Nätra, Grundsunda, BLT\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path("x.md")))
    }

    // MARK: - Safety

    @Test(arguments: [3, 5])
    func noShownCountIsSmallerThanMinCell(minCell: Int) throws {
        try sample()
        for (kind, extra) in [("overview", [String]()), ("district", ["--district", "BLT"]), ("theme", ["--theme", "turism"])] {
            let out = folder.path("\(kind)-\(minCell).md")
            let result = try kartlagg(
                ["report", "--db", db, "--kind", kind, "--min-cell", String(minCell), "--out", out, "--date", "2025-06-01"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let report = try String(contentsOfFile: out, encoding: .utf8)
            let small = Self.counts(in: report).filter { $0 > 0 && $0 < minCell }
            #expect(small.isEmpty, "\(kind): counts below \(minCell): \(small)")
            #expect(report.contains("··"))
        }
    }

    @Test func quotesIdentifyNoOne() throws {
        #expect(try kartlagg(["districts", "load", "--db", db, Paths.sample("districts.yaml")]).status == 0)
        #expect(try kartlagg(["survey", "add", "--db", db, Paths.sample("foretag-2025.survey.yaml")]).status == 0)
        let header =
            "Nr;Företag;Område;Serviceort;Intervjuare;Datum;Bransch;Antal anställda;Nöjd med bredband (1-5);Behov;Samverkar med föreningar;Utmaningar;Idéer för bygden"
        let rows = [
            "X1;Bredbyns Såg AB;Anundsjö;Bredbyn;Karin Lund;2025-03-04;Handel;3;3;;Ja;;En närarbetsplats! Mejla karin.lund@exempel.se eller ring 0660-880 18.",
            "X2;Solbergs Lanthandel;Anundsjö;Solberg;Karin Lund;2025-03-04;Handel;3;3;;Ja;;Närarbetsplats i byn, Karin Lund vet mer: +46 70 123 45 67.",
            "X3;IF Nätra;Anundsjö;Bredbyn;Per N;2025-03-05;Handel;3;3;;Ja;;Distansarbete hos Solbergs Lanthandel, org.nr 556036-0793, kontakt 811228-9874.",
            "X4;Byns Bageri;Anundsjö;Bredbyn;Per N;2025-03-05;Handel;3;3;;Ja;;Kan kommunen hyra ut kontorsplatser i skolan? Per N frågade också.",
            "X5;Byns Bageri;Anundsjö;Bredbyn;Per N;2025-03-05;Handel;3;3;;Ja;;Närarbetsplats! Mitt nummer är 19800101-1234, skriv till karin.lund@exempel.se.",
        ]
        let csv = folder.write("x.csv", ([header] + rows).joined(separator: "\r\n") + "\r\n")
        #expect(try kartlagg(["import", "--db", db, "--survey", "foretag-2025", csv]).status == 0)
        #expect(try kartlagg(["codebook", "load", "--db", db, Paths.sample("kodbok.yaml")]).status == 0)
        #expect(try kartlagg(["tag", "--db", db]).status == 0)
        let result = try kartlagg([
            "report", "--db", db, "--theme", "nararbetsplatser", "--quotes", "5", "--min-cell", "0", "--out", folder.path("q.md"), "--date",
            "2025-06-01",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try read("q.md")
        for secret in [
            "karin.lund@", "0660", "+46", "Karin", "Lund", "Per N", "556036", "811228", "Solbergs", "Bredbyns Såg", "IF Nätra",
            "19800101", "800101", "karin", "lund", "exempel", "solbergs", "bredbyns",
        ] {
            #expect(!report.contains(secret), "\(secret) reached the report")
        }
        // The word lists of `terms` leave out the same words.
        let terms = try kartlagg(["terms", "--db", db, "--by", "kind", "--top", "50"]).stdout
        for secret in ["karin", "lund", "exempel", "solbergs", "bredbyns", "19800101", "0660"] {
            #expect(!terms.contains(secret), "\(secret) in the terms")
        }
        // Placeholders as Markdown writes them (`\\[` is a `[` that starts no link).
        #expect(report.contains("Mejla \\[e-post] eller ring \\[telefon]."))
        #expect(report.contains("\\[person] vet mer: \\[telefon]."))
        #expect(report.contains("Distansarbete hos \\[organisation], org.nr \\[organisationsnummer], kontakt \\[personnummer]."))
        // The questions respondents ask, pseudonymised too.
        #expect(report.contains("### Frågor de ställer\n\n- Kan kommunen hyra ut kontorsplatser i skolan?\n"))
        #expect(report.contains("den ska inte lämnas ut"))
    }

    /// Every table line of `report` has as many cells as its header (escaped `\|` is no separator).
    static func tablesAreWellFormed(_ report: String) -> Bool {
        var width: Int?
        for line in report.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                width = nil
                continue
            }
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            if let width, width != cells { return false }
            width = width ?? cells
        }
        return true
    }

    @Test func markupInTheDataCannotBreakTheMarkdown() throws {
        #expect(try kartlagg(["districts", "load", "--db", db, Paths.sample("districts.yaml")]).status == 0)
        #expect(try kartlagg(["survey", "add", "--db", db, Paths.sample("foretag-2025.survey.yaml")]).status == 0)
        #expect(try kartlagg(["import", "--db", db, "--survey", "foretag-2025", Paths.sample("foretag-2025.csv")]).status == 0)
        let codebook = folder.write(
            "kodbok.yaml",
            """
            id: tecken
            version: "1 | 2"
            themes:
              - id: vag
                label: "Väg | bro *viktigt*"
                keywords: [väg*, bro*, fiber*]
            """)
        #expect(try kartlagg(["codebook", "load", "--db", db, codebook]).status == 0)
        #expect(try kartlagg(["tag", "--db", db]).status == 0)
        for (kind, extra) in [("overview", [String]()), ("theme", ["--theme", "vag"]), ("district", ["--district", "Nätra"])] {
            let out = folder.path("\(kind).md")
            let result = try kartlagg(["report", "--db", db, "--kind", kind, "--out", out, "--date", "2025-06-01", "--html"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let report = try String(contentsOfFile: out, encoding: .utf8)
            #expect(Self.tablesAreWellFormed(report), "\(kind)")
            #expect(report.contains("Väg \\| bro \\*viktigt\\*"), "\(kind)")
            let html = try String(contentsOfFile: folder.path("\(kind).html"), encoding: .utf8)
            #expect(html.contains("Väg | bro *viktigt*"), "\(kind)")
            #expect(!html.contains("<em>viktigt</em>"), "\(kind)")
        }
    }

    /// The issue's stored-XSS reproduction and its kin: hostile text in a survey's title and wave, a district name,
    /// a theme label and an answer reaches every report kind as text, never as markup, and the HTML page forbids
    /// scripts and remote loads whatever it holds; a district whose name holds `]` keeps its chart.
    @Test func hostileDefinitionsRegistriesAndCodebooksStayText() throws {
        let hostile = #"<script>alert(1)</script><img src=http://evil.example/x.png onerror=alert(2)>[klick](javascript:alert(3))"#
        var districts = try String(contentsOfFile: Paths.sample("districts.yaml"), encoding: .utf8)
        districts = districts.replacingOccurrences(
            of: "- name: Nätra\n    aliases: [", with: "- name: \"Nätra ] <b>\"\n    aliases: [Nätra, ")
        // The registry's map goes with it (the renamed district keeps its area through the alias).
        try FileManager.default.copyItem(
            atPath: Paths.sample("omraden-schematisk.geojson"), toPath: folder.path("omraden-schematisk.geojson"))
        #expect(try kartlagg(["districts", "load", "--db", db, folder.write("omraden.yaml", districts)]).status == 0)
        var survey = try String(contentsOfFile: Paths.sample("foretag-2025.survey.yaml"), encoding: .utf8)
        survey = survey.replacingOccurrences(of: "wave: \"2025\"", with: "wave: '\(hostile)'")
            .replacingOccurrences(of: "title: Företagsintervjuer 2025", with: "title: '\(hostile)'")
        #expect(try kartlagg(["survey", "add", "--db", db, folder.write("enkat.yaml", survey)]).status == 0)
        #expect(try kartlagg(["import", "--db", db, "--survey", "foretag-2025", Paths.sample("foretag-2025.csv")]).status == 0)
        let codebook = folder.write(
            "kodbok.yaml",
            """
            id: elak
            version: "1"
            themes:
              - id: vag
                label: '\(hostile)'
                keywords: [väg*, bro*, fiber*, bredband*]
            """)
        #expect(try kartlagg(["codebook", "load", "--db", db, codebook]).status == 0)
        #expect(try kartlagg(["tag", "--db", db]).status == 0)
        for (kind, extra) in [("overview", [String]()), ("theme", ["--theme", "vag"]), ("district", ["--district", "Nätra ] <b>"])] {
            let out = folder.path("\(kind) (v2).md")
            let result = try kartlagg(
                ["report", "--db", db, "--kind", kind, "--out", out, "--date", "2025-06-01", "--html", "--min-cell", "0"] + extra)
            #expect(result.status == 0, "\(kind): \(result.stderr)")
            let html = try String(contentsOfFile: folder.path("\(kind) (v2).html"), encoding: .utf8)
            for live in ["<script", "<img", "href=\"javascript", "<b>", "src=\"http"] {
                #expect(!html.contains(live), "\(kind): \(live) is live in the HTML")
            }
            #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"), "\(kind)")
            // Every chart the Markdown links is inlined: none was cut off by a bracket or the file name's spaces.
            let markdown = try String(contentsOfFile: out, encoding: .utf8)
            let links = markdown.components(separatedBy: "](").dropLast().filter { !$0.hasSuffix("\\") }.count
            #expect(links > 0 && html.components(separatedBy: "<figure").count - 1 == links, "\(kind)")
            #expect(markdown.contains("](\(kind)%20%28v2%29-figurer/"), "\(kind)")
        }
        let overview = try String(contentsOfFile: folder.path("overview (v2).html"), encoding: .utf8)
        #expect(overview.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    // MARK: - Templates

    @Test func customTemplatesAndTheirErrors() throws {
        try sample()
        let template = folder.write(
            "mall.mustache",
            "{{{label}}}: {{{respondents}}} av {{{total}}}\n{{#byDistrict}}- {{{name}}} {{{n}}}\n{{/byDistrict}}\n{{> method}}")
        let out = folder.path("kort.md")
        #expect(
            try kartlagg(["report", "--db", db, "--theme", "bredband", "--out", out, "--template", template, "--date", "2025-06-01"]).status
                == 0)
        let report = try String(contentsOfFile: out, encoding: .utf8)
        #expect(report.hasPrefix("Bredband och mobiltäckning: "))
        #expect(report.contains("- Nätra "))
        #expect(report.contains("## Om underlaget och metoden"))
        let broken = folder.write("trasig.mustache", "Rad ett\nRad två {{#byDistrict}}\n{{name}}\n")
        let result = try kartlagg(["report", "--db", db, "--theme", "bredband", "--out", folder.path("inte.md"), "--template", broken])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: \(broken):"))
        #expect(result.stderr.contains("template error"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("inte.md")))
        let missing = try kartlagg(["report", "--db", db, "--theme", "bredband", "--out", out, "--template", "finns-inte.mustache"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: finns-inte.mustache: cannot be read as UTF-8 text\n")
        // A report that cannot be written says where, and leaves nothing half-written.
        let blocked = try kartlagg(["report", "--db", db, "--theme", "bredband", "--out", folder.path("k.sqlite/tema.md")])
        #expect(blocked.status == 1)
        #expect(blocked.stderr == "error: \(folder.path("k.sqlite/tema.md")): cannot be written\n")
        // A folder that does not exist is not made, and said before the report is computed.
        let nowhere = try kartlagg(["report", "--db", db, "--theme", "bredband", "--out", folder.path("saknas/tema.md")])
        #expect(nowhere.status == 1)
        #expect(nowhere.stderr == "error: \(folder.path("saknas/tema.md")): cannot be written\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path("saknas")))
        let unknown = try kartlagg(["report", "--db", db, "--theme", "fiske", "--out", out])
        #expect(unknown.stderr == "error: codebook \"bygdsam\" has no theme \"fiske\"\n")
        let themeless = try kartlagg(["report", "--db", db, "--kind", "overview", "--theme", "bredband", "--out", out])
        #expect(themeless.status == 64)
        // A codebook loaded again (a new revision of one in use) tags at once: no report meets it half applied.
        let edited = folder.write(
            "kodbok.yaml",
            try String(contentsOfFile: Paths.sample("kodbok.yaml"), encoding: .utf8).replacingOccurrences(
                of: "mötesplats]", with: "mötesplats, cowork*]"))
        let reloaded = try kartlagg(["codebook", "load", "--db", db, edited])
        #expect(reloaded.status == 0 && reloaded.stderr.contains("answers with revision 2, as the codebook is in use"))
        let applied = try kartlagg(["report", "--db", db, "--out", folder.path("ja.md"), "--date", "2025-06-01"])
        #expect(applied.status == 0 && applied.stderr.isEmpty)
        // A codebook never applied: the report says so, and warns.
        let fresh = folder.path("ny.sqlite")
        for step in [
            ["districts", "load", "--db", fresh, Paths.sample("districts.yaml")],
            ["survey", "add", "--db", fresh, Paths.sample("foretag-2025.survey.yaml")],
            ["import", "--db", fresh, "--survey", "foretag-2025", Paths.sample("foretag-2025.csv")],
            ["codebook", "load", "--db", fresh, edited],
        ] {
            #expect(try kartlagg(step).status == 0, "\(step)")
        }
        let unapplied = try kartlagg(["report", "--db", fresh, "--out", folder.path("ej.md"), "--date", "2025-06-01"])
        #expect(unapplied.status == 0)
        #expect(unapplied.stderr == "warning: codebook \"bygdsam\" revision 1 has not been applied: run `kartlagg tag` for its themes\n")
        #expect(try read("ej.md").contains("kodbokens senaste revision har inte körts mot svaren (`kartlagg tag`)"))
        // Without --kind: a theme report when themes are given, else the overview.
        #expect(try kartlagg(["report", "--db", db, "--out", folder.path("utan.md"), "--date", "2025-06-01"]).status == 0)
        #expect(try read("utan.md").hasPrefix("# Kartläggningen – översikt\n"))
        let badDate = try kartlagg(["report", "--db", db, "--out", out, "--date", "1 juni"])
        #expect(badDate.status == 64)
        #expect(badDate.stderr.contains("--date takes yyyy-mm-dd, not \"1 juni\""))
        // The built-in template, printed and passed back, gives the same report.
        for kind in ["overview", "district"] {
            let printed = try kartlagg(["report", "--kind", kind, "--lang", "en", "--print-template"])
            #expect(printed.status == 0)
            let copy = folder.write("\(kind).mustache", printed.stdout)
            let common = ["report", "--db", db, "--kind", kind, "--lang", "en", "--date", "2025-06-01", "--district", "BLT"]
            #expect(try kartlagg(common + ["--out", folder.path("a-\(kind).md")]).status == 0)
            #expect(try kartlagg(common + ["--out", folder.path("b-\(kind).md"), "--template", copy]).status == 0)
            #expect(
                try read("a-\(kind).md").replacingOccurrences(of: "a-\(kind)-figurer", with: "b-\(kind)-figurer")
                    == (try read("b-\(kind).md")))
        }
    }
}
