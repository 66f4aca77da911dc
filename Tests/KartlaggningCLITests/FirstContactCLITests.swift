import Foundation
import TestSupport
import Testing

/// The first-contact flow the README shows, on a spreadsheet export: infer → districts → add → import → export.
@Suite(.serialized)
struct FirstContactCLITests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("k.sqlite") }

    func kartlagg(_ arguments: String...) throws -> CLI.Result {
        try CLI.run(arguments, in: folder.url)
    }

    @Test func aWorkbookFromInferToExcelExport() throws {
        let workbook = folder.path("svar.xlsx")
        try SampleWorkbook.microsoftForms(at: workbook, rows: 24)
        #expect(try kartlagg("init", "--db", db).status == 0)
        let infer = try kartlagg("survey", "infer", "--db", db, workbook)
        #expect(infer.status == 0, "\(infer.stderr)")
        #expect(infer.stdout.contains("district: \"Var bor du?\""))
        #expect(infer.stdout.contains("kartlagg districts infer \(workbook) --column 'Var bor du?' > districts.yaml"))
        #expect(infer.stdout.contains("identifying: [\"E-post\", \"Namn\"]"))

        let districts = try kartlagg("districts", "infer", workbook, "--column", "Var bor du?")
        #expect(districts.status == 0, "\(districts.stderr)")
        #expect(
            districts.stdout.hasPrefix(
                "# District registry drafted by `kartlagg districts infer` from \"Var bor du?\" in \(workbook):\n# 6 names in 24 rows.\n"))
        #expect(districts.stdout.contains("  - name: \"Bjästa\"  # 4 rows\n"))
        let registry = folder.write("districts.yaml", districts.stdout)
        #expect(try kartlagg("districts", "load", "--db", db, registry).stdout == "districts: 6 loaded, 0 aliases, 0 service towns\n")

        let draft = folder.write("svar.yaml", infer.stdout)
        #expect(try kartlagg("survey", "add", "--db", db, draft).status == 0)
        let imported = try kartlagg("import", "--db", db, "--survey", "svar", workbook)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(
            imported.stdout
                == "\(workbook): imported into svar (xlsx, sheet Form1): 24 rows: 24 added, 0 updated, 0 unchanged, 0 rejected\n")

        // Swedish Excel's CSV: BOM, `;`, CRLF, decimal comma; an unanswered question says what --missing-as says.
        let excel = try kartlagg("export", "--db", db, "--survey", "svar", "--excel", "--missing-as", "NA")
        #expect(excel.status == 0, "\(excel.stderr)")
        let lines = excel.stdout.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("\u{FEFF}ID;Starttid;Sluttid;Var bor du?;"))
        #expect(!lines[0].contains("E-post"))
        // Respondent 3 wrote no comment (the last column); respondent 1 did.
        #expect(lines[3].hasSuffix(";NA"), "\(lines[3])")
        #expect(!lines[1].hasSuffix(";NA"), "\(lines[1])")
        #expect(lines.count == 26)
    }

    @Test func aSurveyIsRemovedOnlyWithForceOnceItHasAnswers() throws {
        let csv = folder.write("a.csv", "Nr;Betyg (1-5)\n1;4\n2;5\n")
        #expect(try kartlagg("init", "--db", db).status == 0)
        let infer = try kartlagg("survey", "infer", "--db", db, csv)
        let draft = folder.write("a.yaml", infer.stdout)
        #expect(try kartlagg("survey", "add", "--db", db, draft).status == 0)
        // No answers yet: goes at once.
        #expect(try kartlagg("survey", "remove", "--db", db, "a").stdout == "survey a: removed\n")
        #expect(try kartlagg("survey", "add", "--db", db, draft).status == 0)
        #expect(try kartlagg("import", "--db", db, "--survey", "a", csv).status == 0)
        let refused = try kartlagg("survey", "remove", "--db", db, "a")
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "error: survey \"a\": it has 2 respondents and 2 answers; --force removes them all, after writing a copy of the database beside it\n"
        )
        let forced = try kartlagg("survey", "remove", "--db", db, "a", "--force")
        #expect(
            forced.stdout
                == "survey a: removed with 2 respondents, 2 answers and 0 coder tags; the database before is in \(db).removed-a-1\n")
        #expect(FileManager.default.fileExists(atPath: "\(db).removed-a-1"))
        // The copy holds the survey and its answers; the database no longer does.
        let copy = try kartlagg("survey", "list", "--db", "\(db).removed-a-1", "--format", "json")
        #expect(copy.stdout.contains("\"id\" : \"a\""), "\(copy.stdout)\(copy.stderr)")
        #expect(copy.stdout.contains("\"respondents\" : 2"), "\(copy.stdout)")
        let now = try kartlagg("survey", "list", "--db", db, "--format", "json")
        #expect(!now.stdout.contains("\"a\""), "\(now.stdout)")
    }

    /// A three-row header and a footer, found by infer and kept in the definition: import needs no flag, and says
    /// what it skipped.
    @Test func shapeFoundOnceAndKept() throws {
        let csv = folder.write(
            "scb.csv",
            "Befolkning 2024\n\nOmråde;Antal;Andel\nNätra;1200;0,3\nBLT;..;0,2\nAnundsjö;900;.\n\nKälla: SCB, befolkningsstatistik\n")
        #expect(try kartlagg("init", "--db", db).status == 0)
        #expect(try kartlagg("districts", "load", "--db", db, Paths.sample("districts.yaml")).status == 0)
        let infer = try kartlagg("survey", "infer", "--db", db, csv)
        #expect(infer.stdout.contains("\nheader_row: 3\n"))
        #expect(infer.stdout.contains("\nmissing: [\"..\", \".\"]\n") || infer.stdout.contains("\nmissing: [\".\", \"..\"]\n"))
        let draft = folder.write("scb.yaml", infer.stdout)
        #expect(try kartlagg("survey", "add", "--db", db, draft).status == 0)
        let imported = try kartlagg("import", "--db", db, "--survey", "scb", csv)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.contains("3 rows: 3 added"))
        #expect(
            imported.stdout.contains(
                "the data ends before line 8: 1 line of prose after it (a footer: \"Källa: SCB, befolkningsstatistik\") was skipped"))
    }
}
