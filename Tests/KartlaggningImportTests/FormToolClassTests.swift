import Foundation
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningCore
@testable import KartlaggningImport

/// One fixture per class of export that first contact must read with no edits (#21), written the way the tools write
/// them, plus the rules each class rests on.
struct FormToolClassTests {
    let folder = TemporaryDirectory()

    func firstContact(_ name: String, _ text: String) throws -> (draft: SurveyDraft, summary: FileImportSummary, store: KartlaggningStore) {
        let path = folder.write(name, text)
        let store = try KartlaggningStore.inMemory()
        try store.loadDistricts(StoreFixtures.districts)
        let draft = try SurveyInferrer().infer(path: path)
        try store.addSurvey(try DefinitionLoader.survey(at: folder.write(name + ".yaml", draft.yaml)))
        let summary = try Importer(store: store).importFile(at: path, survey: draft.survey.id)
        return (draft, summary, store)
    }

    // MARK: - Repeated and two-row headers

    @Test func repeatedShortLabelsAreNamedByTheQuestionBefore() {
        let (names, notes) = HeaderNames.distinct([
            "Id", "Hur nöjd är du med bussen?", "Motivering", "Hur nöjd är du med tåget?", "Motivering",
        ])
        #expect(
            names == [
                "Id", "Hur nöjd är du med bussen?", "Hur nöjd är du med bussen?: Motivering", "Hur nöjd är du med tåget?",
                "Hur nöjd är du med tåget?: Motivering",
            ])
        #expect(notes.count == 1)
    }

    @Test func repeatedTitlesAreNamedByColumn() {
        // Two titles that differ only by trailing spaces; a name after nothing.
        let (names, _) = HeaderNames.distinct(["id", "Vad tycker du om service i din by?", "Vad tycker du om service i din by? ", "id"])
        #expect(names == ["id", "Vad tycker du om service i din by?", "Vad tycker du om service i din by? (column 3)", "id (column 4)"])
    }

    @Test func twoRowHeaderJoinsOptionsToTheirQuestion() {
        let joined = HeaderNames.join(
            ["Respondent ID", "Vilka tjänster använder du?", "", "", "Kön"],
            sub: ["", "Bibliotek", "Vårdcentral", "Other (please specify)", "Response"])
        #expect(
            joined == [
                "Respondent ID", "Vilka tjänster använder du?: Bibliotek", "Vilka tjänster använder du?: Vårdcentral",
                "Vilka tjänster använder du?: Other (please specify)", "Kön",
            ])
    }

    /// SurveyMonkey's classic export: questions in row 1, options and `Response` in row 2, a single-column question's
    /// text repeated in row 2.
    @Test func surveyMonkeyClassicExportImports() throws {
        var text = "Respondent ID,Start Date,Vilka tjänster använder du?,,,Boendeform,Övrigt,Other (please specify)\n"
        text += ",,Bibliotek,Vårdcentral,Other (please specify),Response,Övrigt,Other (please specify)\n"
        for i in 1...12 {
            text +=
                "\(1000 + i),2025-03-\(10 + i) 10:00:00,\(i % 2 == 0 ? "Bibliotek" : ""),\(i % 3 == 0 ? "Vårdcentral" : ""),"
                + "\(i == 5 ? "Simhall" : ""),\(i % 2 == 0 ? "Villa" : "Lägenhet"),,\(i == 7 ? "Bättre buss" : "")\n"
        }
        let run = try firstContact("monkey.csv", text)
        #expect(run.draft.survey.skipAfterHeader == 1)
        let columns = run.draft.survey.questions.map(\.column)
        #expect(columns.contains("Vilka tjänster använder du?: Vårdcentral"))
        #expect(columns.contains("Boendeform"))
        // Two single-column questions whose text row 2 repeats.
        #expect(columns.contains("Övrigt") && columns.contains("Other (please specify)"))
        #expect(run.draft.survey.technical == ["Start Date"])
        #expect(run.summary.status == .imported, "\(run.summary.errors)")
        #expect(run.summary.counts.added == 12)
    }

    // MARK: - Qualtrics at any number of responses

    @Test(arguments: [1, 2, 30])
    func qualtricsImportIdRowAtAnyCount(responses: Int) throws {
        var text = "StartDate,IPAddress,ResponseId,Q1,Q2\nStart Date,IP Address,Response ID,Hur nöjd är du? (1-5),Kommentar\n"
        text +=
            #""{""ImportId"":""startDate""}","{""ImportId"":""ipAddress""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}""#
            + "\n"
        for i in 1...responses { text += "2025-03-01 10:00:00,10.0.0.\(i),R_\(i),\(i % 5 + 1),Bra\n" }
        let run = try firstContact("qualtrics.csv", text)
        #expect(run.draft.survey.skipAfterHeader == 2)
        #expect(run.summary.counts.added == responses)
        #expect(run.draft.survey.technical?.contains("IPAddress") == true)
    }

    // MARK: - Footers by shape

    @Test func agencyFooterWithoutAFooterWord() throws {
        var text = "Område;Kön;2023;2024\n"
        for i in 1...10 { text += "Område \(i);Kvinnor;\(100 + i);\(110 + i)\n" }
        text += "\nRapportbeskrivning och definitioner\nUppgifterna avser 31 december.\n"
        let run = try firstContact("agency.csv", text)
        #expect(run.summary.status == .imported, "\(run.summary.errors)")
        #expect(run.summary.counts.added == 10)
        #expect(run.draft.notes.contains { $0.contains("a footer: \"Rapportbeskrivning och definitioner\"") })
    }

    // MARK: - Numbers as spreadsheets write them

    @Test func googleSheetsWholeNumbersAndNamedScale() throws {
        var text = "Tidstämpel,Hur nöjd är du med bygden? Svara på en skala mellan 1 och 6 där 1=Inte alls och 6=Mycket,Antal barn\n"
        for i in 1...20 { text += "2025-04-0\(i % 9 + 1) 12:00:00,\(Double(i % 6 + 1)),\(i % 4).0\n" }
        let run = try firstContact("google.csv", text)
        let questions = Dictionary(uniqueKeysWithValues: run.draft.survey.questions.map { ($0.column, $0) })
        let rating = questions.first { $0.key.hasPrefix("Hur nöjd") }?.value
        #expect(rating?.type == .scale)
        #expect(rating?.scale == ScaleRange(min: 1, max: 6))
        #expect(questions["Antal barn"]?.type == .integer)
        #expect(run.summary.status == .imported, "\(run.summary.errors)")
    }

    @Test func ratingBatteryIsAScale() throws {
        var text = "Id;Trygghet;Service;Natur;Kultur;Antal anställda\n"
        for i in 1...30 { text += "\(i);\(i % 15);\((i * 3) % 15);\((i * 7) % 14);\((i * 5) % 15);\(i % 9)\n" }
        let run = try firstContact("battery.csv", text)
        let types = Dictionary(uniqueKeysWithValues: run.draft.survey.questions.map { ($0.column, ($0.type, $0.scale)) })
        for item in ["Trygghet", "Service", "Natur", "Kultur"] {
            #expect(types[item]?.0 == .scale)
            #expect(types[item]?.1 == ScaleRange(min: 0, max: 14))
        }
        #expect(types["Antal anställda"]?.0 == .integer)
    }

    /// Words are whole words or stems: a question about `barnomsorgen` or `arbetet` asks for a rating, not a count.
    @Test(arguments: [
        ("Hur nöjd är du med barnomsorgen?", true), ("Hur nöjd är du med arbetet?", true), ("Nöjdhet med vården", true),
        ("Antal barn", false), ("Hur många år har du bott här?", false), ("Hur nöjd är du, i kronor?", false),
    ])
    func ratingHeaders(header: String, rating: Bool) {
        var profile = ColumnProfile(name: header, trackUniqueness: false, trackPlaces: false)
        for value in ["1", "3", "5", "4", "2"] { profile.add(value, line: 2) }
        #expect((SurveyInferrer.ratingRange(of: profile) != nil) == rating)
    }

    // MARK: - Checkbox answers

    @Test func checkboxOptionsKeepTheirCommas() {
        let options = ["Jordbruk, skog, fiske", "Handel", "Turism"]
        #expect(
            CheckboxAnswers.split("Jordbruk, skog, fiske, Turism", separator: ", ", options: options) == [
                "Jordbruk, skog, fiske", "Turism",
            ])
        #expect(
            CheckboxAnswers.split("Handel, Jordbruk, skog, fiske", separator: ", ", options: options) == [
                "Handel", "Jordbruk, skog, fiske",
            ])
        #expect(CheckboxAnswers.split("Handel;Turism", separator: ";", options: options) == ["Handel", "Turism"])
    }

    @Test func googleFormsCheckboxQuestion() throws {
        let answers = [
            "Jordbruk, skog, fiske", "Handel", "Turism", "Jordbruk, skog, fiske, Turism", "Handel, Turism", "Turism",
            "Handel, Jordbruk, skog, fiske", "Handel", "Jordbruk, skog, fiske", "Turism, Handel",
        ]
        var text = "Tidstämpel,Vilka näringar finns i din by?\n"
        for (i, answer) in answers.enumerated() { text += "2025-05-0\(i % 9 + 1) 09:00:00,\"\(answer)\"\n" }
        let run = try firstContact("forms.csv", text)
        let question = run.draft.survey.questions.first { $0.column == "Vilka näringar finns i din by?" }
        #expect(question?.type == .multi)
        #expect(Set(question?.options ?? []) == ["Jordbruk, skog, fiske", "Handel", "Turism"])
        #expect(run.summary.status == .imported, "\(run.summary.errors)")
        var stored: [String] = []
        try run.store.forEachRespondent(surveyId: run.draft.survey.id) { respondent in
            if respondent.externalId == "4", let answer = respondent.answers[question?.id ?? ""] { stored.append(answer.valueText ?? "") }
        }
        #expect(stored == [#"["Jordbruk, skog, fiske","Turism"]"#])
    }

    /// Free text with commas is no checkbox question: its "options" would be sentences nobody wrote alone.
    @Test func freeTextWithCommasStaysText() {
        let counts = ["Bra": 3, "Bra, men dyrt": 1, "Bra, men för få turer": 1, "Dåligt": 2, "Dåligt, tyvärr": 1, "Vet ej, kanske": 1]
        #expect(CheckboxAnswers.options(of: counts, separator: ", ") == nil)
        let checkbox = ["Handel": 3, "Turism": 2, "Handel, Turism": 4, "Handel, Skog": 1]
        #expect(Set(CheckboxAnswers.options(of: checkbox, separator: ", ") ?? []) == ["Handel", "Turism", "Skog"])
    }

    // MARK: - Identifying and technical columns

    @Test(arguments: [
        ("Eget navn", true), ("Sähköposti", true), ("E-postadress", true), ("Nombre", true), ("Telefone", true),
        ("RecipientEmail", true), ("Does your office address open source security issues? (select one)", false),
        ("Hur nöjd är du?", false),
    ])
    func identifyingHeaders(header: String, identifying: Bool) {
        #expect(SurveyInferrer.looksIdentifying(header) == identifying)
    }

    @Test(arguments: [
        ("kalle@example.se", ValueShape.email), ("070-123 45 67", .phone), ("+46 70 123 45 67", .phone),
        ("19800101-1234", .personnummer), ("130.92.34.66", .ipAddress), ("uuid:39f3dd36-161e-45cb-a1a4-395831d253a7", .uuid),
    ])
    func valueShapes(value: String, shape: ValueShape) {
        #expect(ValueShape.of(value) == shape)
    }

    @Test(arguments: ["Nätra", "1 234", "2025-03-14", "Bra service, men dyr", "12.5"])
    func plainValuesHaveNoShape(value: String) {
        #expect(ValueShape.of(value) == nil)
    }

    /// A column of people's names identifies them whatever its header says; the interviewer's names do not make that
    /// column identifying (it is a respondent field, pseudonymised in reports).
    @Test func namesFoundByTheirValues() throws {
        let names = ["Anna Berg", "Olle Svensson", "Anna-Karin Öberg", "Per Nilsson", "Maria José García", "Mikko Virtanen", "Olle S."]
        var text = "Nr;Intervjuare;Vem mer borde vi prata med?;Synpunkt\n"
        for i in 1...14 { text += "\(i);Karin L;\(names[i % names.count]);Anna tycker att bussen borde gå oftare\n" }
        let run = try firstContact("namn.csv", text)
        #expect(run.draft.survey.identifying == ["Vem mer borde vi prata med?"])
        #expect(run.draft.survey.respondent.interviewer == "Intervjuare")
    }

    @Test func contactColumnsFoundByTheirValues() throws {
        var text = "Nr;Kontakt;Synpunkt\n"
        for i in 1...10 { text += "\(i);person\(i)@byn.se;Mer buss\n" }
        let run = try firstContact("kontakt.csv", text)
        #expect(run.draft.survey.identifying == ["Kontakt"])
    }

    @Test func technicalColumnsStayOutOfReportsAndCrossTabs() throws {
        var text = "_id;_uuid;start;groupTime3;Nöjd (1-5)\n"
        for i in 1...10 {
            text += "\(i);3f2b1c4d-0000-4000-8000-00000000000\(i % 10);2025-03-01 10:00:00;\(i * 3);\(i % 5 + 1)\n"
        }
        let run = try firstContact("kobo.csv", text)
        #expect(run.draft.survey.respondent.id == "_id")
        #expect(Set(run.draft.survey.technical ?? []) == ["_uuid", "start", "groupTime3"])
        let closed = try run.store.closedQuestions().map(\.id)
        #expect(closed == ["nojd_1_5"])
        var spec = CrossSpec(rows: .question("grouptime3"), cols: .district)
        spec.bins = [0, 10, 20]
        #expect(throws: StoreError.self) { try run.store.crossFacts(spec) }
        // Kept in the database all the same.
        var kept = 0
        try run.store.forEachRespondent(surveyId: run.draft.survey.id) { kept += $0.answers["grouptime3"] == nil ? 0 : 1 }
        #expect(kept == 10)
    }

    // MARK: - The sheet that holds the answers

    /// Microsoft Forms: an empty first sheet and a hidden sync sheet before `Form1`.
    // MARK: - Shifted rows, encoding, NUL bytes

    /// One row with an unquoted delimiter in a text cell: its age band lands under education, its sex under
    /// occupation, its education under the area. It never shapes the draft, the note calls it shifted, and import
    /// rejects it saying so.
    @Test func aShiftedRowNeverShapesTheDraft() throws {
        var text = "Id;Övrigt;Kön;Åldersgrupp;Utbildning;Sysselsättning;Område\n"
        let (sexes, bands) = (["Kvinna", "Man", "Vill ej uppge"], ["15-24", "25-44", "45-64", "65+"])
        let (schools, jobs) = (["Grundskola", "Gymnasium", "Högskola"], ["Anställd", "Egen företagare", "Pensionär"])
        let places = ["Nätra", "Anundsjö", "Grundsunda", "Björna"]
        for i in 1...60 {
            text += "\(i);;\(sexes[i % 3]);\(bands[i % 4]);\(schools[i % 3]);\(jobs[(i / 3) % 3]);\(places[i % 4])\n"
        }
        text += "61;Bra; men dyrt;Kvinna;15-24;Gymnasium;Anställd;Nätra\n"
        let run = try firstContact("skift.csv", text)
        let questions = run.draft.survey.questions
        #expect(questions.first { $0.column == "Åldersgrupp" }?.options == bands)
        #expect(Set(questions.first { $0.column == "Utbildning" }?.options ?? []) == Set(schools))
        #expect(Set(questions.first { $0.column == "Sysselsättning" }?.options ?? []) == Set(jobs))
        #expect(Set(questions.first { $0.column == "Kön" }?.options ?? []) == Set(sexes))
        #expect(run.draft.survey.respondent.district == "Område")
        #expect(
            run.draft.notes.contains {
                $0.hasPrefix("1 row has a different number of cells than the header's 7 (line 62: 8): shifted by a delimiter")
            })
        #expect(run.summary.status == .failed)
        #expect(
            run.summary.errors.map { $0.formatted(file: "skift.csv") }.contains {
                $0.hasPrefix("skift.csv:62: the row's values from column") && $0.contains("look shifted 1 column to the right")
            })
    }

    /// An export that is UTF-8 but for one pasted Windows-1252 line is refused with that line named, not read as
    /// Windows-1252 with every å, ä and ö garbled; with `--encoding utf-8` it imports and the line reads right.
    @Test func aUTF8ExportWithOneStrayLineKeepsItsLetters() throws {
        var bytes = Array("Id;Område;Vad saknar du i bygden?\n".utf8)
        for i in 1...30 { bytes += Array("\(i);Nätra;Närarbetsplats och bättre bussförbindelser\n".utf8) }
        bytes += Array("31;Björna;Aff".utf8) + [0xE4, 0x72, 0x0A]
        let path = folder.write("blandat.csv", bytes: bytes)
        #expect {
            try SurveyInferrer().infer(path: path)
        } throws: { error in
            let text = (error as? LocalizedError)?.errorDescription ?? ""
            return text.hasPrefix("\(path):32: byte ") && text.contains("\(Remedy.encoding("utf-8"))")
        }
        let draft = try SurveyInferrer().infer(path: path, options: ReadOptions(encoding: "utf-8"))
        #expect(draft.notes.contains { $0.hasPrefix("1 place (on line 32) is not valid UTF-8") })
        let store = try KartlaggningStore.inMemory()
        try store.loadDistricts(StoreFixtures.districts)
        try store.addSurvey(try DefinitionLoader.survey(at: folder.write("blandat.yaml", draft.yaml)))
        let summary = try Importer(store: store).importFile(
            at: path, survey: draft.survey.id, options: ImportOptions(read: ReadOptions(encoding: "utf-8")))
        #expect(summary.status == .imported)
        #expect(summary.counts.rows == 31)
        #expect(summary.warnings.contains { $0.hasPrefix("1 place (on line 32) is not valid UTF-8") })
        let question = try #require(draft.survey.questions.first { $0.column.hasPrefix("Vad saknar") })
        var texts: [String: String] = [:]
        try store.forEachRespondent(surveyId: draft.survey.id) { texts[$0.externalId] = $0.answers[question.id]?.valueText }
        #expect(texts["31"] == "Affär")
        #expect(texts["1"] == "Närarbetsplats och bättre bussförbindelser")
    }

    /// An old SurveyMonkey CSV with NUL bytes after its rows: they are left out with a warning that counts them.
    @Test func nulBytesInAnOldExportAreLeftOut() throws {
        var bytes = Array("Respondent ID,Område,Hur nöjd är du med bussen? (1-5)\r\n".utf8)
        for i in 1...12 { bytes += Array("\(1000 + i),\(["Nätra", "Anundsjö"][i % 2]),\(i % 5 + 1)\r\n".utf8) + [0x00] }
        let path = folder.write("gammal.csv", bytes: bytes)
        let draft = try SurveyInferrer().infer(path: path)
        #expect(draft.notes.contains("12 NUL bytes (on lines 3, 4, 5, 6, 7, …) are not text and were left out"))
        let store = try KartlaggningStore.inMemory()
        try store.loadDistricts(StoreFixtures.districts)
        try store.addSurvey(try DefinitionLoader.survey(at: folder.write("gammal.yaml", draft.yaml)))
        let summary = try Importer(store: store).importFile(at: path, survey: draft.survey.id)
        #expect(summary.status == .imported)
        #expect(summary.counts.rows == 12)
        #expect(draft.survey.questions.first?.type == .scale)
    }

    @Test func answersOnALaterSheet() throws {
        func cell(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        var rows = "<row r=\"1\">\(cell("A1", "ID"))\(cell("B1", "Kön"))\(cell("C1", "Synpunkter"))</row>"
        for i in 2...7 {
            rows +=
                "<row r=\"\(i)\">\(cell("A\(i)", "\(i - 1)"))\(cell("B\(i)", i % 2 == 0 ? "Kvinna" : "Man"))\(cell("C\(i)", "Mer buss"))</row>"
        }
        let path = folder.path("forms.xlsx")
        try WorkbookWriter.xlsx(
            at: path,
            sheets: [
                .init(name: "Sheet1", rows: ""), .init(name: "Sync", rows: "<row r=\"1\">\(cell("A1", "x"))</row>", hidden: true),
                .init(name: "Form1", rows: rows),
            ])
        let store = try KartlaggningStore.inMemory()
        let draft = try SurveyInferrer().infer(path: path)
        #expect(draft.survey.sheet == "Form1")
        #expect(draft.notes.contains { $0.contains("sheet 3 \"Form1\" does, and is read") })
        try store.addSurvey(try DefinitionLoader.survey(at: folder.write("forms.yaml", draft.yaml)))
        let summary = try Importer(store: store).importFile(at: path, survey: draft.survey.id)
        #expect(summary.status == .imported, "\(summary.errors) \(summary.fileError ?? "")")
        #expect(summary.counts.added == 6)
    }

    // MARK: - Unknown keys

    /// A workbook whose sheets hold no answers is refused with its sheets listed to choose from.
    @Test func aRefusedWorkbookListsItsSheets() throws {
        func cell(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        let path = folder.path("tom.xlsx")
        try WorkbookWriter.xlsx(
            at: path,
            sheets: [
                .init(name: "Blad1", rows: "<row r=\"1\">\(cell("A1", "ID"))\(cell("B1", "Kön"))</row>"),
                .init(name: "Svar", rows: "", hidden: true),
            ])
        #expect(
            throws: ImportError.inWorkbook(.headerOnly(file: path), sheets: ["1 \"Blad1\"", "2 \"Svar\" (hidden)"])
        ) { try SurveyInferrer().infer(path: path) }
        let message = ImportError.inWorkbook(.headerOnly(file: path), sheets: ["1 \"Blad1\"", "2 \"Svar\" (hidden)"]).errorDescription
        #expect(
            message?.hasSuffix(
                "; the workbook's sheets are 1 \"Blad1\", 2 \"Svar\" (hidden): name the one with the answers with \(Remedy.chooseSheet(.name))"
            ) == true)
    }

    /// Every column of a draft says why it has its type or respondent field.
    @Test func inferExplainsEveryColumn() throws {
        var text = "Svars-ID;Område;Hur nöjd är du? (1-5);Antal anställda;Bransch;Vilka tjänster saknar du?;Övrigt\n"
        let places = ["Nätra", "Anundsjö", "Grundsunda", "Björna"]
        let trades = ["Handel", "Jordbruk", "Turism"]
        let services = ["Buss", "Buss; Affär", "Affär", "Vård; Buss"]
        for i in 1...24 {
            text += "R\(i);\(places[i % 4]);\(i % 5 + 1);\(i * 3);\(trades[i % 3]);\"\(services[i % 4])\";Synpunkt nummer \(i) om bygden\n"
        }
        let run = try firstContact("forklara.csv", text)
        let whys = run.draft.yaml.split(separator: "\n").filter { $0.contains("# why: ") }.map {
            String($0.split(separator: "# why: ", maxSplits: 1)[1])
        }
        #expect(
            whys == [
                "a different value on every one of the 24 rows, and named like an id",
                "named like an area, and its 4 values look like place names",
                "whole numbers 1–5 in all 24 answers, and the header names the scale 1–5",
                "whole numbers 3–72 in all 24 answers, and nothing says they are a rating",
                "3 different values in 24 answers, each given by several",
                "24 answers that list one or more of 3 short options joined by \";\" (a checkbox question)",
                "free text: 24 different answers in 24, most given once: no options",
            ])
        #expect(run.summary.status == .imported, "\(run.summary.errors)")
    }

    @Test func unknownKeysAreRefusedWithTheNearestKnownOne() throws {
        let registry = folder.write("districts.yaml", "districts:\n  - name: Nätra\n    aliasez: [Bjästa]\n")
        #expect(
            throws: ImportError.definition(
                file: registry, line: 3, message: "unknown key \"aliasez\" in districts[0]; did you mean \"aliases\"?")
        ) {
            try DefinitionLoader.districts(at: registry)
        }
        let codebook = folder.write("kodbok.yaml", "id: k\nthemes:\n  - id: buss\n    label: Buss\n    keywrds: [buss]\n")
        #expect(
            throws: ImportError.definition(
                file: codebook, line: 5, message: "unknown key \"keywrds\" in themes[0]; did you mean \"keywords\"?")
        ) {
            try DefinitionLoader.codebook(at: codebook)
        }
        let survey = folder.write("s.json", #"{"id": "s", "title": "S", "respondent": {"id": "Nr", "distrct": "Ort"}, "questions": []}"#)
        #expect(throws: ImportError.self) { try DefinitionLoader.survey(at: survey) }
        do {
            _ = try DefinitionLoader.survey(at: survey)
        } catch {
            #expect("\(error.localizedDescription)".contains("unknown key \"distrct\" in respondent; did you mean \"district\"?"))
        }
    }

    @Test func aTechnicalColumnTheSurveyDoesNotReadIsRefused() throws {
        let path = folder.write(
            "s.yaml",
            "id: s\ntitle: S\nrespondent:\n  id: Nr\nquestions:\n  - id: q\n    column: Fråga\n    type: text\ntechnical: [IPAddress]\n")
        #expect(
            throws: ImportError.definition(
                file: path, line: nil, message: "technical column \"IPAddress\" is not a column the survey reads")
        ) { try DefinitionLoader.survey(at: path) }
    }

    /// The table of known keys is the JSON Schemas' properties, level by level.
    @Test(arguments: [("survey", KnownKeys.survey), ("districts", KnownKeys.districts), ("codebook", KnownKeys.codebook)])
    func knownKeysAreTheSchemas(name: String, keys: KnownKeys) throws {
        let url = Paths.packageRoot.appendingPathComponent("Schemas/\(name).schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        func compare(_ node: [String: Any], _ known: KnownKeys, _ path: String) {
            var node = node
            if let items = node["items"] as? [String: Any] { node = items }
            guard let properties = node["properties"] as? [String: Any] else { return }
            #expect(Set(properties.keys) == known.keys, "\(name) \(path)")
            for (key, child) in known.children {
                if let value = properties[key] as? [String: Any] { compare(value, child, path + "/" + key) }
            }
        }
        compare(schema, keys, "")
    }
}
