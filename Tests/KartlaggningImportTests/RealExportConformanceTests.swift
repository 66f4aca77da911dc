import Foundation
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningCore
@testable import KartlaggningImport

/// Every file in `../shared/conformance/real-exports/` — written by KoboToolbox, LimeSurvey, SurveyMonkey, Google
/// Forms, Qualtrics, ODK Briefcase and Skolverket, none for this project — taken through first contact with no edits
/// and no flags: `survey infer` → `survey add` → `import`. The expectations were written after reading each file with
/// Python (csv, openpyxl): respondents, header rows, key columns' types, missing tokens, identifying and technical
/// columns, and a few exact values.
@Suite(.enabled(if: Paths.conformanceAvailable, "../shared/conformance/ is not beside this clone: the real exports cannot be read"))
struct RealExportConformanceTests {
    struct Run {
        var draft: SurveyDraft
        var summary: FileImportSummary
        var answers: [String: [String: StoredAnswer]]

        func type(_ column: String) -> QuestionType? { draft.survey.questions.first { $0.column == column }?.type }
        func question(_ column: String) -> Question? { draft.survey.questions.first { $0.column == column } }
        /// The stored answer of respondent `id` to the question read from `column`.
        func answer(_ id: String, _ column: String) -> StoredAnswer? {
            question(column).flatMap { answers[id]?[$0.id] }
        }
        var technical: Set<String> { Set(draft.survey.technical ?? []) }
        var identifying: Set<String> { Set(draft.survey.identifying ?? []) }
    }

    static func firstContact(_ relative: String) throws -> Run {
        let path = Paths.conformance.appendingPathComponent("real-exports/" + relative).path
        let store = try KartlaggningStore.inMemory()
        let draft = try SurveyInferrer().infer(path: path)
        let folder = TemporaryDirectory()
        try store.addSurvey(try DefinitionLoader.survey(at: folder.write("survey.yaml", draft.yaml)))
        let summary = try Importer(store: store).importFile(at: path, survey: draft.survey.id)
        var answers: [String: [String: StoredAnswer]] = [:]
        try store.forEachRespondent(surveyId: draft.survey.id) { answers[$0.externalId] = $0.answers }
        return Run(draft: draft, summary: summary, answers: answers)
    }

    /// What every file's first contact must give: an import, its respondents, where the header is, and the id column.
    static func expectRead(
        _ run: Run, respondents: Int, headerRow: Int = 1, skip: Int = 0, id: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(run.summary.status == .imported, "\(run.summary.errors) \(run.summary.fileError ?? "")", sourceLocation: sourceLocation)
        #expect(run.answers.count == respondents, sourceLocation: sourceLocation)
        #expect((run.draft.survey.headerRow ?? 1) == headerRow, sourceLocation: sourceLocation)
        #expect((run.draft.survey.skipAfterHeader ?? 0) == skip, sourceLocation: sourceLocation)
        if let id { #expect(run.draft.survey.respondent.id == id, sourceLocation: sourceLocation) }
    }

    @Test func qualtricsThreeHeaderRowsOneResponse() throws {
        let run = try Self.firstContact("qualtrics-csv/sample.csv")
        Self.expectRead(run, respondents: 1, skip: 2, id: "ResponseId")
        #expect(run.identifying == ["RecipientLastName", "RecipientFirstName", "RecipientEmail"])
        #expect(run.technical.isSuperset(of: ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)"]))
        #expect(!run.technical.contains("Q1") && !run.technical.contains("Q2"))
        #expect(run.answer("R_2YPOQ602ER1jkf1", "Q2")?.raw == "Hello World!")
        #expect(run.answer("R_2YPOQ602ER1jkf1", "Q1")?.raw == "2")
        // Row 2's question texts are the labels reports use.
        #expect(run.draft.survey.questions.first { $0.column == "Q2" }?.text == "This is a free text question.")
        #expect(run.draft.survey.questions.first { $0.column == "StartDate" }?.text == "Anfangsdatum")
    }

    @Test func qualtricsLegacyTwoHeaderRowsOneResponse() throws {
        let run = try Self.firstContact("qualtrics-csv/sample_legacy.csv")
        Self.expectRead(run, respondents: 1, skip: 1, id: "V1")
        #expect(run.answers["R_2YPOQ602ER1jkf1"] != nil)
        #expect(run.answer("R_2YPOQ602ER1jkf1", "Q2")?.raw == "Hello World!")
        // V6 holds the IP address (130.92.34.66): a technical column by its values. Row 2 names the codes: V3 "Name" and
        // V5 "EmailAddress" identify people, V2 "ResponseSet" … V10 "Finished" are Qualtrics' own.
        #expect(run.technical.contains("V6"))
        #expect(run.identifying == ["V3", "V5"])
        #expect(run.technical.isSuperset(of: ["V2", "V4", "V6", "V7", "V8", "V9", "V10"]))
        #expect(run.draft.survey.questions.first { $0.column == "Q1" }?.text == "This is a multiple choice question.")
    }

    @Test func skolverketAgencyDownload() throws {
        let run = try Self.firstContact("skolverket-csv/grundskolan-2009.csv")
        // 4,655 schools between the 5-line preamble and the 19-line footer, whose first line has no footer word.
        Self.expectRead(run, respondents: 4_655, headerRow: 6, id: "Skol-enhetskod")
        #expect(run.draft.survey.missing == [".", ".."])
        #expect(run.type("Typ av huvudman") == .choice)
        #expect(run.type("Elever, årskurs 1-9") == .integer)
        // Codes with leading zeros stay text.
        #expect(run.type("Kommun-kod") == .text)
        #expect(run.answer("71387206", "Elever, årskurs 1-9")?.valueNumber == 225)
        #expect(run.answer("71387206", "Andel (%) elever med utländsk bakgrund, åk 1-9") == nil)  // `..`
        #expect(run.answer("72616393", "Elever, förskoleklass") == nil)  // `.`
        #expect(run.answer("53794508", "Skola")?.raw == "Övertorneå CSK år F-9, Ro 1")
    }

    @Test func surveyMonkeyTwoRowHeader() throws {
        let run = try Self.firstContact("surveymonkey-csv/osposurvey-2023.csv")
        Self.expectRead(run, respondents: 489, headerRow: 2, skip: 1, id: "Respondent ID")
        #expect(run.technical.isSuperset(of: ["Collector ID", "Start Date", "End Date"]))
        // Questions over one column keep their text; option columns are named "Question: Option".
        let role = "Professionally, which of the following best describes your role? (select one): Developer / Software Engineer"
        #expect(run.question(role) != nil)
        #expect(run.answer("114321933663", role)?.raw == "1")
        // No long question is identifying because it mentions an address.
        #expect(run.identifying.isEmpty)
        // No column is dropped for want of a name, and every name is distinct.
        let columns = run.draft.survey.questions.map(\.column)
        #expect(Set(columns.map(MatchKey.header)).count == columns.count)
        #expect(!run.draft.notes.contains { $0.contains("has no header") })
    }

    @Test func googleFormsWorkbook() throws {
        let run = try Self.firstContact("google-forms-xlsx/Personality and Music Preferences.xlsx")
        Self.expectRead(run, respondents: 380, id: "#row")
        #expect(run.draft.survey.respondent.date == "Timestamp")
        #expect(run.type("Age") == .choice)
        // Two long options, chosen 241 and 139 times.
        #expect(run.type("When it comes to socialising:") == .choice)
        // Single choice whose options hold commas.
        let artists = run.question("What group of artists do you listen to the most from the following list?")
        #expect(artists?.type == .choice)
        #expect(artists?.options?.count == 7)
        // Checkbox answers joined by ", ".
        let uses = run.question("What do you use music for?")
        #expect(uses?.type == .multi)
        #expect(uses?.separator == ", ")
        #expect(
            Set(uses?.options ?? []) == ["Mood regulation", "Concentration", "Energy/Motivation", "Entertainment", "Emotional Expression"])
        #expect(run.answer("1", "What do you use music for?")?.valueText == #"["Mood regulation"]"#)
        #expect(
            run.answer("2", "When do you listen to music?")?.valueText == #"["While studying","While commuting"]"#)
    }

    @Test(arguments: [
        ("kobo-xlsx/Meeting_Form_-_latest_version_-_False_-_2024-03-14-09-51-14.xlsx", 5, "321169978"),
        ("kobo-xlsx/Geolocation_Test_-_latest_version_-_False_-_2024-03-14-14-02-55.xlsx", 5, "321268294"),
        ("kobo-xlsx/Inventory_Form_-_latest_version_-_False_-_2024-03-14-13-55-08.xlsx", 3, "321261095"),
    ])
    func koboWorkbook(file: String, respondents: Int, firstId: String) throws {
        let run = try Self.firstContact(file)
        Self.expectRead(run, respondents: respondents, id: "_id")
        #expect(run.draft.survey.respondent.date == "_submission_time")
        #expect(run.answers[firstId] != nil)
        #expect(run.technical.isSuperset(of: ["start", "end", "_uuid", "_validation_status", "_status", "__version__", "_index"]))
    }

    @Test func limeSurveyWorkbook() throws {
        let run = try Self.firstContact("limesurvey-xlsx/results-survey54231.xlsx")
        Self.expectRead(run, respondents: 257, id: "id")
        #expect(run.draft.survey.missing?.contains("N/A") == true)
        // Metadata and all 36+ timing columns.
        #expect(run.technical.isSuperset(of: ["lastpage", "startlanguage", "seed", "startdate", "datestamp", "interviewtime"]))
        #expect(run.technical.filter { $0.hasSuffix("Time") }.count >= 36)
        #expect(run.type("g1") == .boolean)  // Yes / No
        #expect(run.answer("4", "g1")?.valueNumber == 1)
        #expect(run.answer("4", "f02")?.raw.hasPrefix("Not in SE. PL seems more mature") == true)
    }

    @Test(arguments: [
        "all-data-types.csv", "choice-lists.csv", "nested-repeats.csv", "simple-form-commas.csv",
        "simple-form-double-quotes.csv", "simple-form-newlines.csv",
    ])
    func odkBriefcase(file: String) throws {
        let run = try Self.firstContact("odk-briefcase-csv/" + file)
        Self.expectRead(run, respondents: 1)
        // "Apr 26, 2018 8:58:20 AM" is a date: the respondent's.
        #expect(run.draft.survey.respondent.date == "SubmissionDate")
        #expect(["KEY", "meta-instanceID"].contains(run.draft.survey.respondent.id))
        #expect(run.technical.contains { ["KEY", "meta-instanceID"].contains($0) })
        if file == "simple-form-newlines.csv" {
            #expect(run.answers.values.first?.values.contains { $0.raw == "some \n text" } == true)
        }
        if file == "simple-form-commas.csv" {
            #expect(run.answers.values.first?.values.contains { $0.raw == "some , text" } == true)
        }
    }

    /// Every file there has a test above.
    @Test func everyRealExportIsCovered() throws {
        let root = Paths.conformance.appendingPathComponent("real-exports")
        let files = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".csv") || $0.hasSuffix(".xlsx") }
        #expect(files.count == 15, "\(files.sorted())")
    }
}
