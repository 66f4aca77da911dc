import Foundation
import KartlaggningCore
import KartlaggningModel
import TestSupport
import Testing

/// Nothing lost, nothing written by readers: coders' work through re-imports, read-only readers, schema
/// versions, writers waiting for each other, backups.
@Suite(.serialized)
struct SafetyCLITests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("k.sqlite") }

    func kartlagg(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments, in: folder.url)
    }

    /// The sample companies, tagged, with Anna's and Bertil's coding.
    func coded() throws {
        #expect(try CLI.prepareSample(db: db, in: folder.url, surveys: ["foretag-2025"]) == [])
        for coder in ["anna", "bertil"] {
            #expect(try kartlagg(["tag", "import", "--db", db, Paths.sample("kodning-\(coder).csv")]).status == 0)
        }
    }

    /// Each coder's themes per answer of respondent F001.
    func codingOfF001() throws -> [String: [Int64: Set<String>]] {
        let store = try KartlaggningStore(path: db, mode: .readOnly)
        let stored = try store.codebook(id: nil)
        let f001 = Set(try answerIds(of: "F001").values)
        var coding: [String: [Int64: Set<String>]] = [:]
        for coder in ["Anna", "Bertil", "auto"] {
            coding[coder] = try store.coding(by: coder, codebook: stored).filter { f001.contains($0.key) }
        }
        return coding
    }

    /// F001's answer ids by question.
    func answerIds(of respondent: String) throws -> [String: Int64] {
        let result = try kartlagg(["query", "--db", db, "--survey", "foretag-2025", "--format", "json"])
        let hits = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        var ids: [String: Int64] = [:]
        for hit in hits where hit["respondent"] as? String == respondent {
            if let question = hit["question"] as? String, let answer = hit["answer"] as? Int { ids[question] = Int64(answer) }
        }
        return ids
    }

    func sampleWith(_ change: (String) -> String) throws -> String {
        let text = try String(contentsOfFile: Paths.sample("foretag-2025.csv"), encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the change applies to the sample")
        return folder.write("foretag-rattad.csv", changed)
    }

    static let f001Idea = "Ett gemensamt utbildningspaket för skogsnäringen i Anundsjö"

    /// The sample with F001's idea cell emptied: a re-export in which that answer is gone.
    func sampleWithoutF001sIdea() throws -> String {
        let line = try #require(
            try String(contentsOfFile: Paths.sample("foretag-2025.csv"), encoding: .utf8).components(separatedBy: "\r\n")
                .first { $0.contains(Self.f001Idea) })
        return try sampleWith { text in
            text.replacingOccurrences(of: line, with: String(line[..<(line.range(of: Self.f001Idea)?.lowerBound ?? line.endIndex)]))
        }
    }

    // MARK: - Re-imports

    /// The reproduction from the issue: correct F001's broadband satisfaction 2 → 5 and import again.
    @Test func aCorrectedClosedAnswerKeepsEveryCodersDecision() throws {
        try coded()
        let before = try codingOfF001()
        let idsBefore = try answerIds(of: "F001")
        #expect(before["Anna"]?.values.reduce(0) { $0 + $1.count } == 2)
        #expect(before["Bertil"]?.values.reduce(0) { $0 + $1.count } == 1)
        let corrected = try sampleWith {
            $0.replacingOccurrences(of: ";14;2;\"Bredband; Kompetens\"", with: ";14;5;\"Bredband; Kompetens\"")
        }
        let result = try kartlagg(["import", "--db", db, "--survey", "foretag-2025", corrected])
        #expect(result.status == 0)
        #expect(result.stdout.contains("25 rows: 0 added, 1 updated, 24 unchanged, 0 rejected"))
        #expect(!result.stdout.contains("coded answer"))
        #expect(try codingOfF001() == before)
        #expect(try answerIds(of: "F001") == idsBefore)
        let export = try kartlagg(["export", "--db", db, "--survey", "foretag-2025", "--layout", "long", "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]] ?? []
        let bredband = rows.first { $0["respondent"] as? String == "F001" && $0["question"] as? String == "bredband_nojd" }
        #expect(bredband?["raw"] as? String == "5")
        #expect(try kartlagg(["tag", "review", "--db", db]).stdout == "no coded answer has changed since it was coded\n")
    }

    @Test func aChangedCodedTextKeepsTheTagsFlaggedForReview() throws {
        try coded()
        let before = try codingOfF001()
        let changed = try sampleWith { $0.replacingOccurrences(of: Self.f001Idea, with: "Ett utbildningspaket för skogen i Anundsjö") }
        let result = try kartlagg(["import", "--db", db, "--survey", "foretag-2025", changed])
        #expect(result.status == 0)
        #expect(result.stdout.contains("1 coded answer changed"))
        #expect(result.stdout.contains("kartlagg tag review"))
        // Coders' decisions stay; the auto tags are those of the new text.
        #expect(try codingOfF001()["Anna"] == before["Anna"])
        #expect(try codingOfF001()["Bertil"] == before["Bertil"])
        let listed = try kartlagg(["tag", "review", "--db", db, "--format", "json"])
        let flagged = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(flagged.count == 3)
        #expect(flagged.allSatisfy { ($0["previousText"] as? String)?.contains(Self.f001Idea) == true })
        #expect(flagged.allSatisfy { ($0["currentText"] as? String)?.contains("för skogen i Anundsjö") == true })
        let tags = flagged.compactMap { $0["tag"] as? Int }.map(String.init)
        let samverkan = try #require(flagged.first { $0["theme"] as? String == "samverkan" }?["tag"] as? Int)
        // Keep one, drop one (it goes to the archive), leave one.
        #expect(try kartlagg(["tag", "review", "--db", db, "--accept", tags[0] == String(samverkan) ? tags[1] : tags[0]]).status == 0)
        let dropped = try kartlagg(["tag", "review", "--db", db, "--drop", String(samverkan), "--by", "Karin"])
        #expect(dropped.stdout == "1 flagged tags moved to the archive\n")
        #expect(try codingOfF001()["Anna"]?.values.contains { $0.contains("samverkan") } == false)
        let rest =
            try JSONSerialization.jsonObject(
                with: Data(try kartlagg(["tag", "review", "--db", db, "--format", "json"]).stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rest.count == 1)
        let archive = try kartlagg(["tag", "review", "--db", db, "--archived"]).stdout
        #expect(archive.contains("Anna: samverkan"))
        #expect(archive.contains("dropped on review by Karin"))
        // Settling an id that is not flagged is a clear error and changes nothing.
        let wrong = try kartlagg(["tag", "review", "--db", db, "--accept", "999999"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("flagged tag 999999"))
    }

    @Test func anAnswerGoneFromTheReexportArchivesItsTags() throws {
        try coded()
        let emptied = try sampleWithoutF001sIdea()
        let result = try kartlagg(["import", "--db", db, "--survey", "foretag-2025", emptied])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 coder tags are on answers the file no longer has"))
        #expect(try answerIds(of: "F001")["ideer"] == nil)
        let archived =
            try JSONSerialization.jsonObject(
                with: Data(try kartlagg(["tag", "review", "--db", db, "--archived", "--format", "json"]).stdout.utf8)) as? [[String: Any]]
            ?? []
        #expect(archived.count == 3)
        #expect(Set(archived.compactMap { $0["coder"] as? String }) == ["Anna", "Bertil"])
        #expect(archived.allSatisfy { ($0["text"] as? String)?.contains(Self.f001Idea) == true && $0["respondent"] as? String == "F001" })
    }

    // MARK: - Readers

    /// Every command that only reads leaves the database file byte for byte as it was.
    @Test func readersLeaveTheFileByteIdentical() throws {
        try coded()
        let before = try #require(FileDigest.bytes(db))
        let readers: [[String]] = [
            ["status"], ["status", "--format", "json"], ["survey", "list"], ["districts", "list"], ["codebook", "list"],
            ["codebook", "show", "bygdsam"], ["export", "--survey", "foretag-2025"], ["query", "--theme", "skola"], ["themes"],
            ["terms", "--by", "district"], ["agreement", "--coder", "auto", "--coder", "Anna"],
            ["crosstab", "--rows", "theme", "--cols", "district"], ["crosstab", "--rows", "bredband_nojd", "--cols", "kind"],
            ["report", "--kind", "overview", "--out", folder.path("r/oversikt.md"), "--html"],
            ["report", "--theme", "skola", "--out", folder.path("r/skola.md")], ["tag", "review"], ["tag", "review", "--archived"],
            ["survey", "infer", Paths.sample("foretag-2025.csv")],
        ]
        try FileManager.default.createDirectory(atPath: folder.path("r"), withIntermediateDirectories: true)
        for reader in readers {
            let result = try kartlagg(reader + ["--db", db])
            #expect(result.status == 0, "\(reader): \(result.stderr)")
            #expect(FileDigest.bytes(db) == before, "\(reader.joined(separator: " ")) changed the database file")
        }
    }

    /// A database on read-only media (here a tmpfs remounted read-only, where the machine lets a test mount one)
    /// can be read: SQLite cannot create its WAL index there, so the file is read as immutable.
    @Test func aDatabaseOnReadOnlyMediaCanBeRead() throws {
        try coded()
        let mountPoint = folder.path("ro")
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        func sh(_ command: String) -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return -1 }
            process.waitUntilExit()
            return process.terminationStatus
        }
        guard sh("mount -t tmpfs tmpfs '\(mountPoint)'") == 0 else {
            print("skipped: this machine does not let the test mount a read-only file system")
            return
        }
        defer { _ = sh("umount '\(mountPoint)'") }
        #expect(sh("cp '\(db)' '\(mountPoint)/k.sqlite' && mount -o remount,ro '\(mountPoint)'") == 0)
        let copy = mountPoint + "/k.sqlite"
        for reader in [["status"], ["crosstab", "--rows", "theme", "--cols", "district"], ["status", "--verify"]] {
            let result = try kartlagg(reader + ["--db", copy])
            #expect(result.status == 0, "\(reader): \(result.stderr)")
            #expect(result.stdout == (try kartlagg(reader + ["--db", db])).stdout)
        }
        let write = try kartlagg(["tag", "--db", copy])
        #expect(write.status == 1)
    }

    /// A reader meeting respondent themes an older kartlagg left stale computes them for itself and writes nothing.
    @Test func aReaderWorksAroundStaleDerivedTablesWithoutWriting() throws {
        try coded()
        let expected = try kartlagg(["crosstab", "--db", db, "--rows", "theme", "--cols", "district"]).stdout
        #expect(
            try SQLiteScript.run(db, "db.execute('DELETE FROM respondentTheme'); db.execute('UPDATE respondentThemeState SET stale = 1')")
                .status == 0)
        let before = try #require(FileDigest.bytes(db))
        let result = try kartlagg(["crosstab", "--db", db, "--rows", "theme", "--cols", "district"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expected)
        #expect(FileDigest.bytes(db) == before)
    }

    // MARK: - Versions

    @Test(arguments: [
        "db.execute('PRAGMA user_version = 99')",
        "db.execute(\"INSERT INTO grdb_migrations VALUES ('v5: from the future')\")",
    ])
    func aDatabaseFromANewerKartlaggIsRefused(change: String) throws {
        try coded()
        #expect(try SQLiteScript.run(db, change).status == 0)
        let before = try #require(FileDigest.bytes(db))
        for command in [["status"], ["import", "--survey", "foretag-2025", Paths.sample("foretag-2025.csv")], ["init"]] {
            let result = try kartlagg(command + ["--db", db])
            #expect(result.status == 1)
            #expect(result.stderr.contains("written by a newer kartlagg"), "\(result.stderr)")
            #expect(result.stderr.contains("this kartlagg knows schema \(KartlaggningStore.schemaVersion)"))
        }
        #expect(FileDigest.bytes(db) == before)
    }

    // MARK: - Concurrency

    /// A writer waits for another process's write transaction with a message; a reader does not wait at all.
    @Test func writersWaitForEachOtherAndReadersDoNot() throws {
        try coded()
        let answer = try #require(try answerIds(of: "F001")["ideer"])
        // The other writer says when it holds the lock, so a slow start on a busy machine cannot race the test.
        let ready = folder.path("holding")
        let holder = try SQLiteScript.start(
            db, "db.execute('BEGIN IMMEDIATE'); open('\(ready)', 'w').close(); time.sleep(3); db.execute('COMMIT')")
        defer { holder.waitUntilExit() }
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: ready) && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(FileManager.default.fileExists(atPath: ready))
        let started = Date()
        let reader = try kartlagg(["status", "--db", db])
        #expect(reader.status == 0)
        #expect(Date().timeIntervalSince(started) < 2, "a reader waited for a writer")
        let impatient = try kartlagg([
            "tag", "add", "--db", db, "--answer", String(answer), "--theme", "skola", "--coder", "Cilla", "--wait", "0.2",
        ])
        #expect(impatient.status == 1)
        #expect(impatient.stderr.contains("waiting for another kartlagg command"))
        #expect(impatient.stderr.contains("the wait limit has passed"))
        let patient = try kartlagg(["tag", "add", "--db", db, "--answer", String(answer), "--theme", "skola", "--coder", "Cilla"])
        #expect(patient.status == 0, "\(patient.stderr)")
        #expect(patient.stderr.contains("waiting for another kartlagg command"))
        #expect(!patient.stderr.contains("locked"))
    }

    // MARK: - Backups

    @Test func backupIsAConsistentCopy() throws {
        try coded()
        let copy = folder.path("kopia.sqlite")
        let result = try kartlagg(["backup", "--db", db, copy])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try kartlagg(["status", "--db", copy]).stdout == (try kartlagg(["status", "--db", db]).stdout))
        #expect(
            try kartlagg(["agreement", "--db", copy, "--coder", "Anna", "--coder", "Bertil"]).stdout
                == (try kartlagg(["agreement", "--db", db, "--coder", "Anna", "--coder", "Bertil"]).stdout))
        let again = try kartlagg(["backup", "--db", db, copy])
        #expect(again.status == 1)
        #expect(again.stderr.contains("the file exists"))
    }

    // MARK: - Privacy controls

    /// Columns a survey marks identifying never reach query, export or reports unless asked for.
    @Test func identifyingColumnsArePrintedOnlyWhenAskedFor() throws {
        #expect(try kartlagg(["districts", "load", "--db", db, Paths.sample("districts.yaml")]).status == 0)
        var survey = try String(contentsOfFile: Paths.sample("foretag-2025.survey.yaml"), encoding: .utf8)
        survey = survey.replacingOccurrences(
            of: "kind: företag\n", with: "kind: företag\nidentifying: [Företag, Intervjuare, \"Idéer för bygden\"]\n")
        #expect(try kartlagg(["survey", "add", "--db", db, folder.write("enkat.yaml", survey)]).status == 0)
        #expect(try kartlagg(["import", "--db", db, "--survey", "foretag-2025", Paths.sample("foretag-2025.csv")]).status == 0)
        #expect(try kartlagg(["codebook", "load", "--db", db, Paths.sample("kodbok.yaml")]).status == 0)
        #expect(try kartlagg(["tag", "--db", db]).status == 0)
        let export = try kartlagg(["export", "--db", db, "--survey", "foretag-2025"])
        #expect(export.status == 0)
        for secret in ["Bredbyns Såg AB", "Karin L", "Företag", "Intervjuare", Self.f001Idea] {
            #expect(!export.stdout.contains(secret), "\(secret) exported")
        }
        #expect(export.stderr.contains("identifying columns left out: \"Företag\", \"Intervjuare\", \"Idéer för bygden\""))
        let full = try kartlagg(["export", "--db", db, "--survey", "foretag-2025", "--include-identifying"]).stdout
        #expect(full.contains("Bredbyns Såg AB") && full.contains(Self.f001Idea))
        let long = try kartlagg(["export", "--db", db, "--survey", "foretag-2025", "--layout", "long"]).stdout
        #expect(!long.contains(Self.f001Idea) && long.contains("utmaningar"))
        let query = try kartlagg(["query", "--db", db, "--survey", "foretag-2025", "--format", "json"]).stdout
        #expect(!query.contains(Self.f001Idea) && !query.contains("\"ideer\""))
        #expect(
            try kartlagg(["query", "--db", db, "--survey", "foretag-2025", "--include-identifying"]).stdout.contains("utbildningspaket"))
        let out = folder.path("tema.md")
        #expect(
            try kartlagg(["report", "--db", db, "--theme", "kompetens", "--out", out, "--quotes", "20", "--min-cell", "0"]).status == 0)
        let report = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!report.contains("utbildningspaket"))
        // A column the survey does not read cannot be marked.
        let wrong = survey.replacingOccurrences(of: "identifying: [Företag,", with: "identifying: [Namn, Företag,")
        let refused = try kartlagg(["survey", "add", "--db", db, folder.write("fel.yaml", wrong)])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("identifying column \"Namn\" is not a column the survey reads"))
    }

    /// `forget` erases a respondent and everything derived from them, and records that it did without the data.
    @Test func forgetErasesARespondentAndAllThatCameFromThem() throws {
        try coded()
        // Some of F001's coding in the archive too: a re-export without its idea.
        let emptied = try sampleWithoutF001sIdea()
        #expect(try kartlagg(["import", "--db", db, "--survey", "foretag-2025", emptied]).status == 0)
        let result = try kartlagg(["forget", "--db", db, "--respondent", "F001", "--survey", "foretag-2025"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("erased") && result.stdout.contains("3 archived tags"))
        #expect(try kartlagg(["query", "--db", db, "--text", "Fibern", "--format", "json"]).stdout.contains("F001") == false)
        #expect(
            try kartlagg(["export", "--db", db, "--survey", "foretag-2025", "--include-identifying"]).stdout.contains("Bredbyns Såg")
                == false)
        #expect(try kartlagg(["tag", "review", "--db", db, "--archived"]).stdout.contains("F001") == false)
        let verified = try kartlagg(["status", "--db", db, "--verify"])
        #expect(verified.status == 0, "\(verified.stdout)")
        // Nothing of F001 is left in the file's bytes, the erasure record included.
        let bytes = try #require(FileDigest.bytes(db))
        for secret in ["Bredbyns Såg AB", "Fibern når inte fram till sågen"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) still in the file")
        }
        let again = try kartlagg(["forget", "--db", db, "--respondent", "F001", "--survey", "foretag-2025"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("no respondent \"F001\" in survey \"foretag-2025\""))
    }

    /// `status --verify` passes on a sound database and names what is broken in one damaged behind its back.
    @Test func verifyFindsBrokenInvariants() throws {
        try coded()
        let clean = try kartlagg(["status", "--db", db, "--verify"])
        #expect(clean.status == 0)
        #expect(clean.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("ok") }.count == 10)
        #expect(clean.stdout.contains("ok      every free text is tagged by each loaded codebook"))
        #expect(clean.stdout.contains("ok      theme digests equal the rows: ok (1 current)"))
        let script = """
            db.execute("INSERT INTO answerText(answerText, rowid, raw) SELECT 'delete', id, raw FROM answer WHERE isFreeText LIMIT 2")
            db.execute("UPDATE tag SET spans = '[[0,100000]]' WHERE id = (SELECT min(id) FROM tag WHERE coder = 'auto')")
            db.execute("DELETE FROM respondentTheme WHERE themeId = (SELECT min(themeId) FROM respondentTheme)")
            db.execute("UPDATE respondentCount SET n = n + 1 WHERE rowid = (SELECT min(rowid) FROM respondentCount)")
            db.execute("UPDATE themeSource SET n = n + 1 WHERE themeId = (SELECT min(themeId) FROM themeSource)")
            """
        #expect(try SQLiteScript.run(db, script).status == 0)
        let before = try #require(FileDigest.bytes(db))
        let broken = try kartlagg(["status", "--db", db, "--verify"])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("FAILED  tag spans lie inside their answers: 1 spans outside"))
        #expect(broken.stdout.contains("FAILED  the full-text index holds exactly the free texts: 2 free texts not indexed"))
        #expect(broken.stdout.contains("FAILED  respondent themes are current: bygdsam ("))
        #expect(
            broken.stdout.contains("FAILED  kept counts equal the rows: respondentCount: 2 rows differ; respondentThemeCount (bygdsam): "))
        #expect(broken.stdout.contains("FAILED  theme digests equal the rows: themeSource (bygdsam): "))
        #expect(FileDigest.bytes(db) == before)
    }
}
