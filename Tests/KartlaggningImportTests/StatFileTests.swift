import Foundation
import KartlaggningCore
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningImport

/// SPSS and Stata files as survey tools and pyreadstat write them (#24): `Fixtures/stat/make_stat_fixtures.py` writes
/// them, with pyreadstat's own reading of each, at test time. Skipped with a message where pyreadstat is absent
/// (`make test` installs it).
@Suite(.serialized)
struct StatFileTests {
    let folder = TemporaryDirectory()

    /// The fixtures written, and pyreadstat's reading of them; nil (with a message) without pyreadstat.
    func fixtures() throws -> [String: Expected]? {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/stat/make_stat_fixtures.py")
        let python = try ExternalTool.run("python3", [script.path, folder.url.path])
        guard python.succeeded, let data = FileManager.default.contents(atPath: folder.path("expected.json")) else {
            print("skipped: pyreadstat could not write the SPSS and Stata fixtures (`pip install pyreadstat pandas`; make test does)")
            return nil
        }
        return try JSONDecoder().decode([String: Expected].self, from: data)
    }

    struct Expected: Decodable {
        var labels: [String: String?]
        var values: [String: [String: String]]
        var rows: [[String: String]]
    }

    /// Every variable label, value label and cell as pyreadstat reads them: a nominal variable's cell is its label
    /// (the code where it has none), dates are ISO dates, user-missing codes stay codes (the definition's `missing`).
    @Test func readsWhatPyreadstatReads() throws {
        guard let expected = try fixtures() else { return }
        for (name, want) in expected.sorted(by: { $0.key < $1.key }) {
            let path = folder.path(name)
            let kind = try #require(StatFile.Kind(path: path))
            let reader = try StatRowReader(path: path, file: name, kind: kind)
            let variables = reader.metadata.variables
            for variable in variables {
                if let label = want.labels[variable.name] ?? nil { #expect(variable.label == label, "\(name) \(variable.name)") }
                let labels = Dictionary(variable.valueLabels.map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a })
                #expect(labels == (want.values[variable.name] ?? [:]), "\(name) \(variable.name)")
            }
            // The header: the variables' names, each checkbox set's column before its first variable.
            let header = try #require(try reader.nextRow()?.fields)
            let added = Set(reader.checkboxSets.map(\.name))
            #expect(header.filter { !added.contains($0) } == variables.map(\.name))
            var rows: [[String]] = []
            while let row = try reader.nextRow() { rows.append(zip(header, row.fields).filter { !added.contains($0.0) }.map(\.1)) }
            #expect(rows.count == want.rows.count, "\(name)")
            for (row, wanted) in zip(rows, want.rows) {
                for (variable, cell) in zip(variables, row) {
                    // A string's trailing spaces are SPSS's padding: ReadStat leaves them out.
                    var code = wanted[variable.name] ?? ""
                    if variable.isString { while code.last == " " { code.removeLast() } }
                    let shown = variable.readsAsLabels ? (variable.labelOfCode[code] ?? code) : code
                    #expect(cell == shown, "\(name) \(variable.name): \(cell) ≠ \(shown)")
                }
            }
            #expect(try reader.verifyUnchanged() == reader.sha256)
        }
        // The long answer (more than 255 bytes, å/ä/ö) whole; the measure levels and the missing range as written.
        let sav = try StatFile.metadata(path: folder.path("labels.sav"), file: "labels.sav", kind: .sav)
        let nojd = try #require(sav.variables.first { $0.name == "nojd" })
        #expect(nojd.measure == .ordinal && nojd.missingRanges == [97...99] && !nojd.readsAsLabels)
        #expect(sav.variables.first { $0.name == "omr" }?.readsAsLabels == true)
        #expect(sav.fileLabel == "Servicekartläggning 2025")
        #expect((expected["labels.sav"]?.rows.first?["kommentar"]?.utf8.count ?? 0) > 255)
    }

    /// `survey infer` takes the definition from the file: nothing to check but the respondent kind.
    @Test func theDefinitionComesFromTheFile() throws {
        guard try fixtures() != nil else { return }
        let draft = try SurveyInferrer().infer(path: folder.path("labels.sav"))
        #expect(draft.survey.title == "Servicekartläggning 2025")
        let questions = Dictionary(draft.survey.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let omr = try #require(questions["omr"])
        #expect(omr.type == .choice && omr.text == "Var bor du? (område)")
        #expect(omr.options == ["Örnsköldsvik", "Nätra", "Själevad", "Björna–Långviksmon"])
        #expect(omr.codes == ["1": "Örnsköldsvik", "2": "Nätra", "3": "Själevad", "4": "Björna–Långviksmon"])
        let nojd = try #require(questions["nojd"])
        #expect(nojd.type == .scale && nojd.scale == ScaleRange(min: 1, max: 5))
        #expect(nojd.missing == ["97", "98", "99"])
        #expect(nojd.text == "Hur nöjd är du med bygdens service? (1 = Mycket missnöjd, 5 = Mycket nöjd)")
        #expect(questions["alder"]?.type == .decimal && questions["kommentar"]?.type == .text)
        #expect(draft.survey.respondent.date == "datum")
        #expect(draft.notes.count == 1 && draft.notes[0].contains("respondent kind"), "\(draft.notes)")
        #expect(draft.yaml.contains("    codes: {\"1\": \"Örnsköldsvik\", \"2\": \"Nätra\""))
        // The checkbox questions written one variable per option: one multi question each, the variables no questions.
        let behov = try #require(questions["behov"])
        #expect(behov.type == .multi && behov.column == "behov" && behov.text == "Vad behöver bygden?")
        #expect(behov.options == ["Bredband", "Bussar på kvällen", "Närarbetsplats"])
        let tj = try #require(questions["tj"])
        #expect(tj.type == .multi && tj.options == ["Affären", "Vårdcentralen"] && tj.text == "Vilka tjänster använder du?")
        #expect(!draft.survey.questions.contains { ["behov_1", "behov_2", "behov_3", "tj1", "tj2"].contains($0.column) })
        // The compressed file is the same survey.
        let zsav = try SurveyInferrer().infer(path: folder.path("labels.zsav"))
        #expect(zsav.survey.questions == draft.survey.questions)
    }

    /// Imported as the draft says: the long answer whole, the date, a user-missing code as no answer; a file cut
    /// short is refused with what ReadStat said, and the database keeps what it had.
    @Test func importsAndRefusesADamagedFile() throws {
        guard try fixtures() != nil else { return }
        let db = folder.path("k.sqlite")
        func run(_ arguments: [String]) throws -> CLI.Result { try CLI.run(arguments, in: folder.url) }
        let draft = try run(["survey", "infer", folder.path("labels.sav")])
        #expect(draft.status == 0, "\(draft.stderr)")
        let definition = folder.write(
            "labels.survey.yaml", draft.stdout.replacingOccurrences(of: "kind: \"inspel\"", with: "kind: \"privatperson\""))
        #expect(try run(["survey", "add", "--db", db, definition]).status == 0)
        let imported = try run(["import", "--db", db, "--survey", "labels", folder.path("labels.sav")])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("6 added"))
        let export = try run(["export", "--db", db, "--survey", "labels", "--layout", "long", "--format", "json"])
        #expect(export.stdout.contains("\"question\": \"kommentar\", \"column\": \"kommentar\", \"raw\": \"Vi behöver bredband"))
        #expect(export.stdout.contains("\"question\": \"omr\", \"column\": \"omr\", \"raw\": \"Själevad\", \"value\": \"Själevad\""))
        // R3's 98 (Vet ej) and R5's 99 are no answers: four of six answered nojd.
        #expect(export.stdout.components(separatedBy: "\"question\": \"nojd\"").count - 1 == 4)
        // R3 chose Bredband and Bussar på kvällen (behov_1, behov_2), and both services; R5 nothing.
        #expect(
            export.stdout.contains(
                "\"respondent\": \"R3\", \"kind\": \"privatperson\", \"district\": \"\", \"service_town\": \"\", \"wave\": \"\", \"question\": \"behov\", \"column\": \"behov\", \"raw\": \"Bredband;Bussar på kvällen\""
            ))
        #expect(export.stdout.contains("\"question\": \"tj\", \"column\": \"tj\", \"raw\": \"Affären;Vårdcentralen\""))
        let wide = try run(["export", "--db", db, "--survey", "labels"])
        let lines = wide.stdout.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.first == "id,omr,nojd,alder,datum,kommentar,behov,tj")
        #expect(lines.contains("R6,Björna–Långviksmon,4,42.5,2000-02-29,,Bredband;Bussar på kvällen;Närarbetsplats,Affären"))
        #expect(lines.contains("R3,Själevad,,19,2024-12-31,,Bredband;Bussar på kvällen,Affären;Vårdcentralen"))
        // Cut short: refused, nothing changed.
        let whole = try #require(FileManager.default.contents(atPath: folder.path("labels.sav")))
        let cut = folder.write("cut.sav", bytes: [UInt8](whole.prefix(whole.count * 6 / 10)))
        let refused = try run(["import", "--db", db, "--survey", "labels", cut])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("cut.sav") && refused.stderr.contains("ReadStat"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("Fatal error"))
        let after = try run(["export", "--db", db, "--survey", "labels"])
        #expect(after.stdout == wide.stdout)
    }
}

extension StatFileTests {
    /// Found by `make fuzz` (FuzzStat): a date far outside years 1–9999 stopped the process converting it to a day
    /// number. Every reading of the bytes now ends in a draft or a clear error.
    @Test func aDamagedDateEndsInADraftOrAnError() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/stat/fuzz-date-out-of-range.bin")
        let bytes = try Data(contentsOf: fixture)
        for ext in ["sav", "por", "dta"] {
            let path = folder.write("fuzz.\(ext)", bytes: [UInt8](bytes))
            do {
                _ = try SurveyInferrer().infer(path: path)
            } catch let error as ImportError {
                #expect(error.localizedDescription.contains("fuzz.\(ext)"))
            }
        }
    }
}

extension StatFileTests {
    /// `codes:` in a definition: a code cell reads as its option; a code naming no option is refused with the
    /// question and the code named.
    @Test func codesInADefinition() throws {
        let good = folder.write(
            "good.yaml",
            """
            id: s
            title: S
            kind: privatperson
            respondent: { id: id }
            questions:
              - { id: kon, column: kon, type: choice, options: [Kvinna, Man], codes: { "1": Kvinna, "2": Man } }
            """)
        let survey = try DefinitionLoader.survey(at: good)
        let question = try #require(survey.questions.first)
        #expect(question.code(of: "Man") == "2")
        #expect(ValueReader.read("2", as: question) == .success(ValueReader.Typed(text: "Man")))
        #expect(ValueReader.read("Kvinna", as: question) == .success(ValueReader.Typed(text: "Kvinna")))
        let bad = folder.write(
            "bad.yaml", try String(contentsOfFile: good, encoding: .utf8).replacingOccurrences(of: "\"2\": Man", with: "\"2\": Mannen"))
        do {
            _ = try DefinitionLoader.survey(at: bad)
            Issue.record("a code naming no option was accepted")
        } catch {
            #expect(error.localizedDescription.contains("code \"2\" names \"Mannen\", which is not one of its options"), "\(error)")
        }
    }
}
