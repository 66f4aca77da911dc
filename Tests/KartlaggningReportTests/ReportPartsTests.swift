import Foundation
import KartlaggningAnalysis
import Testing

@testable import KartlaggningReport

/// The parts every report is built from: number formats, escaping, charts, the HTML page, the method box.
struct ReportPartsTests {
    @Test(arguments: [
        (ReportLanguage.sv, 1_234_567, "1\u{00A0}234\u{00A0}567"), (.en, 1_234_567, "1,234,567"), (.sv, 999, "999"),
        (.sv, -1200, "−1\u{00A0}200"),
    ])
    func integers(language: ReportLanguage, value: Int, expected: String) {
        #expect(language.integer(value) == expected)
    }

    @Test func decimalsPercentagesPointsAndPValues() {
        #expect(ReportLanguage.sv.percent(26.666) == "26,7\u{00A0}%")
        #expect(ReportLanguage.en.percent(26.666) == "26.7%")
        #expect(ReportLanguage.sv.points(4.24) == "+4,2")
        #expect(ReportLanguage.sv.points(-4.26) == "−4,3")
        #expect(ReportLanguage.sv.points(-0.01) == "0,0")
        #expect(ReportLanguage.sv.pValue(0.0401) == "0,040")
        #expect(ReportLanguage.sv.pValue(0.0004) == "<\u{00A0}0,001")
        #expect(ReportLanguage.en.decimal(3.25, digits: 2) == "3.25")
    }

    @Test(arguments: [
        ("a | b", "a \\| b"), ("*viktigt* och _så_", "\\*viktigt\\* och \\_så\\_"), ("<script>", "&lt;script&gt;"), ("AT&T", "AT&amp;T"),
        ("[telefon] och [e-post]", "\\[telefon] och \\[e-post]"), ("[klicka](http://x)", "\\[klicka]\\(http://x)"),
        ("rad ett\nrad två", "rad ett rad två"), ("2025.1", "2025.1"),
        ("[a][b] och [c]: javascript:x", "\\[a]\\[b] och \\[c]\\: javascript:x"),
    ])
    func inlineEscaping(text: String, expected: String) {
        #expect(Markdown.inline(text) == expected)
    }

    /// Found by `make fuzz` (FuzzEscaping): Ink loops forever, eating memory, on `\\<p` without a closing `>`, and
    /// backtracks for minutes over runs of `[`; angle brackets are entities now and every `[` is escaped, and such
    /// texts render at once as text.
    @Test(
        .timeLimit(.minutes(1)),
        arguments: [
            "<p", "<pt Hlertsript<>alert", "x <pt", "<p\u{0}\u{0}Hlert<>a](javascript:x) *b*",
            "<s:c\u{1}* `<scri[[[[[[<scri[[[[[[[E`\u{0}`[i\u{0}<=scri[[[[[[[E[i\u{0}\u{0}s",
        ])
    func textThatLooksLikeAnOpenTagRendersAsText(text: String) {
        let html = HTMLPage.render(
            markdown: "# " + Markdown.inline(text) + "\n\n" + Markdown.inline(text, startsLine: true) + "\n",
            title: text, language: .sv, figures: [:])
        #expect(html.contains("&lt;"))
        #expect(!(html.components(separatedBy: "<main>").last ?? "").contains("<p\n"))
    }

    @Test func altTextAndLinkTargetsCannotEndTheirImage() {
        #expect(Markdown.altText("Å ] [x](y)") == "Å \\] \\[x\\](y)")
        #expect(Markdown.linkTarget("min rapport (v2)-figurer/teman.svg") == "min%20rapport%20%28v2%29-figurer/teman.svg")
        #expect(Markdown.linkTarget("Nätra\"onerror=x") == "N%C3%A4tra%22onerror%3Dx")
    }

    @Test func cellsEscapeMarkupAndKeepTheirLines() {
        #expect(Markdown.cell("Väg | bro *viktigt*\nrad två") == "Väg \\| bro \\*viktigt\\*<br>rad två")
        #expect(
            Markdown.table(["a", "b"], [["x|y", "1"], ["N", "2"]], numeric: [1], strong: [1])
                == "| a | b |\n|---|---:|\n| x\\|y | 1 |\n| **N** | 2 |\n")
    }

    @Test(arguments: [("# Rubrik", "\\# Rubrik"), ("- punkt", "\\- punkt"), ("3. Tre", "3\\. Tre"), ("2025 var bra", "2025 var bra")])
    func lineStartsThatWouldBecomeBlocks(text: String, expected: String) {
        #expect(Markdown.inline(text, startsLine: true) == expected)
    }

    @Test func htmlPageInlinesChartsAndKeepsEscapedCells() {
        let markdown = """
            # Titel

            | Svar | Antal |
            |---|---:|
            | ja \\| nej | 3 |

            ![Diagram](r-figurer/a.svg)

            > \\<b\\>inte fet\\</b\\>
            """
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><title id=\"a-title\">A</title></svg>\n"
        let html = HTMLPage.render(markdown: markdown, title: "Titel & <mer>", language: .sv, figures: ["r-figurer/a.svg": svg])
        #expect(html.contains("<html lang=\"sv\">"))
        #expect(html.contains("<title>Titel &amp; &lt;mer&gt;</title>"))
        #expect(html.contains("<td>ja | nej</td><td align=\"right\">3</td>"))
        #expect(
            html.contains(
                "<figure><svg xmlns=\"http://www.w3.org/2000/svg\"><title id=\"a-title\">A</title></svg><figcaption>Diagram</figcaption></figure>"
            ))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
    }

    @Test func barChartWritesEveryValueAsTextAndHidesNoBarForSuppressed() {
        let svg = BarChart.svg(
            title: "T", description: "D",
            bars: [.init(label: "Nätra", percent: 50, text: "50 %", reference: 25), .init(label: "BLT", percent: nil, text: "··")], id: "x")
        #expect(svg.contains("aria-labelledby=\"x-title x-desc\""))
        #expect(svg.contains("<title>Nätra: 50 %</title>"))
        #expect(svg.components(separatedBy: "fill=\"#2f6f8f\"").count == 2)  // one bar: BLT's is hidden
        #expect(svg.contains(">··</text>"))
        #expect(svg.contains("fill=\"#c0392b\""))  // the reference mark
    }

    @Test func heatmapShadesByShareAndGreysHiddenCells() {
        #expect(Heatmap.blend(0) == "#ffffff")
        #expect(Heatmap.blend(1) == "#2f6f8f")
        let svg = Heatmap.svg(
            title: "T", description: "D", rows: ["Tema"], columns: ["A", "B"],
            cells: [[.init(percent: 40, text: "40 %"), .init(percent: nil, text: "··")]])
        #expect(svg.contains("fill=\"#2f6f8f\"><title>Tema, A: 40 %</title>"))
        #expect(svg.contains("fill=\"#eeeeee\"><title>Tema, B: ··</title>"))
    }

    @Test func methodBoxNamesCodersByLetterOnly() throws {
        let note = MethodNote(
            codebook: "bygdsam", version: "1", revision: 2, themes: 16, freeTextAnswers: 154, autoTaggedAnswers: 104,
            coders: [.init(name: "Anna", answers: 25), .init(name: "Bertil", answers: 20)],
            agreements: [.init(coderA: "auto", coderB: "Anna", answers: 25, kappa: 0.8138, percentAgreement: 0.965)], minCell: 3,
            selection: ["område = Nätra"])
        let text = try ReportTemplate.render(
            MethodOnly(method: MethodBox.context(note, language: .sv)), kind: .theme, language: .sv, template: "{{> method}}")
        #expect(text.contains("kodare A (25 svar), kodare B (20 svar)"))
        #expect(text.contains("| automatisk – kodare A | 0,81 | 96,5\u{00A0}% | 25 |"))
        #expect(text.contains("- **Urval:** område = Nätra."))
        #expect(!text.contains("Anna") && !text.contains("Bertil"))
        #expect(MethodBox.letter(0) == "A" && MethodBox.letter(25) == "Z" && MethodBox.letter(26) == "AA")
    }

    @Test func brokenTemplatesNameTheirLine() {
        #expect(throws: ReportTemplateError.self) {
            try ReportTemplate.render(NoVariables(), kind: .overview, language: .sv, template: "ok\n{{#rows}}\n", file: "mall.mustache")
        }
        do {
            _ = try ReportTemplate.render(
                NoVariables(), kind: .overview, language: .sv, template: "ok\nok\n{{/rows}}\n", file: "mall.mustache")
        } catch let error as ReportTemplateError {
            #expect(error.file == "mall.mustache")
            #expect(error.line == 3)
            #expect(error.errorDescription?.hasPrefix("mall.mustache:3: template error") == true)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: ReportKind.allCases)
    func builtInTemplatesParseInBothLanguages(kind: ReportKind) throws {
        for language in ReportLanguage.allCases {
            _ = try ReportTemplate.render(NoVariables(), kind: kind, language: language)
        }
    }
}

/// A context with only the method box, to render the partial alone.
private struct MethodOnly: ReportContext {
    var method: MethodBox.Context
}

/// A context without variables, for templates that fail before they use any.
private struct NoVariables: ReportContext {}

/// A turned grid cut into parts a page wide: every row in each part, the columns in order, none lost.
struct ReportGridPagingTests {
    @Test func sixteenColumnsMakeThreePartsWithEveryRow() {
        let columns = (1...16).map { "t\($0)" }
        var grid = ReportGrid(
            columns: columns, rows: ["Bjästa", "Husum"].map { area in .init(name: area, cells: columns.map { "\(area) \($0)" }) })
        grid.corner = "Område"
        let paged = grid.paged(maxColumns: 6)
        #expect(paged.parts.map(\.columns.count) == [6, 6, 4])
        #expect(paged.parts.flatMap(\.columns) == columns)
        #expect(paged.parts.map(\.separated) == [false, true, true])
        #expect(paged.parts.allSatisfy { $0.corner == "Område" && $0.rows.map(\.name) == ["Bjästa", "Husum"] })
        #expect(paged.parts[2].rows[1].cells == ["Husum t13", "Husum t14", "Husum t15", "Husum t16"])
        // A narrow grid is one part, itself.
        #expect(grid.paged(maxColumns: 20).parts.map(\.columns) == [columns])
        // The built-in partial writes each part as its own table, a blank line between them.
        let rendered = try? ReportTemplate.render(
            GridOnly(themes: paged), kind: .overview, language: .sv, template: "{{#themes.parts}}{{> grid}}{{/themes.parts}}")
        #expect(rendered?.components(separatedBy: "| Område |").count == 4)
        #expect(rendered?.contains("| Husum t12 |\n\n| Område | t13 |") == true)
    }
}

private struct GridOnly: ReportContext {
    var themes: ReportGrid
}
