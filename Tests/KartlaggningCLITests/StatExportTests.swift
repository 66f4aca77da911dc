import Foundation
import TestSupport
import Testing

/// `export --format sav|dta` read back by pyreadstat (#24): the SPSS sample imported, written out, and read again
/// with the labels and values it came with. Skipped with a message where pyreadstat is absent (`make test` installs it).
@Suite(.serialized, .tags(.slow), .skippedWhenFast)
struct StatExportTests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("k.sqlite") }

    func kartlagg(_ arguments: [String]) throws -> CLI.Result { try CLI.run(arguments, in: folder.url) }

    /// pyreadstat's reading of `path`: variable labels, value labels, measure levels and every cell as text.
    func pyreadstat(_ path: String) throws -> [String: Any]? {
        let script = """
            import json, sys, datetime, pyreadstat
            path = sys.argv[1]
            read = pyreadstat.read_dta if path.endswith(".dta") else pyreadstat.read_sav
            frame, meta = read(path)
            def cell(v):
                if v is None or (isinstance(v, float) and v != v): return ""
                if isinstance(v, (datetime.date, datetime.datetime)): return v.isoformat()[:10]
                if isinstance(v, float) and v == int(v): return str(int(v))
                return str(v)
            print(json.dumps({"labels": meta.column_names_to_labels,
                "values": {k: {cell(c): l for c, l in v.items()} for k, v in meta.variable_value_labels.items()},
                "measure": getattr(meta, "variable_measure", {}),
                "rows": [{k: cell(v) for k, v in r.items()} for r in frame.to_dict("records")]}, ensure_ascii=False))
            """
        let python = try ExternalTool.run("python3", ["-c", script, path])
        guard python.succeeded else { return nil }
        return try JSONSerialization.jsonObject(with: python.stdout) as? [String: Any]
    }

    @Test func theSampleRoundTripsThroughPyreadstat() throws {
        let sample = Paths.sample("boende-spss-2025.sav")
        guard let original = try pyreadstat(sample) else {
            print("skipped: pyreadstat is not installed (`pip install pyreadstat pandas`; make test does)")
            return
        }
        for step in [
            ["districts", "load", "--db", db, Paths.sample("districts.yaml")],
            ["survey", "add", "--db", db, Paths.sample("boende-spss-2025.survey.yaml")],
            ["import", "--db", db, "--survey", "boende-spss-2025", sample],
            ["codebook", "load", "--db", db, Paths.sample("kodbok.yaml")], ["tag", "--db", db],
        ] {
            let result = try kartlagg(step)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        // Without --output a binary format is refused, and nothing is written to the terminal.
        let refused = try kartlagg(["export", "--db", db, "--survey", "boende-spss-2025", "--format", "sav"])
        #expect(refused.status != 0 && refused.stderr.contains("--output") && refused.stdout.isEmpty)
        let crosstab = try kartlagg([
            "crosstab", "--db", db, "--rows", "theme", "--cols", "kind", "--where", "survey=boende-spss-2025", "--format", "json",
            "--min-cell", "0",
        ])
        let table = try #require(
            (try JSONSerialization.jsonObject(with: Data(crosstab.stdout.utf8)) as? [String: Any])?["table"] as? [String: Any])
        let totals = try #require(table["rowTotals"] as? [[String: Any]])
        let themeCounts = Dictionary(
            uniqueKeysWithValues: totals.compactMap { t in (t["value"] as? String).map { ($0, t["n"] as? Int ?? -1) } })
        #expect(themeCounts.count == 16 && (themeCounts["skola"] ?? 0) > 0)
        let originalLabels = try #require(original["labels"] as? [String: String])
        let originalValues = try #require(original["values"] as? [String: [String: String]])
        let originalRows = try #require(original["rows"] as? [[String: String]])
        for format in ["sav", "dta"] {
            let out = folder.path("ut.\(format)")
            let result = try kartlagg(["export", "--db", db, "--survey", "boende-spss-2025", "--format", format, "--output", out])
            #expect(result.status == 0, "\(result.stderr)")
            let back = try #require(try pyreadstat(out), "pyreadstat could not read \(out)")
            let labels = try #require(back["labels"] as? [String: String?])
            let values = try #require(back["values"] as? [String: [String: String]])
            let rows = try #require(back["rows"] as? [[String: String]])
            #expect(rows.count == originalRows.count)
            // The questions under their own names, labelled with their texts (a scale's text names its labelled
            // ends; Stata keeps 80 characters of a label).
            for name in ["kon", "alder", "narbet", "behov"] {
                #expect(labels[name] == originalLabels[name], "\(format) \(name)")
            }
            #expect((labels["trivsel"] ?? nil)?.hasPrefix(originalLabels["trivsel"] ?? "-") == true)
            // Value labels on the file's own codes; the user-missing "Vet ej" (9) is no answer, and not written.
            #expect(values["kon"] == originalValues["kon"], "\(format)")
            var narbet = originalValues["narbet"] ?? [:]
            narbet["9"] = nil
            #expect(values["narbet"] == narbet, "\(format)")
            // Every cell as it was, a user-missing 9 read as no answer (system-missing).
            for (row, was) in zip(rows, originalRows) {
                #expect(row["respondent"] == was["respid"])
                #expect(row["date"] == was["datum"])
                for name in ["kon", "alder", "framtid", "behov"] { #expect(row[name] == was[name], "\(format) \(name)") }
                for name in ["trivsel", "narbet"] { #expect(row[name] == (was[name] == "9" ? "" : was[name]), "\(format) \(name)") }
            }
            // The themes, one 0/1 variable each, labelled: as many respondents raised each as crosstab counts.
            for (theme, n) in themeCounts {
                let raised = rows.filter { $0["t_" + theme] == "1" }.count
                #expect(raised == n, "\(format) \(theme)")
            }
            #expect(labels["t_nararbetsplatser"] == "Närarbetsplatser" && values["t_bredband"] == ["0": "Tog inte upp", "1": "Tog upp"])
            if format == "sav" {
                let measure = try #require(back["measure"] as? [String: String])
                #expect(measure["kon"] == "nominal" && measure["trivsel"] == "ordinal" && measure["alder"] == "scale")
            }
        }
        // --values labels: the options as text.
        let text = folder.path("text.sav")
        #expect(
            try kartlagg(["export", "--db", db, "--survey", "boende-spss-2025", "--format", "sav", "--values", "labels", "--output", text])
                .status == 0)
        let labelled = try #require(try pyreadstat(text))
        let firstKon = (labelled["rows"] as? [[String: String]])?.first?["kon"]
        #expect(firstKon == originalValues["kon"]?[originalRows.first?["kon"] ?? ""])
    }
}

extension StatExportTests {
    /// `crosstab --format sav`: the protected table, one case per cell; a cell crosstab hides is system-missing there.
    @Test func aProtectedTableAsAnSPSSFile() throws {
        #expect(try CLI.prepareSample(db: db, in: folder.url) == [])
        let out = folder.path("tabell.sav")
        let base = ["crosstab", "--db", db, "--rows", "theme", "--cols", "district"]
        #expect(try kartlagg(base + ["--format", "sav"]).stderr.contains("--output"))
        let written = try kartlagg(base + ["--format", "sav", "--output", out])
        #expect(written.status == 0, "\(written.stderr)")
        guard let back = try pyreadstat(out) else {
            print("skipped: pyreadstat is not installed (`pip install pyreadstat pandas`; make test does)")
            return
        }
        let json = try kartlagg(base + ["--format", "json"])
        let table = try #require(
            (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["table"] as? [String: Any])
        let cells = try #require(table["cells"] as? [[String: Any]])
        let rows = try #require(back["rows"] as? [[String: String]])
        var hidden = 0
        for cell in cells {
            let (row, col) = (cell["row"] as? String ?? "", cell["col"] as? String ?? "")
            let written = try #require(rows.first { $0["rad"] == row && $0["kolumn"] == col }, "\(row) × \(col)")
            if cell["suppressed"] as? Bool == true {
                hidden += 1
                #expect(written["n"] == "" && written["procent"] == "", "\(row) × \(col) is hidden, not \(written)")
            } else {
                #expect(written["n"] == (cell["n"] as? Int).map(String.init), "\(row) × \(col)")
            }
        }
        #expect(
            hidden > 0
                && rows.count == cells.count + (table["rowValues"] as? [Any] ?? []).count + (table["colValues"] as? [Any] ?? []).count + 1)
    }
}
