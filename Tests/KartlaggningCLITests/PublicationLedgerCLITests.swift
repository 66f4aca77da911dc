import Foundation
import TestSupport
import Testing

/// The publication ledger (#22.3, #22.4): reports and the workbench record what they show beside the database, every
/// output consults it, and `kartlagg audit` audits everything published from the data as it is.
@Suite(.serialized)
struct PublicationLedgerCLITests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("k.sqlite") }
    var ledger: String { db + ".publicerat" }

    func kartlagg(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments, in: folder.url)
    }

    func sample() throws {
        #expect(try CLI.prepareSample(db: db, in: folder.url) == [])
    }

    /// `crosstab --format json`'s table.
    func table(_ arguments: [String], db: String? = nil) throws -> [String: Any] {
        let result = try kartlagg(["crosstab", "--db", db ?? self.db, "--format", "json"] + arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(object?["table"] as? [String: Any])
    }

    /// The hidden cells as "row|col" (turned: "col|row", so both orientations compare).
    func hidden(_ table: [String: Any], turned: Bool = false) -> Set<String> {
        Set(
            ((table["cells"] as? [[String: Any]]) ?? []).filter { $0["suppressed"] as? Bool == true }.map {
                let (row, col) = ("\($0["row"] ?? "")", "\($0["col"] ?? "")")
                return turned ? "\(col)|\(row)" : "\(row)|\(col)"
            })
    }

    func shownCounts(_ table: [String: Any]) -> [String: Int] {
        var shown: [String: Int] = [:]
        for cell in (table["cells"] as? [[String: Any]]) ?? [] {
            if let n = cell["n"] as? Int { shown["\(cell["row"] ?? "")|\(cell["col"] ?? "")"] = n }
        }
        return shown
    }

    func audit() throws -> (status: Int32, json: [String: Any]) {
        let result = try kartlagg(["audit", "--db", db, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (result.status, try #require(object))
    }

    /// A report hides with --min-cell 5; a crosstab afterwards with the default 3 would show the cells of 3 and 4 —
    /// on a copy of the database without the ledger it does. With the ledger it hides every one of them, turned either
    /// way, and the audit over the report and the published crosstab finds nothing.
    @Test func aCrosstabAfterAReportKeepsWhatTheReportHid() throws {
        try sample()
        // The control: the same database without a ledger (a copy made before anything was published).
        let copy = folder.path("copy.sqlite")
        #expect(try kartlagg(["backup", "--db", db, copy]).status == 0)
        let report = try kartlagg(["report", "--db", db, "--kind", "overview", "--min-cell", "5", "--out", folder.path("o.md")])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(FileManager.default.fileExists(atPath: ledger))
        // What the report hid: its basis table, as the ledger-consulting crosstab with the report's rule makes it.
        let reported = hidden(try table(["--rows", "kind", "--cols", "district", "--min-cell", "5"]))
        let blind = try table(["--rows", "kind", "--cols", "district"], db: copy)
        let revealed = shownCounts(blind).filter { reported.contains($0.key) && $0.value > 0 }
        #expect(!revealed.isEmpty, "without the ledger a crosstab at --min-cell 3 shows cells the report hid")
        let after = try table(["--rows", "kind", "--cols", "district"])
        #expect(reported.isSubset(of: hidden(after)), "\(reported.subtracting(hidden(after)))")
        let turned = try table(["--rows", "district", "--cols", "kind", "--publish"])
        #expect(reported.isSubset(of: hidden(turned, turned: true)))
        // The themes: the report's theme × district table, and a view of one kind afterwards.
        let themes = hidden(try table(["--rows", "theme", "--cols", "district", "--min-cell", "5"]))
        let view = try table(["--rows", "theme", "--cols", "district", "--where", "kind=förening", "--publish"])
        let viewShown = Set(shownCounts(view).filter { $0.value > 0 }.keys)
        #expect(viewShown.isDisjoint(with: themes), "\(viewShown.intersection(themes))")
        let (status, json) = try audit()
        let result = try #require(json["audit"] as? [String: Any])
        #expect(status == 0, "\(result)")
        #expect((result["findings"] as? [Any])?.isEmpty == true)
        #expect((result["shownElsewhere"] as? [Any])?.isEmpty == true)
        #expect((result["tables"] as? Int ?? 0) >= 4)
        #expect((result["hiddenValues"] as? Int ?? 0) > 0)
        let outputs = ((json["ledger"] as? [String: Any])?["current"] as? [[String: Any]]) ?? []
        #expect(
            outputs.map { $0["output"] as? String ?? "" } == [
                "overview report o.md", "crosstab district × kind", "crosstab theme × district",
            ])
    }

    /// The three reports of a project, the workbench's kind views and crosstabs, audited together: nothing hidden can
    /// be narrowed below min-cell, nothing one output hid another shows. And `audit` says so in words.
    @Test func aProjectsReportsAreAuditedTogether() throws {
        try sample()
        for arguments in [
            ["--kind", "overview", "--out", "o.md"], ["--theme", "nararbetsplatser", "--theme", "bredband", "--out", "t.md"],
            ["--kind", "district", "--district", "Nätra", "--out", "n.md"], ["--kind", "district", "--district", "BLT", "--out", "b.md"],
        ] {
            let result = try kartlagg(["report", "--db", db] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        for kind in ["företag", "förening", "offentlig", "privatperson"] {
            _ = try table(["--rows", "theme", "--cols", "district", "--where", "kind=\(kind)", "--publish"])
            _ = try table(["--rows", "kind", "--cols", "district", "--where", "kind=\(kind)", "--publish"])
        }
        for district in ["Anundsjö", "Nätra", "Grundsunda", "BLT"] {
            _ = try table(["--rows", "theme", "--cols", "kind", "--where", "district=\(district)", "--publish"])
        }
        let (status, json) = try audit()
        let result = try #require(json["audit"] as? [String: Any])
        #expect(status == 0)
        #expect((result["findings"] as? [Any])?.isEmpty == true, "\(result["findings"] ?? "")")
        #expect((result["shownElsewhere"] as? [Any])?.isEmpty == true, "\(result["shownElsewhere"] ?? "")")
        #expect((result["inconsistent"] as? [Any])?.isEmpty == true, "\(result["inconsistent"] ?? "")")
        #expect((result["tables"] as? Int ?? 0) >= 8)
        let text = try kartlagg(["audit", "--db", db])
        #expect(text.status == 0)
        #expect(text.stdout.contains("ok: no hidden value can be narrowed below min-cell from everything published"))
        #expect(text.stdout.contains("overview report o.md"))
    }

    /// A selection whose own size is hidden shows nothing: the associations of Anundsjö are a cell kind × district
    /// hides, so a table of them alone (`--where kind=förening --where district=Anundsjö`) would print that cell as its
    /// N; it is withheld whole, in every format.
    @Test func aSelectionWhoseSizeIsHiddenIsWithheldWhole() throws {
        try sample()
        let kinds = try table(["--rows", "kind", "--cols", "district"])
        #expect(hidden(kinds).contains("förening|Anundsjö"))
        let selection = ["--where", "kind=förening", "--where", "district=Anundsjö"]
        let view = try table(["--rows", "theme", "--cols", "survey"] + selection)
        #expect(view["totalSuppressed"] as? Bool == true)
        #expect(((view["cells"] as? [[String: Any]]) ?? []).allSatisfy { ($0["n"] as? Int ?? 0) == 0 })
        #expect(((view["colTotals"] as? [[String: Any]]) ?? []).allSatisfy { ($0["n"] as? Int ?? 0) == 0 })
        let text = try kartlagg(["crosstab", "--db", db, "--rows", "theme", "--cols", "survey"] + selection)
        #expect(text.stdout.contains("the selection's own size is hidden"))
        #expect(text.stdout.split(separator: "\n").last { $0.hasPrefix("N ") }?.hasSuffix("··") == true)
        // A report of it is refused, saying why.
        let report = try kartlagg([
            "report", "--db", db, "--kind", "overview", "--out", "a.md", "--district", "Anundsjö", "--survey", "forening-2025",
        ])
        #expect(report.status == 1)
        #expect(report.stderr.contains("the selection has fewer than 3 respondents, or its size is hidden"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("a.md")))
    }

    /// What was published unprotected cannot be taken back: a table published at `--min-cell 0` makes every later
    /// output say so, and the audit fail, naming the counts.
    @Test func whatWasShownBeforeIsSaidNotHidden() throws {
        try sample()
        let open = try kartlagg(["crosstab", "--db", db, "--rows", "kind", "--cols", "district", "--min-cell", "0", "--publish"])
        #expect(open.status == 0)
        let later = try kartlagg(["crosstab", "--db", db, "--rows", "kind", "--cols", "district"])
        #expect(later.status == 0)
        #expect(later.stdout.contains("of the hidden values were shown by an earlier output of the same data"))
        #expect(later.stdout.contains("small counts can be narrowed below min-cell however this table hides (`kartlagg audit` lists them)"))
        _ = try kartlagg(["crosstab", "--db", db, "--rows", "kind", "--cols", "district", "--publish"])
        let audit = try kartlagg(["audit", "--db", db])
        #expect(audit.status == 1)
        #expect(audit.stdout.contains("SHOWN: district=Anundsjö, kind=privatperson is hidden in one table and shown in another"))
    }

    /// Reading commands leave the database byte-identical and make no ledger; `--fresh` keeps the old ledger beside
    /// the new one and the method box says so; a change to the data starts a new data version, whose audit holds
    /// none of the old outputs.
    @Test func theLedgerIsBesideTheDatabaseAndFreshKeepsTheOld() throws {
        try sample()
        let before = FileDigest.bytes(db)
        _ = try table(["--rows", "kind", "--cols", "district"])
        #expect(try kartlagg(["audit", "--db", db]).stdout.contains("nothing has been published"))
        #expect(!FileManager.default.fileExists(atPath: ledger))
        #expect(FileDigest.bytes(db) == before)
        #expect(try kartlagg(["report", "--db", db, "--kind", "overview", "--out", "o.md"]).status == 0)
        #expect(FileDigest.bytes(db) == before)
        let fresh = try kartlagg(["report", "--db", db, "--kind", "overview", "--fresh", "--out", "f.md"])
        #expect(fresh.status == 0, "\(fresh.stderr)")
        let box = try String(contentsOfFile: folder.path("f.md"), encoding: .utf8)
        #expect(box.contains("Liggaren startades om för denna rapport (`--fresh`): tidigare utdata räknas inte."))
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix("k.sqlite.publicerat.") }
        #expect(kept.count == 1)
        let audit = try kartlagg(["audit", "--db", db])
        #expect(audit.stdout.contains("1 output of the data as it is now"))
        #expect(audit.stdout.contains("with --fresh"))
        // The data changes: what was published is about other data.
        #expect(try kartlagg(["tag", "add", "--db", db, "--coder", "Cecilia", "--answer", "1", "--theme", "turism"]).status == 0)
        let changed = try kartlagg(["audit", "--db", db])
        #expect(changed.stdout.contains("0 outputs of the data as it is now, 0 tables (1 output of earlier data not audited)"))
        #expect(changed.stdout.contains("nothing has been published from the data as it is now"))
    }
}
