import KartlaggningCore
import KartlaggningModel
import Testing

@testable import KartlaggningAnalysis

struct CodebookMatcherTests {
    static func matcher(_ keywords: [String], exclude: [String]? = nil, questions: [String]? = nil) throws -> CodebookMatcher {
        try CodebookMatcher(
            codebook: Codebook(
                id: "t", version: "1",
                themes: [
                    Theme(id: "x", label: "X", keywords: keywords, exclude: exclude, questions: questions)
                ]))
    }

    /// Which words a pattern matches in a text.
    static func words(_ pattern: String, in text: String, exclude: [String]? = nil) throws -> [String] {
        try matcher([pattern], exclude: exclude).match(text).flatMap { $0.matches.map(\.text) }
    }

    static let cases: [(pattern: String, text: String, words: [String])] = [
        // Stems: every inflection of the word.
        ("förening", "Föreningar, föreningen och föreningarnas styrelser", ["Föreningar", "föreningen", "föreningarnas"]),
        ("kollektivtrafik", "Kollektivtrafiken är dålig", ["Kollektivtrafiken"]),
        // å, ä, ö are letters of their own: får is not far.
        ("får", "Min far får inte", ["får"]),
        ("far", "Min far får inte", ["far"]),
        // Compounds through wildcards.
        ("bredband*", "Bredbandsutbyggnaden och bredband, men inte mobilbredband", ["Bredbandsutbyggnaden", "bredband"]),
        ("*bygd*", "Landsbygdsutveckling i bygden", ["Landsbygdsutveckling", "bygden"]),
        ("*trafik", "Kollektivtrafik och trafiken", ["Kollektivtrafik"]),
        // Exact: no stemming.
        ("=buss", "Buss, bussen, bussar", ["Buss"]),
        // Phrases: consecutive tokens, each by the rules above.
        ("distans arbete", "Vi vill ha distans arbete och distansarbete", ["distans arbete"]),
        ("\"inget samarbete\"", "Det finns inget samarbete här", ["inget samarbete"]),
        ("närarbetsplats*", "En närarbetsplats i Bjästa", ["närarbetsplats"]),
        // Hyphens and punctuation separate tokens.
        ("co working", "Ett co-working-space", ["co-working"]),
        ("buss", "(buss!)", ["buss"]),
        // Case-insensitive.
        ("BLT", "blt och Blt", ["blt", "Blt"]),
        // No match.
        ("skola", "Ingen sådan sak", []),
    ]

    @Test(arguments: cases.indices)
    func patternTable(index: Int) throws {
        let entry = Self.cases[index]
        #expect(try Self.words(entry.pattern, in: entry.text) == entry.words, "\(entry.pattern) in \(entry.text)")
    }

    @Test func excludesCancelMatchesInsideThem() throws {
        let text = "Det finns inget samarbete med kommunen, men samarbete med föreningarna fungerar"
        #expect(try Self.words("samarbete", in: text, exclude: ["\"inget samarbete\""]) == ["samarbete"])
        let matches = try Self.matcher(["samarbete"], exclude: ["inget samarbete"]).match(text)
        #expect(matches.first?.matches.map(\.start) == [44])
        #expect(try Self.matcher(["samarbete"], exclude: ["inget samarbete"]).match("Inget samarbete alls").isEmpty)
    }

    @Test func spansCountUnicodeScalars() throws {
        let match = try Self.matcher(["bredband*"]).match("Åtta år utan bredband").first
        #expect(match?.matches == [ThemeMatch.Span(start: 13, end: 21, text: "bredband")])
    }

    @Test func themesLimitedToQuestions() throws {
        let matcher = try Self.matcher(["buss"], questions: ["saknas"])
        #expect(matcher.match("buss", question: "saknas").count == 1)
        #expect(matcher.match("buss", question: "bast").isEmpty)
        #expect(matcher.match("buss").count == 1)
    }

    @Test(arguments: ["", "*", "=", "bred-band*", "=*buss"])
    func badPatternsAreExplained(pattern: String) {
        #expect(throws: PatternError.self) { try Self.matcher([pattern]) }
    }

    @Test func badPatternNamesTheme() {
        do {
            _ = try Self.matcher(["ok", "***"])
            Issue.record("no error")
        } catch let error as PatternError {
            #expect(error.errorDescription == "theme \"x\": pattern \"***\": \"***\" has no letters or digits to match")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func manyThemesInCodebookOrder() throws {
        let codebook = Codebook(
            id: "c", version: "1",
            themes: [
                Theme(id: "bredband", label: "Bredband", keywords: ["bredband*", "fiber*"]),
                Theme(id: "buss", label: "Kollektivtrafik", keywords: ["buss", "*trafik*"]),
            ])
        let matches = try CodebookMatcher(codebook: codebook).match("Bussen går sällan och fibern saknas")
        #expect(matches.map(\.theme) == ["bredband", "buss"])
        #expect(matches.map(\.pattern) == ["fiber*", "buss"])
    }

    @Test func tokenizer() {
        #expect(Tokenizer.tokens(in: "Co-working, i Nätra 2025!").map(\.text) == ["co", "working", "i", "nätra", "2025"])
        #expect(Tokenizer.tokens(in: "å ä").map(\.start) == [0, 2])
    }
}
