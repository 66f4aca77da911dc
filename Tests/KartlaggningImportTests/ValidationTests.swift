import Foundation
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningCore
@testable import KartlaggningImport

/// Each validation message, exactly as a user sees it.
struct ValidationTests {
    static let goodCells = [
        "F1", "Nätra", "Såg AB", "2025-03-04", "Handel", "12", "1,5", "4", "Bredband; Lokaler", "Ja", "2001-05-01", "Mer fiber",
    ]

    static func errors(_ row: String) throws -> [String] {
        let store = try StoreFixtures.companyStore()
        let folder = TemporaryDirectory()
        let path = folder.write("foretag.csv", StoreFixtures.companyHeader + "\n" + row + "\n")
        let summary = try Importer(store: store).importFile(at: path, survey: "test-foretag")
        return summary.errors.map { $0.formatted(file: "foretag.csv") }
    }

    static func row(replacing column: Int, with value: String) -> String {
        var cells = goodCells
        cells[column] = value
        return cells.map { $0.contains(";") ? "\"\($0)\"" : $0 }.joined(separator: ";")
    }

    @Test func theGoodRowIsValid() throws {
        #expect(try Self.errors(Self.row(replacing: 0, with: "F1")) == [])
    }

    static let cases: [(column: Int, value: String, message: String)] = [
        (0, "", #"foretag.csv:2: column "Nr": the respondent id is empty"#),
        (
            1, "Umeå",
            #"foretag.csv:2: column "Område": "Umeå" is not a district or service town in the district registry; add it as an alias in the registry, or fix the row"#
        ),
        (3, "igår", #"foretag.csv:2: column "Datum": "igår" is not a date (write 2025-03-14 or 14 mars 2025)"#),
        (4, "Fiske", #"foretag.csv:2: column "Bransch": "Fiske" is not one of the options: Handel, Turism, Bygg"#),
        (5, "tolv", #"foretag.csv:2: column "Anställda": "tolv" is not a whole number"#),
        (6, "mycket", #"foretag.csv:2: column "Omsättning (mkr)": "mycket" is not a number (write 3,5 or 1 234,5)"#),
        (7, "7", #"foretag.csv:2: column "Nöjd med bredband (1-5)": 7 is outside the scale 1–5"#),
        (7, "bra", #"foretag.csv:2: column "Nöjd med bredband (1-5)": "bra" is not a point on the scale"#),
        (8, "Bredband; Båtar", #"foretag.csv:2: column "Behov": "Båtar" is not one of the options: Bredband, Lokaler, Kompetens"#),
        (9, "kanske", #"foretag.csv:2: column "Samverkar": "kanske" is not Ja or Nej"#),
        (10, "2001-02-30", #"foretag.csv:2: column "Startad": "2001-02-30" is not a date (write 2025-03-14 or 14 mars 2025)"#),
    ]

    @Test(arguments: cases.indices)
    func messages(index: Int) throws {
        let entry = Self.cases[index]
        #expect(try Self.errors(Self.row(replacing: entry.column, with: entry.value)) == [entry.message])
    }

    @Test func everyProblemOfARowIsListed() throws {
        var row = Self.row(replacing: 7, with: "9")
        row = row.replacingOccurrences(of: ";Handel;", with: ";Fiske;")
        #expect(
            try Self.errors(row) == [
                #"foretag.csv:2: column "Bransch": "Fiske" is not one of the options: Handel, Turism, Bygg"#,
                #"foretag.csv:2: column "Nöjd med bredband (1-5)": 9 is outside the scale 1–5"#,
            ])
    }

    @Test func raggedRowIsARowError() throws {
        #expect(try Self.errors("F1;Nätra;Såg") == ["foretag.csv:2: the row has 3 cells but the header has 12"])
    }

    @Test func choicesMatchIgnoringCaseAndSpacing() throws {
        let store = try StoreFixtures.companyStore()
        let folder = TemporaryDirectory()
        let path = folder.write("f.csv", StoreFixtures.companyHeader + "\n" + Self.row(replacing: 4, with: "  handel ") + "\n")
        let summary = try Importer(store: store).importFile(at: path, survey: "test-foretag")
        #expect(summary.status == .imported)
        var stored: StoredRespondent?
        try store.forEachRespondent(surveyId: "test-foretag") { stored = $0 }
        #expect(stored?.answers["bransch"]?.valueText == "Handel")
        #expect(stored?.answers["bransch"]?.raw == "  handel ")
    }

    @Test func typedValuesAreStored() throws {
        let store = try StoreFixtures.companyStore()
        let folder = TemporaryDirectory()
        let path = folder.write("f.csv", StoreFixtures.companyHeader + "\n" + Self.row(replacing: 0, with: "F1") + "\n")
        let summary = try Importer(store: store).importFile(at: path, survey: "test-foretag")
        #expect(summary.status == .imported)
        var stored: StoredRespondent?
        try store.forEachRespondent(surveyId: "test-foretag") { stored = $0 }
        let answers = try #require(stored).answers
        #expect(stored?.district == "Nätra")
        #expect(stored?.organisation == "Såg AB")
        #expect(stored?.date == "2025-03-04")
        #expect(stored?.kind == "företag")
        #expect(stored?.wave == "2025")
        #expect(answers["anstallda"]?.valueNumber == 12)
        #expect(answers["omsattning"]?.valueNumber == 1.5)
        #expect(answers["bredband"]?.valueNumber == 4)
        #expect(answers["behov"]?.valueText == #"["Bredband","Lokaler"]"#)
        #expect(answers["samverkar"]?.valueText == "ja")
        #expect(answers["samverkar"]?.valueNumber == 1)
        #expect(answers["startad"]?.valueText == "2001-05-01")
        #expect(answers["ideer"]?.valueText == "Mer fiber")
    }

    @Test(arguments: [
        ("nätra", "Nätra", nil), (" Nätraområdet", "Nätra", nil), ("NÄTRA", "Nätra", nil), ("NATRA", nil, nil),
        ("Bjästa", "Nätra", "Bjästa"),
        ("Björna-Långviksmon-Trehörningsjö", "BLT", nil), ("anundsjö område", "Anundsjö", nil), ("husum", "Grundsunda", "Husum"),
    ])
    func districtsResolve(raw: String, district: String?, serviceTown: String?) {
        #expect(StoreFixtures.districts.resolve(raw) == district.map { DistrictMatch(district: $0, serviceTown: serviceTown) })
    }

    @Test func serviceTownInAnotherDistrictIsAnError() throws {
        let survey = SurveyDefinition(
            id: "s", title: "s", kind: "förening",
            respondent: RespondentMapping(id: "Id", district: "Område", serviceTown: "Serviceort"),
            questions: [Question(id: "t", column: "Text", type: .text)])
        let store = try KartlaggningStore.inMemory()
        try store.loadDistricts(StoreFixtures.districts)
        try store.addSurvey(survey)
        let folder = TemporaryDirectory()
        let path = folder.write("s.csv", "Id,Område,Serviceort,Text\n1,Anundsjö,Bjästa,hej\n2,,Husum,hej\n")
        let summary = try Importer(store: store).importFile(at: path, survey: "s")
        #expect(
            summary.errors.map { $0.formatted(file: "s.csv") } == [
                #"s.csv:2: column "Serviceort": "Bjästa" lies in Nätra, but the row's district is Anundsjö"#
            ])
    }

    @Test func unknownKindIsAnError() throws {
        let survey = SurveyDefinition(
            id: "k", title: "k", respondent: RespondentMapping(id: "Id", kind: "Typ"),
            questions: [Question(id: "t", column: "Text", type: .text)])
        let store = try KartlaggningStore.inMemory()
        try store.addSurvey(survey)
        let folder = TemporaryDirectory()
        let path = folder.write("k.csv", "Id,Typ,Text\n1,Företag,a\n2,Kommun,b\n3,,c\n")
        let summary = try Importer(store: store).importFile(at: path, survey: "k")
        #expect(
            summary.errors.map { $0.formatted(file: "k.csv") } == [
                #"k.csv:3: column "Typ": "Kommun" is not a respondent kind; known kinds: företag, förening, temagrupp, offentlig, inspel, privatperson"#,
                #"k.csv:4: column "Typ": no respondent kind, and the survey sets no default `kind`"#,
            ])
    }
}
