import Foundation
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningCore
@testable import KartlaggningImport

struct InferTests {
    /// What a value reads as (`ValueReading`, kept per distinct short value by a column's profile): each parser's answer.
    @Test func aValueReadsAsTheParsersSay() {
        let code = ValueReading("0640")
        #expect(code.whole == 640 && code.zeroLed && code.zeroLedDigits && !code.booleanWord)
        let share = ValueReading("1,5")
        #expect(share.whole == nil && share.decimal && share.decimalMark == "," && share.scalePoint == nil)
        let yes = ValueReading("Ja")
        #expect(yes.boolean && yes.booleanWord && yes.whole == nil && !yes.decimal)
        let one = ValueReading("1")
        #expect(one.boolean && !one.booleanWord && one.whole == 1 && one.scalePoint == 1)
        let labelled = ValueReading("4 - Ganska nöjd")
        #expect(labelled.scalePoint == 4 && labelled.whole == nil)
        #expect(ValueReading("anna.berg@exempel.se").contact && ValueReading("2025-03-01").date)
        #expect(ValueReading("Bredband;Lokaler").semicolon && ValueReading("rad ett\nrad två").breaks)
        #expect(ValueReading("Åsa").length == 3)
    }

    /// A profile reads each repeated value once, and what one value does to the column still follows the values
    /// before it: decimals read as such until a code with a leading zero turns them into codes.
    @Test func aProfileOfRepeatedValuesKeepsTheColumnsOrder() {
        var profile = ColumnProfile(name: "Andel", trackUniqueness: false, trackPlaces: false)
        for line in 2..<102 { profile.add(line % 2 == 0 ? "1,5" : "2,5", line: line) }
        #expect(profile.decimal.misfits == 0 && profile.commaDecimals == 100 && profile.integer.misfits == 100)
        profile.add("0640", line: 102)
        for line in 103..<106 { profile.add("1,5", line: line) }
        #expect(profile.leadingZero && profile.decimal.misfits == 4 && profile.commaDecimals == 100)
        #expect(profile.decimal.examples.map(\.line) == [102, 103, 104, 105])
    }

    static func draft(_ sample: String) throws -> SurveyDraft {
        try SurveyInferrer(registry: StoreFixtures.districts).infer(path: Paths.sample(sample))
    }

    @Test func companyInterviews() throws {
        let survey = try Self.draft("foretag-2025.csv").survey
        #expect(survey.id == "foretag-2025")
        #expect(survey.kind == "företag")
        #expect(
            survey.respondent
                == RespondentMapping(
                    id: "Nr", district: "Område", serviceTown: "Serviceort", organisation: "Företag", interviewer: "Intervjuare",
                    date: "Datum"))
        #expect(survey.questions.map(\.type) == [.choice, .integer, .scale, .multi, .boolean, .text, .text])
        #expect(survey.questions[2].scale == ScaleRange(min: 1, max: 5))
        #expect(survey.questions[3].options == ["Bredband", "Kompetens", "Kollektivtrafik", "Lokaler", "Närarbetsplats"])
        #expect(
            survey.questions.map(\.id) == [
                "bransch", "antal_anstallda", "nojd_med_bredband_1_5", "behov", "samverkar_med_foreningar", "utmaningar",
                "ideer_for_bygden",
            ])
    }

    @Test func associationsInWindows1252() throws {
        let draft = try Self.draft("forening-2025.csv")
        #expect(draft.readWith == "csv, windows-1252, delimiter ;")
        #expect(draft.survey.respondent.organisation == "Förening")
        #expect(draft.survey.questions.first { $0.column == "Ekonomi (1-5)" }?.type == .scale)
        #expect(draft.survey.questions.first { $0.column == "Typ av förening" }?.type == .choice)
    }

    @Test func thematicGroupJSONWithDefaults() throws {
        let survey = try Self.draft("tema-nararbetsplatser-bjasta.json").survey
        #expect(survey.respondent.id == "id")
        #expect(survey.respondent.date == "mote.datum")
        #expect(survey.respondent.district == "mote.omrade")
        #expect(survey.respondent.serviceTown == "mote.serviceort")
        #expect(survey.kind == "temagrupp")
    }

    /// infer → add → import works on every sample without hand edits, and export gives the same table back.
    @Test(arguments: ["foretag-2025.csv", "forening-2025.csv", "inspel-2025.csv", "tema-foreningsliv-bredbyn.json"])
    func inferredDraftImportsItsFile(sample: String) throws {
        let store = try KartlaggningStore.inMemory()
        try store.loadDistricts(StoreFixtures.districts)
        let draft = try Self.draft(sample)
        let folder = TemporaryDirectory()
        let yaml = folder.write("draft.yaml", draft.yaml)
        let reread = try DefinitionLoader.survey(at: yaml)
        #expect(reread == draft.survey, "the YAML says what the draft holds")
        try store.addSurvey(reread)
        let summary = try Importer(store: store).importFile(at: Paths.sample(sample), survey: reread.id)
        #expect(summary.status == .imported, "\(summary.errors.map { $0.formatted(file: sample) }) \(summary.fileError ?? "")")
        #expect(summary.rejected == 0)
        #expect(summary.added == summary.rows)
    }

    /// A Microsoft Forms-style export: BOM, times with dates, a district question worded as a question, labelled
    /// scale answers, decimal commas, empty trailing columns.
    @Test func unseenFormsExport() throws {
        let text =
            "\u{FEFF}ID;Starttid;E-post;Vilket område bor du i?;Hur nöjd är du med servicen? ;Antal timmar (ca);;\r\n"
            + "1;2025-04-10 10:23:45;anonym;Nätra;5 - Mycket nöjd;2,5;;\r\n"
            + "2;2025-04-10 11:02:10;anonym;Anundsjö;3 - Varken eller;10;;\r\n"
            + "3;2025-04-11 08:15:00;anonym;Bjästa;3 - Varken eller;0,5;;\r\n"
        let folder = TemporaryDirectory()
        let path = folder.write("forms.csv", text)
        let draft = try SurveyInferrer(registry: StoreFixtures.districts).infer(path: path)
        #expect(draft.survey.respondent.id == "ID")
        #expect(draft.survey.respondent.district == "Vilket område bor du i?")
        #expect(draft.survey.questions.map(\.type) == [.date, .choice, .scale, .decimal])
        #expect(draft.survey.questions[2].scale == ScaleRange(min: 1, max: 5))
        #expect(draft.notes.contains("column 7 has no header and is left out"))
        let store = try KartlaggningStore.inMemory()
        try store.loadDistricts(StoreFixtures.districts)
        try store.addSurvey(try DefinitionLoader.survey(at: folder.write("forms.yaml", draft.yaml)))
        let summary = try Importer(store: store).importFile(at: path, survey: "forms")
        #expect(summary.counts == ImportCounts(rows: 3, added: 3))
        var towns: [String?] = []
        try store.forEachRespondent(surveyId: "forms") { towns.append($0.serviceTown) }
        #expect(towns == [nil, nil, "Bjästa"])
    }

    @Test func scaleRangeFromHeader() {
        #expect(SurveyInferrer.scaleRange(in: "Nöjd med bredband (1-5)") == ScaleRange(min: 1, max: 5))
        #expect(SurveyInferrer.scaleRange(in: "Betyg 0–10") == ScaleRange(min: 0, max: 10))
        #expect(SurveyInferrer.scaleRange(in: "Antal anställda") == nil)
    }

    @Test func slugs() {
        #expect(SurveyInferrer.slug("Nöjd med bredband (1-5)", separator: "_") == "nojd_med_bredband_1_5")
        #expect(SurveyInferrer.slug("Företag 2025.csv", separator: "-") == "foretag-2025-csv")
    }
}

/// The title a draft proposes from the file's name: what tools add for the file's sake dropped, the form's name kept.
@Suite struct SurveyTitleTests {
    @Test func formToolsFileNames() {
        #expect(SurveyTitle.fromFileName("Meeting_Form_-_latest_version_-_False_-_2024-03-14-09-51-14") == "Meeting Form")
        #expect(SurveyTitle.fromFileName("Inventory_Form_-_all_versions_-_labels_-_2024-03-14-13-55-08") == "Inventory Form")
        #expect(SurveyTitle.fromFileName("results-survey54231") == "Survey 54231")
        #expect(SurveyTitle.fromFileName("data-raw_utf8") == "Data")
        #expect(SurveyTitle.fromFileName("boendeenkat_2025_export_20250601_1230") == "Boendeenkat 2025")
        #expect(SurveyTitle.fromFileName("grundskolan-2009") == "Grundskolan 2009")
        #expect(SurveyTitle.fromFileName("Personality and Music Preferences") == "Personality and Music Preferences")
        #expect(SurveyTitle.fromFileName("Björna-Långviksmon enkät v2") == "Björna-Långviksmon enkät")
        #expect(SurveyTitle.fromFileName("utf8") == "Utf8")
    }

    /// A sheet named after the form is its title; the names every sheet gets are not.
    @Test func sheetNames() {
        #expect(SurveyTitle.fromSheet("Artifact Evaluation Survey") == "Artifact Evaluation Survey")
        #expect(SurveyTitle.fromSheet("Meeting Form") == "Meeting Form")
        for generic in ["Sheet1", "Blad1", "Form Responses 1", "Formulärsvar 1", "Data", "  ", "Tabelle2"] {
            #expect(SurveyTitle.fromSheet(generic) == nil, "\(generic)")
        }
    }

    /// Drafts of the real exports: a Kobo or LimeSurvey workbook's sheet is its form's name; Google's is generic.
    @Test func realExportsTitles() throws {
        let folder = Paths.conformance.appendingPathComponent("real-exports").path
        guard FileManager.default.fileExists(atPath: folder) else {
            print("skipped: \(folder) is absent")
            return
        }
        let expected = [
            "limesurvey-xlsx/results-survey54231.xlsx": "Artifact Evaluation Survey",
            "kobo-xlsx/Meeting_Form_-_latest_version_-_False_-_2024-03-14-09-51-14.xlsx": "Meeting Form",
            "google-forms-xlsx/Personality and Music Preferences.xlsx": "Personality and Music Preferences",
        ]
        for (file, title) in expected {
            let draft = try SurveyInferrer().infer(path: folder + "/" + file)
            #expect(draft.survey.title == title, "\(file)")
        }
    }
}
