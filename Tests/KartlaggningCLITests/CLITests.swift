import Foundation
import TestSupport
import Testing

/// End-to-end: the built binary, its exit status, stdout and stderr.
@Suite(.serialized)
struct CLITests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("k.sqlite") }

    func kartlagg(_ arguments: String...) throws -> CLI.Result {
        try CLI.run(arguments, in: folder.url)
    }

    /// A database with the sample districts and the company survey.
    func prepared() throws {
        #expect(try kartlagg("districts", "load", "--db", db, Paths.sample("districts.yaml")).status == 0)
        #expect(try kartlagg("survey", "add", "--db", db, Paths.sample("foretag-2025.survey.yaml")).status == 0)
    }

    @Test func helpIsTheDocumentedOne() throws {
        let result = try kartlagg("--help")
        #expect(result.status == 0)
        let golden = Golden.expected("help.txt", target: "KartlaggningCLITests", actual: result.stdout)
        #expect(result.stdout == golden)
    }

    @Test func importHelpIsTheDocumentedOne() throws {
        let result = try kartlagg("import", "files", "--help")
        #expect(result.status == 0)
        #expect(result.stdout == Golden.expected("import-help.txt", target: "KartlaggningCLITests", actual: result.stdout))
        let group = try kartlagg("import", "--help")
        #expect(group.stdout.contains("kartlagg import undo N"))
        #expect(group.stdout.contains("files (default)"))
    }

    /// A correction lists what it changed; `imports` lists the imports and one import's changes; `import undo` takes
    /// it back, after which the correction imports again.
    @Test func reImportChangesAreListedAndUndone() throws {
        try prepared()
        let sample = Paths.sample("foretag-2025.csv")
        #expect(try kartlagg("import", "--db", db, "--survey", "foretag-2025", sample).status == 0)
        let text = try String(contentsOfFile: sample, encoding: .utf8)
        let fixed = folder.write(
            "rattelse.csv",
            text.replacingOccurrences(
                of: "F001;Bredbyns Såg AB;Anundsjö;Bredbyn;Karin L;2025-03-04;Jord och skog;14;2;",
                with: "F001;Bredbyns Såg AB;Nätra;Bjästa;Karin L;2025-03-04;Jord och skog;14;4;"))
        let correction = try kartlagg("import", "--db", db, "--survey", "foretag-2025", fixed)
        #expect(correction.status == 0)
        #expect(
            correction.stdout == """
                \(fixed): imported into foretag-2025 (csv, utf-8, delimiter ;): 25 rows: 0 added, 1 updated, 24 unchanged, 0 rejected
                  3 values changed in respondents seen before:
                    F001  district: Anundsjö → Nätra
                    F001  service_town: Bredbyn → Bjästa
                    F001  bredband_nojd: "2" → "4"
                  `kartlagg import undo 2` takes this import back

                """)
        let list = try kartlagg("imports", "--db", db)
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(
            lines.first == "import  survey        file              imported             rows  added  updated  unchanged  rejected  sha-256"
        )
        #expect(lines[2].hasPrefix("     2  foretag-2025  rattelse.csv      20"))
        let detail = try kartlagg("imports", "2", "--db", db, "--output-format", "json")
        let json = try JSONSerialization.jsonObject(with: Data(detail.stdout.utf8)) as? [String: Any]
        let sha = try #require((json?["batch"] as? [String: Any])?["sha256"] as? String)
        #expect(lines[2].hasSuffix("   25      0        1         24         0  " + String(sha.prefix(12))))
        #expect((json?["changes"] as? [[String: Any]])?.map { $0["field"] as? String } == ["district", "service_town", "bredband_nojd"])
        let undo = try kartlagg("import", "undo", "2", "--db", db)
        #expect(undo.status == 0)
        #expect(undo.stdout == "import 2 (rattelse.csv into foretag-2025) undone: 1 respondent it updated set back; 1 answer restored\n")
        #expect(try kartlagg("imports", "--db", db).stdout.split(separator: "\n").count == 2)
        let missing = try kartlagg("import", "undo", "2", "--db", db)
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: no import 2; `kartlagg imports` lists them\n")
        #expect(try kartlagg("import", "--db", db, "--survey", "foretag-2025", fixed).stdout.contains("1 updated"))
    }

    @Test func reportHelpIsTheDocumentedOne() throws {
        let result = try kartlagg("report", "--help")
        #expect(result.status == 0)
        #expect(result.stdout == Golden.expected("report-help.txt", target: "KartlaggningCLITests", actual: result.stdout))
    }

    @Test func initIsIdempotent() throws {
        let first = try kartlagg("init", "--db", db)
        let second = try kartlagg("init", "--db", db)
        #expect(first.status == 0 && second.status == 0)
        #expect(second.stdout == "\(db): ready (schema: 20 migrations applied)\n")
    }

    @Test func importThenReimport() throws {
        try prepared()
        let sample = Paths.sample("foretag-2025.csv")
        let first = try kartlagg("import", "--db", db, "--survey", "foretag-2025", sample)
        #expect(first.status == 0)
        #expect(
            first.stdout
                == "\(sample): imported into foretag-2025 (csv, utf-8, delimiter ;): 25 rows: 25 added, 0 updated, 0 unchanged, 0 rejected\n"
        )
        #expect(first.stderr == "")
        let second = try kartlagg("import", "--db", db, "--survey", "foretag-2025", sample)
        #expect(second.status == 0)
        #expect(second.stdout == "\(sample): already imported into foretag-2025; nothing to do\n")
        let status = try kartlagg("status", "--db", db, "--format", "json")
        let json = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        #expect(json?["respondents"] as? Int == 25)
        #expect(json?["answers"] as? Int == 174)
        #expect((json?["imports"] as? [Any])?.count == 1)
    }

    @Test func badRowFailsWithFileLineColumnAndChangesNothing() throws {
        try prepared()
        var text = try String(contentsOfFile: Paths.sample("foretag-2025.csv"), encoding: .utf8)
        text = text.replacingOccurrences(
            of: "F013;Husum Pizzeria;GRUNDSUNDA;Husum;Lena B;2025-03-18;Handel;4;4;",
            with: "F013;Husum Pizzeria;GRUNDSUNDA;Husum;Lena B;2025-03-18;Handel;4;7;")
        let path = folder.write("foretag.csv", text)
        let result = try kartlagg("import", "--db", db, "--survey", "foretag-2025", path)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("\(path):16: column \"Nöjd med bredband (1-5)\": 7 is outside the scale 1–5"), "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: \(path): 1 of 25 rows have errors; nothing from this file was written"))
        let status = try kartlagg("status", "--db", db, "--format", "json")
        #expect(status.stdout.contains("\"respondents\" : 0"))
    }

    @Test func skipInvalidWritesRejects() throws {
        try prepared()
        var text = try String(contentsOfFile: Paths.sample("foretag-2025.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: ";Handel;3;3;", with: ";Fiskodling;3;3;")
        let path = folder.write("foretag.csv", text)
        let rejects = folder.path("rejects.csv")
        let result = try kartlagg(
            "import", "--db", db, "--survey", "foretag-2025", path, "--skip-invalid", "--rejects", rejects,
            "--output-format", "json")
        #expect(result.status == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        // Two companies (Solbergs Lanthandel and Långviksmons Livs) match the edit.
        #expect(summary?.first?["added"] as? Int == 23)
        #expect(summary?.first?["rejected"] as? Int == 2)
        let errors = summary?.first?["errors"] as? [[String: Any]]
        #expect(errors?.first?["line"] as? Int == 4)
        #expect(errors?.first?["column"] as? String == "Bransch")
        let rejected = try String(contentsOfFile: rejects, encoding: .utf8).components(separatedBy: "\r\n")
        #expect(rejected.count == 4)
        #expect(rejected[1].hasPrefix("\(path),4,\"column \"\"Bransch\"\": \"\"Fiskodling\"\" is not one of the options"))
    }

    @Test func skipInvalidNeedsRejects() throws {
        let result = try kartlagg("import", "--db", db, "--survey", "x", "a.csv", "--skip-invalid")
        #expect(result.status == 64)
        #expect(result.stderr.contains("--skip-invalid needs --rejects FILE.csv"))
    }

    @Test func readersDoNotCreateADatabase() throws {
        let result = try kartlagg("status", "--db", db)
        #expect(result.status == 1)
        #expect(result.stderr == "error: \(db): no database here; create it with `kartlagg init --db \(db)`\n")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func unknownSurveyAndMissingFile() throws {
        try prepared()
        let unknown = try kartlagg("import", "--db", db, "--survey", "nope", Paths.sample("foretag-2025.csv"))
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "error: no survey \"nope\"; `kartlagg survey list` shows the surveys there are\n")
        let missing = try kartlagg("import", "--db", db, "--survey", "foretag-2025", "saknas.csv")
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: saknas.csv: no such file\n")
    }

    @Test func environmentNamesTheDatabase() throws {
        let result = try CLI.run(["init"], in: folder.url, environment: ["KARTLAGG_DB": db])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test func brokenSurveyDefinition() throws {
        let path = folder.write(
            "trasig.yaml", "id: x\ntitle: X\nrespondent: { id: Nr }\nquestions:\n  - { id: a, column: A, type: skala }\n")
        let result = try kartlagg("survey", "add", "--db", db, path)
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("error: \(path): questions[0].type: unknown value; a question's type is one of text, choice"),
            "\(result.stderr)")
    }

    @Test func inferAddImportOnAnUnseenExport() throws {
        try prepared()
        // A form tool's export the project has never seen: comma CSV with a preamble row and Swedish values.
        let export = folder.write(
            "webbform.csv",
            """
            Exporterad 2025-06-01 från Formulärverktyget
            Svar-ID,Område,Ålder,Hur nöjd är du med kollektivtrafiken? (1-5),Har du bredband?,Kommentar
            0012,Nätra,34,2,Ja,"Bussen går för sällan, särskilt på kvällen"
            0013,Bjästa,58,4,Nej,
            0014,BLT,41,1,Nej,"Ingen mobiltäckning; ingen fiber"

            """)
        // infer finds the header below the preamble and writes it into the draft: import needs no flag.
        let infer = try kartlagg("survey", "infer", "--db", db, export)
        #expect(infer.status == 0, "\(infer.stderr)")
        #expect(
            infer.stdout.hasPrefix(
                "# Draft survey definition inferred by `kartlagg survey infer` — csv, utf-8, delimiter ,, header on line 2.\n"))
        #expect(infer.stdout.contains("\nheader_row: 2\n"))
        #expect(infer.stdout.contains("# check: the header is on line 2"))
        let draft = folder.write("webbform.yaml", infer.stdout)
        #expect(try kartlagg("survey", "add", "--db", db, draft).stdout == "survey webbform: added (4 questions)\n")
        let imported = try kartlagg("import", "--db", db, "--survey", "webbform", export)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("3 rows: 3 added"))
        let exported = try kartlagg("export", "--db", db, "--survey", "webbform")
        #expect(exported.stdout.components(separatedBy: "\r\n")[1] == "0012,Nätra,34,2,Ja,\"Bussen går för sällan, särskilt på kvällen\"")
    }
}
