import Foundation
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningCore
@testable import KartlaggningImport

/// Exports shaped as the tools people use write them — R/SPSS with `NA`, a web form's three header rows, Qualtrics'
/// extra header rows, an agency download with a preamble, `.`/`..` and a footer, a Microsoft Forms workbook — each
/// taken through the first-contact path: infer, add the draft unedited, import.
struct RealExportTests {
    let folder = TemporaryDirectory()

    struct Run {
        var draft: SurveyDraft
        var summary: FileImportSummary
        var store: KartlaggningStore
    }

    /// infer → add → import, as a new user does it.
    func firstContact(
        _ name: String, _ text: String? = nil, registry: DistrictRegistry? = nil, options: ReadOptions = ReadOptions(),
        importOptions: ImportOptions = ImportOptions()
    ) throws -> Run {
        let path = text.map { folder.write(name, $0) } ?? folder.path(name)
        let store = try KartlaggningStore.inMemory()
        if let registry { try store.loadDistricts(registry) }
        let draft = try SurveyInferrer(registry: registry ?? DistrictRegistry(districts: [])).infer(path: path, options: options)
        let definition = folder.write(name + ".yaml", draft.yaml)
        try store.addSurvey(try DefinitionLoader.survey(at: definition))
        var importOptions = importOptions
        importOptions.read = options
        let summary = try Importer(store: store).importFile(at: path, survey: draft.survey.id, options: importOptions)
        return Run(draft: draft, summary: summary, store: store)
    }

    func answers(_ store: KartlaggningStore, survey: String) throws -> [String: [String: StoredAnswer]] {
        var out: [String: [String: StoredAnswer]] = [:]
        try store.forEachRespondent(surveyId: survey) { out[$0.externalId] = $0.answers }
        return out
    }

    /// R's `write.csv`: dotted names, `NA` for no answer — never an answer, an option, a number or free text.
    @Test func rStyleExportWithNA() throws {
        var text = "\"id\",\"Kön\",\"Ålder\",\"Vilken.är.din.högsta.utbildningsnivå.\",\"Antal.barn\"\n"
        let levels = ["Grundskola", "Gymnasium", "Högskola"]
        for i in 1...60 {
            let level = i % 7 == 0 ? "NA" : "\"\(levels[i % 3])\""
            let children = i % 5 == 0 ? "NA" : String(i % 4)
            text += "\(i),\(i % 2 == 0 ? "\"Kvinna\"" : "\"Man\""),\(20 + i),\(level),\(children)\n"
        }
        let run = try firstContact("medborgare.csv", text)
        #expect(run.draft.survey.missing == ["NA"])
        #expect(run.draft.yaml.contains("missing: [\"NA\"]\n"))
        let types = Dictionary(uniqueKeysWithValues: run.draft.survey.questions.map { ($0.column, $0.type) })
        #expect(types["Vilken.är.din.högsta.utbildningsnivå."] == .choice)
        #expect(types["Antal.barn"] == .integer)
        #expect(!types.values.contains(.text))
        #expect(run.draft.survey.questions.first { $0.column.hasPrefix("Vilken") }?.options?.contains("NA") == false)
        #expect(run.summary.status == .imported, "\(run.summary.errors)")
        let stored = try answers(run.store, survey: run.draft.survey.id)
        #expect(stored.count == 60)
        #expect(stored.values.flatMap(\.values).allSatisfy { $0.raw != "NA" })
        #expect(stored["7"]?.values.contains { $0.raw == "NA" } == false)
        #expect(try run.store.status().freeTextAnswers == 0)
    }

    /// A web form's export: a title row, a group row of mostly empty cells, then the questions.
    @Test func threeHeaderRowsAreFoundAndKept() throws {
        let text = """
            Medborgarundersökning 2025;;;;
            ;Om dig;;Service;
            Svars-ID;Ålder;Kön;Hur nöjd är du med bussen? (1-5);Kommentar
            1;34;Kvinna;4;Bra turer
            2;58;Man;2;För få turer på kvällen
            3;41;Kvinna;3;
            4;23;Man;5;
            """
        let run = try firstContact("webbform.csv", text)
        #expect(run.draft.survey.headerRow == 3)
        #expect(run.draft.survey.questions.map(\.column) == ["Ålder", "Kön", "Hur nöjd är du med bussen? (1-5)", "Kommentar"])
        #expect(run.draft.notes.contains { $0.hasPrefix("the header is on line 3") })
        #expect(run.summary.status == .imported)
        #expect(run.summary.counts.added == 4)
        // The definition keeps the shape: a second import needs no flag, and errors count lines as the file does.
        let bad = folder.write("webbform2.csv", text.replacingOccurrences(of: "3;41;Kvinna;3;", with: "3;41;Kvinna;9;"))
        let summary = try Importer(store: run.store).importFile(at: bad, survey: run.draft.survey.id)
        #expect(
            summary.errors.map { $0.formatted(file: summary.rowLocation) } == [
                "\(bad):6: column \"Hur nöjd är du med bussen? (1-5)\": 9 is outside the scale 1–5"
            ])
    }

    /// Qualtrics writes the question texts and an ImportId row under the header: not respondents.
    @Test func qualtricsExtraHeaderRowsAreSkipped() throws {
        var text = "StartDate,EndDate,ResponseId,Q1,Q2,LocationLatitude\n"
        text += "Start Date,End Date,Response ID,Hur nöjd är du? (1-5),Var bor du?,Location Latitude\n"
        text +=
            #""{""ImportId"":""startDate"",""timeZone"":""Europe/Stockholm""}","{""ImportId"":""endDate""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2""}","{""ImportId"":""locationLatitude""}""#
        text += "\n"
        let places = ["Bjästa", "Husum", "Bredbyn"]
        for i in 1...12 {
            text += "2025-03-\(10 + i) 10:00:00,2025-03-\(10 + i) 10:05:00,R_\(i)x,\(i % 5 + 1),\(places[i % 3]),47.1150\(i)7\n"
        }
        let run = try firstContact("qualtrics.csv", text, registry: StoreFixtures.districts)
        #expect(run.draft.survey.skipAfterHeader == 2)
        #expect(run.draft.survey.respondent.district == "Q2")
        let latitude = run.draft.survey.questions.first { $0.column == "LocationLatitude" }
        #expect(latitude?.type == .decimal)
        #expect(run.summary.status == .imported, "\(run.summary.errors) \(run.summary.fileError ?? "")")
        #expect(run.summary.counts.added == 12)
        let stored = try answers(run.store, survey: run.draft.survey.id)
        #expect(run.draft.survey.respondent.id == "ResponseId")
        #expect(stored["R_1x"]?["locationlatitude"]?.valueNumber == 47.115017)
    }

    /// An agency download: a preamble, the header on line 6, `.` and `..` for missing and suppressed counts, a prose
    /// footer after a blank line. Nothing to cut by hand.
    @Test func agencyDownloadWithPreambleTokensAndFooter() throws {
        var lines = [
            "Befolkning efter område och år", "Antal personer", "", "Källa: SCB", "", "Område;Kön;2023;2024",
        ]
        let areas = ["Anundsjö", "Nätra", "Grundsunda", "BLT"]
        for (i, area) in areas.enumerated() {
            lines.append("\(area);kvinnor;\(1200 + i);\(i == 2 ? ".." : String(1210 + i))")
            lines.append("\(area);män;\(i == 1 ? "." : String(1300 + i));\(1310 + i)")
        }
        lines += ["", "Källa: Statistiska centralbyrån, befolkningsstatistik.", "Anm. Uppgifterna avser 31 december.", ""]
        let run = try firstContact("scb.csv", lines.joined(separator: "\n"), registry: StoreFixtures.districts)
        #expect(run.draft.survey.headerRow == 6)
        #expect(Set(run.draft.survey.missing ?? []) == [".", ".."])
        #expect(run.draft.survey.questions.filter { ["2023", "2024"].contains($0.column) }.map(\.type) == [.integer, .integer])
        #expect(run.summary.status == .imported, "\(run.summary.errors)")
        #expect(run.summary.counts.rows == 8)
        #expect(
            run.summary.warnings.contains(
                "the data ends before line 16: 2 lines of prose after it (a footer: \"Källa: Statistiska centralbyrån, befolkningsstatistik.\") were skipped"
            ))
    }

    /// A column-shifted row (an unquoted `;` in a text cell) is an error naming its line; the age band it moves into
    /// a scale column is never a scale value, and infer keeps the column a scale.
    @Test func shiftedRowsAndRangeLabels() throws {
        var text = "Id;Kommentar;Åldersgrupp;Betyg (1-5);Ja eller nej\n"
        let bands = ["15-24", "25-34", "35-44", "45-54", "55-64", "65+"]
        for i in 1...120 { text += "\(i);;\(bands[i % 6]);\(i % 5 + 1);\(i % 2 == 0 ? "Ja" : "Nej")\n" }
        text += "121;Bra; men dyrt;55-64;4;Nej\n"
        let run = try firstContact("skift.csv", text)
        let scale = run.draft.survey.questions.first { $0.column == "Betyg (1-5)" }
        #expect(scale?.type == .scale)
        #expect(run.draft.notes.contains { $0.contains("line 122") })
        #expect(run.draft.survey.questions.first { $0.column == "Åldersgrupp" }?.options == bands)
        #expect(run.summary.status == .failed)
        #expect(
            run.summary.errors.map { $0.formatted(file: "skift.csv") }.contains {
                $0.hasPrefix("skift.csv:122: the row's values from column \"Åldersgrupp\" on look shifted 1 column to the right")
            })
        #expect(SwedishValues.scalePoint("55-64") == nil)
        #expect(SwedishValues.scalePoint("47.115097") == nil)
        #expect(SwedishValues.scalePoint("4 - Ganska nöjd") == 4)
    }

    @Test func naturalOptionOrder() {
        #expect(
            OptionOrder.natural(["25-34", "45-54", "65+", "35-44", "15-24", "55-64"], counts: [:]) == [
                "15-24", "25-34", "35-44", "45-54", "55-64", "65+",
            ])
        #expect(
            OptionOrder.natural(["65 år eller äldre", "Under 18 år", "18–29 år", "Vill ej uppge", "30–64 år"], counts: [:]) == [
                "Under 18 år", "18–29 år", "30–64 år", "65 år eller äldre", "Vill ej uppge",
            ])
        #expect(
            OptionOrder.natural(["Ganska nöjd", "Mycket missnöjd", "Vet ej", "Mycket nöjd", "Ganska missnöjd"], counts: [:]) == [
                "Mycket nöjd", "Ganska nöjd", "Ganska missnöjd", "Mycket missnöjd", "Vet ej",
            ])
        #expect(OptionOrder.natural(["Nej", "Vet ej", "Ja"], counts: [:]) == ["Ja", "Nej", "Vet ej"])
        #expect(OptionOrder.natural(["Buss", "Bil", "Cykel"], counts: ["Buss": 3, "Bil": 9, "Cykel": 3]) == ["Bil", "Buss", "Cykel"])
    }

    /// `Var bor du?` with 43 areas and no registry: mapped as the district column, with the command that drafts the
    /// registry; with a registry, one stray value does not drop the mapping.
    @Test func areaColumnsAreFound() throws {
        var text = "Svar;Var bor du?;Betyg (1-5)\n"
        for i in 1...215 { text += "\(i);By \(i % 43 + 1);\(i % 5 + 1)\n" }
        let path = folder.write("omraden.csv", text)
        let draft = try SurveyInferrer().infer(path: path)
        #expect(draft.survey.respondent.district == "Var bor du?")
        #expect(draft.notes.contains { $0.contains("\(Remedy.inferDistrictsFrom(file: path, column: "Var bor du?", sheet: nil))") })
        let registry = try DistrictDraft.infer(path: path, column: "Var bor du?")
        #expect(registry.districts.count == 43)
        #expect(registry.yaml.contains("  - name: \"By 1\"  # 5 rows\n"))
        let loaded = try DefinitionLoader.districts(at: folder.write("d.yaml", registry.yaml))
        #expect(loaded.districts.count == 43)

        var stray = "Nr;Område;Betyg (1-5)\n"
        let names = ["Nätra", "Bjästa", "Anundsjö", "Husum", "BLT"]
        for i in 1...200 { stray += "\(i);\(names[i % 5]);3\n" }
        stray += "201;Okänd by;2\n"
        let run = try firstContact("stray.csv", stray, registry: StoreFixtures.districts)
        #expect(run.draft.survey.respondent.district == "Område")
        #expect(run.draft.notes.contains { $0.contains("\"Okänd by\" (1 row) is not a district in the registry") })
    }

    /// Unknown area names are said once each, with how many rows have them.
    @Test func unknownDistrictsAreSummarisedOnce() throws {
        var text = "Nr;Område;Betyg (1-5)\n"
        for i in 1...30 { text += "\(i);\(i % 3 == 0 ? "Sidensjö" : "Nätra");3\n" }
        let store = try KartlaggningStore.inMemory()
        try store.loadDistricts(StoreFixtures.districts)
        try store.addSurvey(
            SurveyDefinition(
                id: "s", title: "s", kind: "inspel", respondent: RespondentMapping(id: "Nr", district: "Område"),
                questions: [Question(id: "b", column: "Betyg (1-5)", type: .scale, scale: ScaleRange(min: 1, max: 5))]))
        let summary = try Importer(store: store).importFile(at: folder.write("o.csv", text), survey: "s")
        #expect(summary.errorCount == 10)
        #expect(summary.errors.count == 1)
        #expect(
            summary.errors.first?.message
                == "\"Sidensjö\" is not a district or service town in the district registry — 10 rows (lines 4, 7, 10, …); add it as an alias in the registry, or fix the rows"
        )
    }

    /// Place names that differ only in å, ä or ö are different places.
    @Test func placeNamesKeepTheirLetters() throws {
        let registry = DistrictRegistry(districts: [
            District(name: "Åsa"), District(name: "Asa"), District(name: "Mora"), District(name: "Möra"),
        ])
        #expect(registry.conflicts().isEmpty)
        #expect(registry.resolve("ÅSA")?.district == "Åsa")
        #expect(registry.resolve("asa")?.district == "Asa")
        #expect(registry.resolve("möra ")?.district == "Möra")
        #expect(MatchKey.place("Björna - Långviksmon") == MatchKey.place("björna–långviksmon"))
    }

    /// Decimal point or comma is the column's: `1,234` in a point column is 1234, in a comma column 1.234.
    @Test func decimalMarkPerColumn() throws {
        var text = "Id;Lat;Belopp\n"
        for i in 1...20 { text += "\(i);62.\(100 + i);\(i),5\n" }
        text += "21;62.5;1 234,5\n"
        let run = try firstContact("tal.csv", text)
        let marks = run.draft.survey.questions.map(\.decimalMark)
        #expect(marks == [".", ","])
        #expect(SwedishValues.decimal("1,234", mark: ".") == 1234)
        #expect(SwedishValues.decimal("1,234", mark: ",") == 1.234)
        #expect(SwedishValues.decimal("1.234,5", mark: ",") == 1234.5)
        #expect(run.summary.status == .imported)
    }

    /// The export most teams get: a Microsoft Forms workbook — ID, start and completion times as Excel dates, one
    /// column per question headed by its text, multiple choices in one cell separated by `;`.
    @Test func microsoftFormsWorkbook() throws {
        let path = folder.path("forms.xlsx")
        try SampleWorkbook.microsoftForms(at: path, rows: 40)
        let run = try firstContact("forms.xlsx", registry: StoreFixtures.districts)
        #expect(run.draft.readWith == "xlsx, sheet Form1")
        let byColumn = Dictionary(uniqueKeysWithValues: run.draft.survey.questions.map { ($0.column, $0) })
        #expect(byColumn["Starttid"]?.type == .date)
        #expect(byColumn["Vilka tjänster saknar du i bygden?"]?.type == .multi)
        #expect(run.draft.survey.respondent.district == "Var bor du?")
        #expect(run.summary.status == .imported, "\(run.summary.errors) \(run.summary.fileError ?? "")")
        #expect(run.summary.counts.added == 40)
        #expect(run.summary.sheet == "Form1")
        // An error names the sheet and its row.
        var definition = run.draft.survey
        definition.id = "strikt"
        definition.questions = definition.questions.map { question in
            var question = question
            if question.type == .scale { question.scale = ScaleRange(min: 1, max: 2) }
            return question
        }
        try run.store.addSurvey(definition)
        let summary = try Importer(store: run.store).importFile(at: path, survey: "strikt")
        #expect(summary.errors.first.map { $0.formatted(file: summary.rowLocation) }?.hasPrefix("\(path):Form1!") == true)
    }

    /// The sample workbook was written by openpyxl (inline strings, no shared-strings part): a second producer.
    @Test func theSampleWorkbookFromASecondProducer() throws {
        let store = try KartlaggningStore.inMemory()
        try store.loadDistricts(StoreFixtures.districts)
        try store.addSurvey(try DefinitionLoader.survey(at: Paths.sample("boende-forms-2025.survey.yaml")))
        let summary = try Importer(store: store).importFile(at: Paths.sample("boende-forms-2025.xlsx"), survey: "boende-forms-2025")
        #expect(summary.status == .imported, "\(summary.errors) \(summary.fileError ?? "")")
        #expect(summary.counts.added == 60)
        var first: StoredRespondent?
        try store.forEachRespondent(surveyId: "boende-forms-2025") { if $0.externalId == "1" { first = $0 } }
        #expect(first?.district == "BLT")
        #expect(first?.serviceTown == "Björna")
        #expect(first?.fields.date == "2025-05-05")
        #expect(first?.answers["tjanster"]?.valueText == "[\"Barnomsorg\"]")
        #expect(first?.answers["alder"]?.valueText == "15-24")
        #expect(first?.answers["bredband_hemma"]?.valueText == "ja")
        #expect(first?.answers["nojd_bygd"]?.valueNumber == 4)
    }

    /// A definition whose `questions:` is empty says so in words.
    @Test func aDefinitionWithoutQuestionsSaysSo() throws {
        let path = folder.write("tom.yaml", "id: tom\ntitle: Tom\nkind: inspel\nrespondent:\n  id: Nr\nquestions:\n")
        #expect(
            throws: ImportError.definition(
                file: path, line: nil,
                message: "questions: expected a list (`- …` items, or [] for none), found nothing — the survey lists no questions")
        ) {
            try DefinitionLoader.survey(at: path)
        }
        let empty = folder.write("tom2.yaml", "id: tom\ntitle: Tom\nkind: inspel\nrespondent:\n  id: Nr\nquestions: []\n")
        #expect(throws: ImportError.self) { try DefinitionLoader.survey(at: empty) }
    }

    /// A definition that does not know of a preamble: the error names the line the header is on, and the fix.
    @Test func aHeaderFurtherDownIsNamedWithTheFix() throws {
        let store = try KartlaggningStore.inMemory()
        try store.addSurvey(
            SurveyDefinition(
                id: "h", title: "h", kind: "inspel", respondent: RespondentMapping(id: "Nr"),
                questions: [Question(id: "b", column: "Betyg (1-5)", type: .scale, scale: ScaleRange(min: 1, max: 5))]))
        let path = folder.write("h.csv", "Enkät om bygden\n\nNr;Betyg (1-5)\n1;4\n")
        let summary = try Importer(store: store).importFile(at: path, survey: "h")
        #expect(summary.status == .failed)
        #expect(
            summary.fileError
                == "\(path):3: the survey's columns are in this row, not in the one on line 1: set `header_row: 3` in the survey definition (or pass \(Remedy.headerRow(3)) for this import)"
        )
        #expect(
            try Importer(store: store).importFile(at: path, survey: "h", options: ImportOptions(read: ReadOptions(headerRow: 3))).status
                == .imported)
    }

    /// SurveyMonkey's two header rows: the question over its options, "Response" under single-answer questions.
    @Test func surveyMonkeysSecondHeaderRow() throws {
        var text = "Respondent ID,Start Date,Hur nöjd är du? (1-5),Vilka tjänster använder du?,,\n"
        text += ",,Response,Bibliotek,Vårdcentral,Bussen\n"
        for i in 1...10 {
            text += "11\(i),2025-03-\(10 + i),\(i % 5 + 1),\(i % 2 == 0 ? "Bibliotek" : ""),Vårdcentral,\(i % 3 == 0 ? "Bussen" : "")\n"
        }
        let run = try firstContact("monkey.csv", text)
        #expect(run.draft.survey.skipAfterHeader == 1)
        #expect(
            run.draft.survey.questions.map(\.column) == [
                "Start Date", "Hur nöjd är du? (1-5)", "Vilka tjänster använder du?: Bibliotek", "Vilka tjänster använder du?: Vårdcentral",
                "Vilka tjänster använder du?: Bussen",
            ])
        #expect(run.summary.status == .imported, "\(run.summary.errors)")
        #expect(run.summary.counts.added == 10)
    }

    /// One odd answer in the first row ("Vet ej" where the rest are numbers) is a respondent, not more header.
    @Test func anOddFirstAnswerIsStillARespondent() throws {
        var text = "Id;Ålder;Betyg (1-5)\n1;Vet ej;3\n"
        for i in 2...30 { text += "\(i);\(20 + i);\(i % 5 + 1)\n" }
        let run = try firstContact("udda.csv", text)
        #expect(run.draft.survey.skipAfterHeader == nil)
        #expect(run.draft.survey.headerRow == nil)
    }
}
