import Foundation
import TestSupport
import Testing

/// End-to-end: codebooks, tagging, queries, themes, terms and agreement through the built binary.
@Suite(.serialized)
struct ThemeCLITests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("k.sqlite") }

    func kartlagg(_ arguments: String...) throws -> CLI.Result {
        try CLI.run(arguments, in: folder.url)
    }

    /// The sample companies and associations imported, the sample codebook loaded and applied.
    func tagged() throws {
        #expect(try CLI.prepareSample(db: db, in: folder.url, surveys: ["foretag-2025", "forening-2025"]) == [])
    }

    @Test func stemPrintsStems() throws {
        let result = try kartlagg("stem", "föreningarnas", "Kollektivtrafiken")
        #expect(result.stdout == "föreningarnas\tförening\nKollektivtrafiken\tkollektivtrafik\n")
    }

    @Test func codebookTestExplainsMatches() throws {
        try tagged()
        let json = try kartlagg("codebook", "test", "--db", db, "bygdsam", "Det finns inget samarbete, men bussen går", "--format", "json")
        #expect(json.status == 0)
        let matches = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        // `buss` finds "bussen" as its definite form, `*buss` as a head in any of its forms: both patterns fire.
        #expect(matches?.map { $0["theme"] as? String } == ["kollektivtrafik", "kollektivtrafik"])
        #expect(matches?.map { $0["pattern"] as? String } == ["buss", "*buss"])
        let spans = matches?.first?["matches"] as? [[String: Any]]
        #expect(spans?.first?["text"] as? String == "bussen")
        #expect(spans?.first?["start"] as? Int == 31)
        #expect(spans?.first?["end"] as? Int == 37)
        let text = try kartlagg("codebook", "test", "--db", db, "bygdsam", "Fiber till byn")
        #expect(text.stdout.hasPrefix("bredband  fiber*  \"Fiber\" 0–5\n"))
        let why = try kartlagg("codebook", "test", "--db", db, "bygdsam", "Linjebussarna", "--why", "Linjebussarna")
        #expect(
            why.stdout.hasSuffix(
                "why \"Linjebussarna\" (Snowball stem linjebuss):\n  kollektivtrafik  *buss  matches: ends with \"bussarna\", a form of \"buss\"\n"
            ))
    }

    /// `codebook suggest` drafts candidates as YAML to paste, quotes examples pseudonymised, and writes nothing.
    @Test func codebookSuggestDraftsWithoutWriting() throws {
        try tagged()
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let result = try kartlagg("codebook", "suggest", "--db", db, "--top", "3", "--min-count", "2")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# kartlagg codebook suggest: candidates from "))
        #expect(
            result.stdout.contains(
                "# New themes: terms the answers without a theme use much more than the tagged ones.\n  - id: \"forslag-1-"))
        // Every example is pseudonymised: no company or interviewer name of the sample.
        for name in ["Bredbyns Såg AB", "Karin L"] { #expect(!result.stdout.contains(name), "\(name)") }
        let json = try kartlagg("codebook", "suggest", "--db", db, "--min-count", "2", "--format", "json")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["codebook"] as? String == "bygdsam")
        #expect((object?["newThemes"] as? [Any])?.isEmpty == false)
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    /// Bad input to the new commands: an unknown matching rule, a labelled set without its columns, a word-pair
    /// length terms does not count. Each is a clear error, non-zero, and writes nothing.
    @Test func badMatchingInputIsAClearError() throws {
        let codebook = folder.write("k.yaml", "id: k\nmatching: sometimes\nthemes:\n  - { id: a, keywords: [buss] }\n")
        let load = try kartlagg("codebook", "load", "--db", db, codebook)
        #expect(load.status == 1)
        #expect(load.stderr == "error: \(codebook): matching: unknown value; matching is one of stem, forms, compounds\n")
        #expect(!FileManager.default.fileExists(atPath: db))
        let set = folder.write("set.csv", "svar;x\nBussen;1\n")
        let eval = try kartlagg(
            "codebook", "eval", Paths.packageRoot.appendingPathComponent("Tests/Evaluation/matching-codebook.yaml").path, "--set", set)
        #expect(eval.status == 1)
        #expect(
            eval.stderr
                == "error: \(set):1: a labelled set needs the columns text and themes; missing \"themes\"; the file has \"svar\", \"x\"\n")
        try tagged()
        let terms = try kartlagg("terms", "--db", db, "--ngrams", "3")
        #expect(terms.status == 64)
        #expect(terms.stderr.contains("--ngrams is 1 (words) or 2 (pairs of words)"))
    }

    @Test func codebookLoadIsIdempotentAndRejectsBadPatterns() throws {
        try tagged()
        let again = try kartlagg("codebook", "load", "--db", db, Paths.sample("kodbok.yaml"))
        #expect(again.stdout == "codebook bygdsam 2025.1: unchanged, revision 1 (16 themes)\n")
        let bad = folder.write("bad.yaml", "id: k\nthemes:\n  - { id: a, keywords: [\"bred-band*\"] }\n")
        let result = try kartlagg("codebook", "load", "--db", db, bad)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: theme \"a\": pattern \"bred-band*\": \"bred-band*\": wildcards and = apply to one token"))
    }

    @Test func queryAsJSONForScripts() throws {
        try tagged()
        let result = try kartlagg(
            "query", "--db", db, "--theme", "nararbetsplatser", "--kind", "förening", "--district", "BLT", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let hits = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(hits?.count == 1)
        let hit = try #require(hits?.first)
        for key in ["answer", "respondent", "kind", "district", "survey", "question", "themes", "text"] {
            #expect(hit[key] != nil, "\(key)")
        }
        #expect(hit["respondent"] as? String == "A16")
        #expect(hit["themes"] as? [String] == ["nararbetsplatser", "skola"])
    }

    @Test func queryAsMarkdownMarksWords() throws {
        try tagged()
        let result = try kartlagg(
            "query", "--db", db, "--theme", "bredband", "--survey", "foretag-2025", "--limit", "1", "--format", "markdown")
        #expect(result.stdout.hasPrefix("| svar | respondent | typ | område | serviceort | enkät | omgång | fråga | teman | text |\n"))
        #expect(result.stdout.contains("**Fibern**"))
        #expect(result.stdout.contains(" answers from "))
        #expect(result.stdout.contains("(1 shown)"))
    }

    @Test func pseudonymisedQueriesNameNoOne() throws {
        try tagged()
        let plain = try kartlagg("query", "--db", db, "--survey", "foretag-2025", "--text", "sommarjobb", "--format", "json")
        #expect(plain.stdout.contains("IF Nätra"))
        let clean = try kartlagg(
            "query", "--db", db, "--survey", "foretag-2025", "--text", "sommarjobb", "--format", "json", "--pseudonymise")
        #expect(!clean.stdout.contains("IF Nätra"))
        #expect(clean.stdout.contains("med [organisation] om sommarjobb"))
    }

    /// Word search on pseudonymised text finds only what the reader is shown: a masked personnummer, name or address
    /// is no way to find (and so identify) an answer, and the counts leave such hits out too.
    @Test func searchingPseudonymisedTextIsNoOracle() throws {
        let survey = folder.write(
            "s.yaml",
            """
            id: s
            title: S
            kind: inspel
            respondent: { id: Id }
            questions:
              - { id: svar, column: Svar, type: text }
            """)
        let data = folder.write(
            "s.csv",
            "Id;Svar\n1;Ring mig, pnr 800101-1234, om bussen\n2;Anna Berg på Storgatan 12 vill ha buss\n3;Mer buss till byn\n")
        #expect(try kartlagg("survey", "add", "--db", db, survey).status == 0)
        #expect(try kartlagg("import", "--db", db, "--survey", "s", data).status == 0)
        let plain = try kartlagg("query", "--db", db, "--survey", "s", "--text", "800101", "--format", "json")
        #expect(plain.stdout.contains("800101-1234"))
        for words in ["800101", "Anna", "Storgatan", "Berg AND buss"] {
            let clean = try kartlagg("query", "--db", db, "--survey", "s", "--text", words, "--format", "json", "--pseudonymise")
            let hits = try JSONSerialization.jsonObject(with: Data(clean.stdout.utf8)) as? [Any]
            #expect(hits?.isEmpty == true, "\(words): \(clean.stdout)")
            let text = try kartlagg("query", "--db", db, "--survey", "s", "--text", words, "--pseudonymise")
            #expect(text.stdout.hasSuffix("0 answers from 0 respondents\n"), "\(words): \(text.stdout)")
        }
        let buss = try kartlagg("query", "--db", db, "--survey", "s", "--text", "buss*", "--pseudonymise")
        #expect(buss.stdout.hasSuffix("3 answers from 3 respondents\n"))
        #expect(buss.stdout.contains("[personnummer]") && buss.stdout.contains("[person] på [adress]"))
    }

    @Test func themesTerms() throws {
        try tagged()
        let themes = try kartlagg("themes", "--db", db, "--format", "json")
        let counts = try JSONSerialization.jsonObject(with: Data(themes.stdout.utf8)) as? [[String: Any]]
        #expect(counts?.count == 16)
        let terms = try kartlagg("terms", "--db", db, "--by", "kind", "--top", "3")
        #expect(terms.status == 0)
        #expect(terms.stdout.hasPrefix("förening\n  most frequent:    "))
        #expect(!terms.stdout.contains(" och "))
    }

    @Test func manualCodingAndAgreement() throws {
        try tagged()
        #expect(try kartlagg("tag", "import", "--db", db, Paths.sample("kodning-anna.csv")).stdout.hasSuffix("43 decisions by Anna\n"))
        let agreement = try kartlagg("agreement", "--db", db, "--coder", "auto", "--coder", "Anna", "--format", "json")
        let report = try JSONSerialization.jsonObject(with: Data(agreement.stdout.utf8)) as? [String: Any]
        #expect(report?["answers"] as? Int == 25)
        let unknown = try kartlagg("agreement", "--db", db, "--coder", "auto", "--coder", "Cecilia")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no coding by \"Cecilia\""))
        let auto = try kartlagg("tag", "add", "--db", db, "--answer", "1", "--theme", "skola", "--coder", "auto")
        #expect(auto.status != 0)
        let missing = try kartlagg("tag", "add", "--db", db, "--answer", "99999", "--theme", "skola", "--coder", "Anna")
        #expect(missing.stderr == "error: no answer 99999; `kartlagg query` shows answer ids\n")
    }
}
