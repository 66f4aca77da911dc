import Foundation
import TestSupport
import Testing

/// `kartlagg crosstab` over the sample project, each output format against its golden file.
@Suite(.serialized)
struct CrosstabCLITests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("k.sqlite") }

    func kartlagg(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments, in: folder.url)
    }

    func sample() throws {
        #expect(try CLI.prepareSample(db: db, in: folder.url) == [])
    }

    static let cases: [(name: String, arguments: [String])] = [
        ("theme-district.txt", ["--rows", "theme", "--cols", "district", "--stats"]),
        ("theme-district.md", ["--rows", "theme", "--cols", "district", "--format", "markdown"]),
        ("theme-kind.csv", ["--rows", "theme", "--cols", "kind", "--format", "csv"]),
        ("bredband-district.json", ["--rows", "bredband_nojd", "--cols", "district", "--stats", "--format", "json"]),
        ("sector-district.txt", ["--rows", "sector", "--cols", "district", "--percent", "row", "--stats", "--min-cell", "0"]),
        (
            "behov-bransch.txt",
            ["--rows", "behov", "--cols", "samverkar_foreningar", "--where", "district=Nätra", "--where", "district=BLT"]
        ),
        ("anstallda-bins.txt", ["--rows", "anstallda", "--cols", "district", "--bins", "0,5,20", "--min-cell", "0"]),
        ("mentions-theme-survey.txt", ["--rows", "theme", "--cols", "survey", "--count", "mentions", "--percent", "none"]),
    ]

    /// A filtered view is a sub-table of the unfiltered one (#22.7): where theme × district hides a district's cell, the
    /// view of that district hides the theme's total; where kind × district hides a kind's cell, the view of that kind
    /// hides the district's N. The issue's `--where district=Nätra` showing kollektivtrafik = 8 (the hidden cell) is gone.
    @Test func filteredViewsHideWhatTheUnfilteredTableHides() throws {
        try sample()
        func json(_ arguments: [String]) throws -> [String: Any] {
            let result = try kartlagg(["crosstab", "--db", db, "--format", "json"] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return try #require(object?["table"] as? [String: Any])
        }
        func hiddenCells(_ table: [String: Any]) -> Set<String> {
            Set(
                ((table["cells"] as? [[String: Any]]) ?? []).filter { $0["suppressed"] as? Bool == true }.map {
                    "\($0["row"] ?? "")|\($0["col"] ?? "")"
                })
        }
        func hiddenTotals(_ table: [String: Any], _ key: String) -> Set<String> {
            Set(((table[key] as? [[String: Any]]) ?? []).filter { $0["suppressed"] as? Bool == true }.compactMap { $0["value"] as? String })
        }
        let themes = try json(["--rows", "theme", "--cols", "district"])
        let kinds = try json(["--rows", "kind", "--cols", "district"])
        var checked = 0
        for district in ["Anundsjö", "Nätra", "Grundsunda", "BLT"] {
            let view = try json(["--rows", "theme", "--cols", "kind", "--where", "district=\(district)"])
            let totals = ((view["rowTotals"] as? [[String: Any]]) ?? []).filter { ($0["n"] as? Int ?? 1) != 0 }
            for total in totals {
                let theme = total["value"] as? String ?? ""
                if hiddenCells(themes).contains("\(theme)|\(district)") {
                    #expect(total["suppressed"] as? Bool == true, "\(theme) in \(district)")
                    checked += 1
                }
            }
        }
        for kind in ["företag", "förening", "privatperson"] {
            let view = try json(["--rows", "theme", "--cols", "district", "--where", "kind=\(kind)"])
            // A cell the unfiltered table hides is hidden in the view too: shown there it would bound the hidden one.
            let shownInView = Set(
                ((view["cells"] as? [[String: Any]]) ?? []).filter {
                    $0["suppressed"] as? Bool != true && ($0["n"] as? Int ?? 0) > 0
                }.map { "\($0["row"] ?? "")|\($0["col"] ?? "")" })
            #expect(shownInView.isDisjoint(with: hiddenCells(themes)), "\(kind): \(shownInView.intersection(hiddenCells(themes)))")
            #expect(view["notes"].map { "\($0)" }?.contains("can be narrowed") != true)
            for district in ["Anundsjö", "Nätra", "Grundsunda", "BLT"] where hiddenCells(kinds).contains("\(kind)|\(district)") {
                #expect(hiddenTotals(view, "colTotals").contains(district), "\(kind) in \(district)")
                checked += 1
            }
        }
        #expect(checked >= 10)
        let natra = try json(["--rows", "theme", "--cols", "kind", "--where", "district=Nätra"])
        #expect(hiddenTotals(natra, "rowTotals").contains("kollektivtrafik"))
    }

    @Test func formatsMatchTheirGoldenFiles() throws {
        try sample()
        for entry in Self.cases {
            let result = try kartlagg(["crosstab", "--db", db] + entry.arguments)
            #expect(result.status == 0, "\(entry.name): \(result.stderr)")
            let golden = Golden.expected("crosstab-" + entry.name, target: "KartlaggningCLITests", actual: result.stdout)
            #expect(result.stdout == golden, "\(entry.name)")
        }
    }

    @Test func jsonMarksSuppressedCellsAndOmitsTheirValues() throws {
        try sample()
        let result = try kartlagg(["crosstab", "--db", db, "--rows", "theme", "--cols", "district", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let table = try #require(json?["table"] as? [String: Any])
        #expect(table["rows"] as? String == "theme")
        #expect(table["unit"] as? String == "respondents")
        let cells = try #require(table["cells"] as? [[String: Any]])
        let suppressed = cells.filter { $0["suppressed"] as? Bool == true }
        #expect(!suppressed.isEmpty)
        #expect(suppressed.allSatisfy { $0["n"] == nil && $0["percent"] == nil })
        // No shown cell identifies fewer than 3 respondents.
        #expect(cells.allSatisfy { cell in (cell["n"] as? Int).map { $0 == 0 || $0 >= 3 } ?? true })
    }

    @Test func percentagesMatchAnIndependentCount() throws {
        try sample()
        // Counted by hand in foretag-2025.csv: Anundsjö F001–F005 and F021 ("anundsjö"); Nätra F006–F010 (F010 writes
        // "Nätraområdet"), F022, F023; Grundsunda F011–F015 (F013 "GRUNDSUNDA"), F024; BLT F016–F020 (F018 writes
        // "Björna-Långviksmon-Trehörningsjö"), F025.
        let result = try kartlagg(["crosstab", "--db", db, "--rows", "kind", "--cols", "district", "--min-cell", "0", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let cells = try #require((json?["table"] as? [String: Any])?["cells"] as? [[String: Any]])
        func n(_ row: String, _ col: String) -> Int? {
            cells.first { $0["row"] as? String == row && $0["col"] as? String == col }?["n"] as? Int
        }
        let companies = ["Anundsjö", "Nätra", "Grundsunda", "BLT"].map { n("företag", $0) ?? -1 }
        #expect(companies.reduce(0, +) == 25)
        #expect(companies == [6, 7, 6, 6])
    }

    @Test func errorsAreExplained() throws {
        try sample()
        let text = try kartlagg(["crosstab", "--db", db, "--rows", "ideer", "--cols", "district"])
        #expect(text.status == 1)
        #expect(text.stderr.contains("\"ideer\" is a text question"))
        let bins = try kartlagg(["crosstab", "--db", db, "--rows", "anstallda", "--cols", "district"])
        #expect(bins.stderr.contains("give --bins"))
        let count = try kartlagg(["crosstab", "--db", db, "--rows", "kind", "--cols", "district", "--count", "answers"])
        #expect(count.stderr.contains("needs theme as the rows or the columns"))
        let wave = try kartlagg(["crosstab", "--db", db, "--rows", "theme", "--cols", "kind", "--compare-waves", "2025,2024"])
        #expect(wave.stderr == "error: no respondents in wave \"2024\" (with the filters given)\n")
        let unknown = try kartlagg(["crosstab", "--db", db, "--rows", "kommun", "--cols", "district"])
        #expect(unknown.stderr.contains("\"kommun\" is neither a dimension"))
    }
}

extension CrosstabCLITests {
    /// Two waves: the 2025 companies, and a 2017 mapping of the first twelve of them. The change per cell equals the
    /// difference of the two waves' own tables.
    @Test func compareWavesIsTheDifferenceOfTheWavesTables() throws {
        try sample()
        let definition = try String(contentsOfFile: Paths.sample("foretag-2025.survey.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "id: foretag-2025", with: "id: foretag-2017")
            .replacingOccurrences(of: "wave: \"2025\"", with: "wave: \"2017\"")
        let lines = try String(contentsOfFile: Paths.sample("foretag-2025.csv"), encoding: .utf8).components(separatedBy: "\r\n")
        // The header, and the rows up to F012 (two of which span two lines).
        let cut = lines.firstIndex { $0.hasPrefix("F013;") }!
        let file = folder.write("foretag-2017.csv", lines[..<cut].joined(separator: "\r\n") + "\r\n")
        #expect(try kartlagg(["survey", "add", "--db", db, folder.write("f2017.yaml", definition)]).status == 0)
        #expect(try kartlagg(["import", "--db", db, "--survey", "foretag-2017", file]).status == 0)
        #expect(try kartlagg(["tag", "--db", db]).status == 0)
        let base = ["crosstab", "--db", db, "--rows", "theme", "--cols", "district", "--where", "kind=företag", "--min-cell", "0"]
        func percents(_ extra: [String]) throws -> [String: Double] {
            let result = try kartlagg(base + extra + ["--format", "json"])
            let cells =
                ((try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["table"] as? [String: Any])?["cells"]
                as? [[String: Any]] ?? []
            return Dictionary(uniqueKeysWithValues: cells.map { ("\($0["row"]!)/\($0["col"]!)", $0["percent"] as? Double ?? .nan) })
        }
        let old = try percents(["--where", "wave=2017"])
        let new = try percents(["--where", "wave=2025"])
        let compared = try kartlagg(base + ["--compare-waves", "2017,2025", "--format", "csv"])
        let rows = compared.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        let header = rows[0]
        #expect(header.first == "theme \\ district")
        var checked = 0
        for row in rows.dropFirst() {
            for (index, district) in header.enumerated().dropFirst() {
                let key = "\(row[0])/\(district)"
                guard let a = old[key], let b = new[key], !a.isNaN, !b.isNaN else { continue }
                #expect(row[index] == String(format: "%+.1f", b - a), "\(key)")
                checked += 1
            }
        }
        #expect(checked > 20)
    }
}

extension CrosstabCLITests {
    /// Cross-tabs follow coding and re-imports: the respondent-theme table is rebuilt when tags change.
    @Test func crossTabsFollowCodingAndReimports() throws {
        try sample()
        func skola(_ district: String) throws -> Int? {
            let result = try kartlagg([
                "crosstab", "--db", db, "--rows", "theme", "--cols", "district", "--where", "survey=foretag-2025", "--min-cell", "0",
                "--format", "json",
            ])
            let cells =
                ((try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["table"] as? [String: Any])?[
                    "cells"] as? [[String: Any]] ?? []
            return cells.first { $0["row"] as? String == "skola" && $0["col"] as? String == district }?["n"] as? Int
        }
        let before = try #require(try skola("BLT"))
        // F020 (BLT) speaks of the old school; a coder says it is not about school.
        let query = try kartlagg([
            "query", "--db", db, "--theme", "skola", "--survey", "foretag-2025", "--district", "BLT", "--format", "json",
        ])
        let hits = try JSONSerialization.jsonObject(with: Data(query.stdout.utf8)) as? [[String: Any]] ?? []
        let answer = try #require(hits.first { $0["respondent"] as? String == "F020" }?["answer"] as? Int)
        #expect(try kartlagg(["tag", "remove", "--db", db, "--answer", String(answer), "--theme", "skola", "--coder", "Anna"]).status == 0)
        #expect(try skola("BLT") == before - 1)
        // A later export changes F020's text: the coders' decisions stay (flagged for review), the answer is
        // tagged anew at once, and the cross-tab is current without a `kartlagg tag`.
        #expect(try kartlagg(["tag", "add", "--db", db, "--answer", String(answer), "--theme", "skola", "--coder", "Bertil"]).status == 0)
        #expect(try skola("BLT") == before)
        var text = try String(contentsOfFile: Paths.sample("foretag-2025.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: "Gamla skolan i Trehörningsjö", with: "Den gamla skolan i Trehörningsjö")
        let update = folder.write("foretag-v2.csv", text)
        let imported = try kartlagg(["import", "--db", db, "--survey", "foretag-2025", update])
        #expect(imported.stdout.contains("1 updated"))
        #expect(imported.stdout.contains("1 coded answer changed"))
        #expect(try skola("BLT") == before)
        let review = try kartlagg(["tag", "review", "--db", db, "--format", "json"])
        let flagged = try JSONSerialization.jsonObject(with: Data(review.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(Set(flagged.compactMap { $0["coder"] as? String }) == ["Anna", "Bertil"])
        #expect(flagged.allSatisfy { $0["answer"] as? Int == answer })
        #expect(flagged.allSatisfy { ($0["currentText"] as? String ?? "").contains("Den gamla skolan") })
        #expect(flagged.allSatisfy { !($0["previousText"] as? String ?? "").contains("Den gamla skolan") })
    }

    /// The issue's three reproductions on the sample: no suppressed count can be worked out to within fewer than
    /// min-cell values from what the published table shows (the audit's ranges hold the true count, hidden with
    /// --min-cell 0, and are at least min-cell wide).
    @Test(arguments: [
        (["--rows", "interviewer", "--cols", "district"], 3),
        (["--rows", "interviewer", "--cols", "sector"], 5),
        (["--rows", "theme", "--cols", "district", "--where", "kind=förening"], 3),
        (["--rows", "theme", "--cols", "kind"], 3),
    ])
    func suppressedCountsCannotBeWorkedOut(arguments: [String], minCell: Int) throws {
        try sample()
        func json(_ extra: [String]) throws -> [String: Any] {
            let result = try kartlagg(["crosstab", "--db", db, "--format", "json"] + arguments + extra)
            #expect(result.status == 0, "\(result.stderr)")
            return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["table"] as? [String: Any] ?? [:]
        }
        let truth = try json(["--min-cell", "0"])
        let published = try json(["--min-cell", String(minCell), "--audit"])
        let counts = Dictionary(
            ((truth["cells"] as? [[String: Any]]) ?? []).map { ("\($0["row"] ?? "") × \($0["col"] ?? "")", $0["n"] as? Int ?? 0) },
            uniquingKeysWith: { first, _ in first })
        let audit = (published["audit"] as? [[String: Any]]) ?? []
        let suppressed = ((published["cells"] as? [[String: Any]]) ?? []).filter { $0["suppressed"] as? Bool == true }
        #expect(!suppressed.isEmpty)
        for cell in suppressed {
            let key = "\(cell["row"] ?? "") × \(cell["col"] ?? "")"
            let range = audit.first { "\($0["row"] ?? "") × \($0["col"] ?? "")" == key }
            let (lower, upper) = (range?["lower"] as? Int ?? -1, range?["upper"] as? Int ?? -1)
            let n = counts[key] ?? -1
            #expect(lower <= n && n <= upper, "\(key): \(n) outside \(lower)–\(upper)")
            if n > 0 { #expect(upper - lower >= minCell, "\(key) = \(n) can be narrowed to \(lower)–\(upper)") }
        }
    }
}
