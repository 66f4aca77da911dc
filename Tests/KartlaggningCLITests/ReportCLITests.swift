import Foundation
import Testing
import TestSupport

/// `kartlagg report --kind theme` over the sample project.
@Suite(.serialized)
struct ReportCLITests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("k.sqlite") }

    func kartlagg(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments, in: folder.url)
    }

    func sample() throws {
        #expect(try CLI.prepareSample(db: db, in: folder.url) == [])
    }

    @Test func themeReportMatchesItsGoldenFileAndIsDeterministic() throws {
        try sample()
        let out = folder.path("tema.md")
        let result = try kartlagg(["report", "--db", db, "--theme", "nararbetsplatser", "--out", out, "--date", "2025-06-01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(out): theme report on nararbetsplatser (8 quotes)\n")
        let report = try String(contentsOfFile: out, encoding: .utf8)
        #expect(report == Golden.expected("report-theme-nararbetsplatser.md", target: "KartlaggningCLITests", actual: report))
        #expect(try kartlagg(["report", "--db", db, "--theme", "nararbetsplatser", "--out", out, "--date", "2025-06-01"]).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == report)
        // Numbers match crosstab's for the same table: BLT 4 of 15 (26.7 %).
        let crosstab = try kartlagg(["crosstab", "--db", db, "--rows", "theme", "--cols", "district"])
        #expect(crosstab.stdout.contains("4 (26.7 %)"))
        #expect(report.contains("| BLT | 4 | 26,7\u{00A0}% | 15 |"))
        #expect(!report.contains("Karin L"))
        // The chart beside it, linked from it, with its values as text.
        #expect(report.contains("![Närarbetsplatser: andel respondenter per område](tema-figurer/omraden.svg)"))
        let chart = try String(contentsOfFile: folder.path("tema-figurer/omraden.svg"), encoding: .utf8)
        #expect(chart == Golden.expected("report-theme-nararbetsplatser-omraden.svg", target: "KartlaggningCLITests", actual: chart))
        #expect(chart.contains("<desc id=\"desc\">Anundsjö: ··;"))
    }

    @Test func customTemplatesAndTheirErrors() throws {
        try sample()
        let template = folder.write(
            "mall.mustache", "{{{label}}}: {{{respondents}}} av {{{total}}}\n{{#byDistrict}}- {{{name}}} {{{n}}}\n{{/byDistrict}}")
        let out = folder.path("kort.md")
        #expect(
            try kartlagg(["report", "--db", db, "--theme", "bredband", "--out", out, "--template", template, "--date", "2025-06-01"]).status
                == 0)
        let report = try String(contentsOfFile: out, encoding: .utf8)
        #expect(report.hasPrefix("Bredband och mobiltäckning: "))
        #expect(report.contains("- Nätra "))
        let broken = folder.write("trasig.mustache", "Rad ett\nRad två {{#byDistrict}}\n{{name}}\n")
        let result = try kartlagg(["report", "--db", db, "--theme", "bredband", "--out", out, "--template", broken])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: \(broken):"))
        #expect(result.stderr.contains("template error"))
        let unknown = try kartlagg(["report", "--db", db, "--theme", "fiske", "--out", out])
        #expect(unknown.stderr == "error: codebook \"bygdsam\" has no theme \"fiske\"\n")
        let kind = try kartlagg(["report", "--db", db, "--kind", "overview", "--theme", "bredband", "--out", out])
        #expect(kind.status == 64)
    }
}
