import Foundation
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningCore
@testable import KartlaggningImport

/// KoboToolbox and ODK Central JSON submissions, read as the tools' own table exports flatten them: group paths,
/// geopoints, the tools' metadata, and repeat groups as records of their own linked to their parents.
struct FormToolJSONTests {
    let folder = TemporaryDirectory()

    /// KoboToolbox API v2 `data.json` of the "Meeting Form" whose XLSX export is in `real-exports/kobo-xlsx`: a geopoint,
    /// a repeat with a group inside, and a repeat with a nested repeat.
    static let koboMeeting = """
        {"count": 2, "next": null, "previous": null, "results": [
         {"_id": 301, "formhub/uuid": "7c9e1b2a", "start": "2024-03-14T09:40:11.000+01:00", "end": "2024-03-14T09:45:02.000+01:00",
          "Project_location": "63.29 18.71 12.0 5.0",
          "topics_discussed": [{"topics_discussed/Topic_title": "Buss", "topics_discussed/topic_details/Topic_description": "Bussen går sällan",
                                "topics_discussed/topic_details/Discussion_rating": "2"}],
          "participants": [{"participants/Participant_name": "Anna",
                            "participants/feedback": [{"participants/feedback/Session_number": "1", "participants/feedback/Comments": "Bra möte"}]},
                           {"participants/Participant_name": "Olle"}],
          "__version__": "vA8d", "meta/instanceID": "uuid:aaa1", "_xform_id_string": "aLcg7HtfpBHyCsyNmRvqme", "_uuid": "aaa1",
          "_attachments": [], "_status": "submitted_via_web", "_geolocation": [63.29, 18.71], "_submission_time": "2024-03-14T08:50:54",
          "_tags": [], "_notes": [], "_validation_status": {}, "_submitted_by": null},
         {"_id": 302, "formhub/uuid": "7c9e1b2a", "start": "2024-03-15T09:40:11.000+01:00", "end": "2024-03-15T09:45:02.000+01:00",
          "Project_location": "63.1 18.5 0 0",
          "participants": [{"participants/Participant_name": "Eva",
                            "participants/feedback": [{"participants/feedback/Session_number": "2", "participants/feedback/Comments": "Mer sånt"},
                                                      {"participants/feedback/Session_number": "3", "participants/feedback/Comments": "Tack"}]}],
          "__version__": "vA8d", "meta/instanceID": "uuid:bbb2", "_xform_id_string": "aLcg7HtfpBHyCsyNmRvqme", "_uuid": "bbb2",
          "_attachments": [{"download_url": "https://kf.example.org/x.jpg", "filename": "x.jpg"}], "_status": "submitted_via_web",
          "_geolocation": [63.1, 18.5], "_submission_time": "2024-03-15T08:50:54", "_tags": ["ok"], "_notes": [],
          "_validation_status": {"timestamp": 1710493854, "uid": "validation_status_approved", "by_whom": "kobo", "label": "Approved"},
          "_submitted_by": "kobo"}
        ]}
        """

    func records(_ path: String, sheet: String? = nil) throws -> (JSONRecordReader, [JSONRecord]) {
        let reader = try JSONRecordReader(path: path, file: path, options: ReadOptions(sheet: sheet), format: .json)
        var records: [JSONRecord] = []
        while let record = try reader.next() { records.append(record) }
        return (reader, records)
    }

    func texts(_ record: JSONRecord) -> [String: String] {
        var out: [String: String] = [:]
        for (key, cell) in record.cells {
            switch cell {
            case .value(let text): out[key] = text
            case .list(let items): out[key] = items.joined(separator: "|")
            case .null: out[key] = "null"
            }
        }
        return out
    }

    @Test func koboSubmissionsAreReadAsItsXLSXExport() throws {
        let path = folder.write("meeting.json", Self.koboMeeting)
        let (reader, main) = try records(path)
        #expect(reader.dialect == .kobo)
        #expect(main.count == 2)
        let first = texts(main[0])
        #expect(first["Project_location"] == "63.29 18.71 12.0 5.0")
        #expect(first["_Project_location_latitude"] == "63.29" && first["_Project_location_precision"] == "5.0")
        #expect(first["_validation_status"] == "" && texts(main[1])["_validation_status"] == "Approved")
        #expect(first["_index"] == "1" && texts(main[1])["_index"] == "2")
        #expect(texts(main[1])["_tags"] == "ok")
        #expect(main[1].cells["_attachments"] == nil)
        #expect(first["participants"] == nil && first["topics_discussed"] == nil)
        #expect(reader.repeatSheets.map(\.name) == ["topics_discussed", "participants", "feedback"])
        #expect(reader.repeatSheets.map(\.records) == [1, 3, 3])

        let (_, feedback) = try records(path, sheet: "feedback")
        #expect(
            feedback.map(texts).map { [$0["participants/feedback/Comments"], $0["_index"], $0["_parent_table_name"], $0["_parent_index"]] }
                == [
                    ["Bra möte", "1", "participants", "1"], ["Mer sånt", "2", "participants", "3"], ["Tack", "3", "participants", "3"],
                ])
        #expect(feedback.map { texts($0)["_submission__uuid"] } == ["aaa1", "bbb2", "bbb2"])
        let (_, participants) = try records(path, sheet: "participants")
        #expect(
            participants.map { texts($0)["_parent_table_name"] } == [
                "aLcg7HtfpBHyCsyNmRvqme", "aLcg7HtfpBHyCsyNmRvqme", "aLcg7HtfpBHyCsyNmRvqme",
            ])
        #expect(participants.map { texts($0)["_parent_index"] } == ["1", "1", "2"])

        // The same names as Kobo's own XLSX export of this form, where that export is at hand.
        guard Paths.conformanceAvailable else { return }
        let workbook = Paths.conformance.appendingPathComponent(
            "real-exports/kobo-xlsx/Meeting_Form_-_latest_version_-_False_-_2024-03-14-09-51-14.xlsx"
        ).path
        for sheet in ["topics_discussed", "participants", "feedback"] {
            let table = try SourceTable(path: workbook, file: workbook, options: ReadOptions(sheet: sheet), shape: TableShape())
            let (_, records) = try records(path, sheet: sheet)
            #expect(records.first?.cells.order == table.header, "sheet \(sheet)")
        }
        let table = try SourceTable(path: workbook, file: workbook, options: ReadOptions(), shape: TableShape())
        let jsonOnly: Set<String> = ["formhub/uuid", "meta/instanceID", "_xform_id_string", "_geolocation", "_attachments"]
        let exported = table.header.filter { $0 != "$edited" }  // a column added by hand in Excel
        #expect(main[0].cells.order.filter { !jsonOnly.contains($0) } == exported)
    }

    @Test func koboRepeatRecordsImportAsASurveyOfTheirOwn() throws {
        let path = folder.write("meeting.json", Self.koboMeeting)
        let draft = try SurveyInferrer().infer(path: path, options: ReadOptions(sheet: "feedback"))
        #expect(draft.survey.sheet == "feedback")
        #expect(draft.notes.first?.hasPrefix("the records are those of the repeat group \"feedback\" in KoboToolbox submissions") == true)
        #expect(draft.readWith == "json, utf-8, KoboToolbox submissions")
        #expect(draft.survey.technical?.contains("_parent_table_name") == true)
        #expect(draft.survey.identifying == nil)
        let store = try KartlaggningStore.inMemory()
        try store.addSurvey(try DefinitionLoader.survey(at: folder.write("feedback.yaml", draft.yaml)))
        // The definition's `sheet` picks the repeat group at import, with no flag.
        let summary = try Importer(store: store).importFile(at: path, survey: draft.survey.id)
        #expect(summary.status == .imported, "\(summary.errors) \(summary.fileError ?? "")")
        #expect(summary.counts.added == 3)
        let main = try SurveyInferrer().infer(path: path)
        #expect(
            main.notes.contains(
                "the submissions hold repeat groups \"topics_discussed\" (1 record), \"participants\" (3 records), \"feedback\" (3 "
                    + "records): their answers are not in this draft; `\(Remedy.chooseSheet(.name))` drafts one as records of its own, linked to their "
                    + "parents by _submission__uuid and _parent_index"))
        #expect(main.survey.respondent.id == "_id")
        #expect(
            throws: ImportError.jsonShape(
                file: path, line: 1,
                message: "no repeat group \"members\" in the file; it has \"topics_discussed\" (1), \"participants\" (3), \"feedback\" (3)")
        ) { _ = try records(path, sheet: "members") }
    }

    /// ODK Central's OData `Submissions` with `$expand=*`.
    static let odkCentral = """
        {"@odata.context": "https://odk.example.se/v1/projects/1/forms/bygd.svc/$metadata#Submissions",
         "value": [
          {"__id": "uuid:85cb9aff-005e-4edd-9739-dc9c1a829c44", "alder": 34, "Omrade": "Nätra",
           "bygd": {"nojd": "4", "saknar": "Affär i byn"},
           "plats": {"type": "Point", "coordinates": [18.71, 63.29, 12.5], "properties": {"accuracy": 4.9}},
           "barn": [{"__id": "b1", "barn_alder": 7, "__Submissions-id": "uuid:85cb9aff-005e-4edd-9739-dc9c1a829c44"},
                    {"__id": "b2", "barn_alder": 12, "__Submissions-id": "uuid:85cb9aff-005e-4edd-9739-dc9c1a829c44"}],
           "meta": {"instanceID": "uuid:85cb9aff-005e-4edd-9739-dc9c1a829c44"},
           "__system": {"submissionDate": "2025-03-10T12:00:00.000Z", "updatedAt": null, "submitterId": "5", "submitterName": "Karin",
                        "attachmentsPresent": 0, "attachmentsExpected": 0, "status": null, "reviewState": null, "deviceId": "collect:abc",
                        "edits": 0, "formVersion": "1"}},
          {"__id": "uuid:9a8b7c6d-0000-4edd-9739-dc9c1a829c45", "alder": 61, "Omrade": "Anundsjö",
           "bygd": {"nojd": "2", "saknar": null}, "plats": null, "barn": [],
           "meta": {"instanceID": "uuid:9a8b7c6d-0000-4edd-9739-dc9c1a829c45"},
           "__system": {"submissionDate": "2025-03-11T12:00:00.000Z", "updatedAt": null, "submitterId": "5", "submitterName": "Karin",
                        "attachmentsPresent": 0, "attachmentsExpected": 0, "status": null, "reviewState": "approved", "deviceId": "collect:abc",
                        "edits": 0, "formVersion": "1"}}
         ]}
        """

    @Test func odkCentralSubmissionsAreReadAsItsCSVExport() throws {
        let path = folder.write("bygd.json", Self.odkCentral)
        let (reader, main) = try records(path)
        #expect(reader.dialect == .odkCentral)
        let first = texts(main[0])
        #expect(
            main[0].cells.order == [
                "KEY", "alder", "Omrade", "bygd-nojd", "bygd-saknar", "plats-Latitude", "plats-Longitude", "plats-Altitude",
                "plats-Accuracy", "meta-instanceID", "SubmissionDate", "__system-updatedAt", "SubmitterID", "SubmitterName",
                "AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion",
            ])
        #expect(first["KEY"] == "uuid:85cb9aff-005e-4edd-9739-dc9c1a829c44")
        #expect(
            [first["plats-Latitude"], first["plats-Longitude"], first["plats-Altitude"], first["plats-Accuracy"]] == [
                "63.29", "18.71", "12.5", "4.9",
            ])
        #expect(texts(main[1])["ReviewState"] == "approved" && main[1].cells["barn"] == nil)
        let (_, children) = try records(path, sheet: "barn")
        #expect(
            children.map(texts) == [
                [
                    "barn_alder": "7", "KEY": "uuid:85cb9aff-005e-4edd-9739-dc9c1a829c44/barn[1]",
                    "PARENT_KEY": "uuid:85cb9aff-005e-4edd-9739-dc9c1a829c44",
                ],
                [
                    "barn_alder": "12", "KEY": "uuid:85cb9aff-005e-4edd-9739-dc9c1a829c44/barn[2]",
                    "PARENT_KEY": "uuid:85cb9aff-005e-4edd-9739-dc9c1a829c44",
                ],
            ])
        let draft = try SurveyInferrer().infer(path: path)
        #expect(draft.survey.respondent.id == "KEY" && draft.survey.respondent.district == "Omrade")
        #expect(draft.survey.questions.first { $0.column == "bygd-nojd" }?.type != .text)
        #expect(
            Set(draft.survey.technical ?? []).isSuperset(of: ["meta-instanceID", "SubmitterID", "ReviewState", "DeviceID", "FormVersion"]))
        #expect(draft.survey.identifying == ["SubmitterName"])
    }

    /// `districts infer` reads a JSON file's column as it reads a table's (infer's note proposes it for JSON too).
    @Test func districtsAreDraftedFromJSON() throws {
        let path = folder.write("bygd.json", Self.odkCentral)
        let draft = try DistrictDraft.infer(path: path, column: "Omrade")
        #expect(draft.districts.map(\.name) == ["Anundsjö", "Nätra"])
        #expect(throws: ImportError.self) { try DistrictDraft.infer(path: path, column: "Plats") }
    }

    @Test func odkCentralRepeatsNotExpandedAreNamed() throws {
        var text = Self.odkCentral
        let repeatRange = try #require(text.range(of: #""barn": \[\{[\s\S]*?\}\],"#, options: .regularExpression))
        text.replaceSubrange(repeatRange, with: #""barn@odata.navigationLink": "Submissions('uuid%3A85cb9aff')/barn","#)
        #expect(text != Self.odkCentral)
        let path = folder.write("bygd.json", text)
        let draft = try SurveyInferrer().infer(path: path)
        #expect(draft.notes.contains("the repeat \"barn\" is not expanded: download the submissions with `$expand=*`"))
        #expect(throws: ImportError.self) { _ = try records(path, sheet: "barn") }
    }

    /// Other tools' JSON is refused saying what was found and which export to use instead.
    @Test(arguments: [
        (
            #"{"data": [{"id": "1", "pages": [{"id": "p1", "questions": []}]}], "per_page": 50, "page": 1, "total": 1}"#,
            #"found an object with "data", "per_page", "page", "total" ("data": 1 object with "id", "pages"); this looks like SurveyMonkey's API"#
        ),
        (
            #"{"responses": [{"responseId": "r1", "answers": {"q1": {"textAnswers": {}}}}]}"#,
            #"found an object with "responses" ("responses": 1 object with "responseId", "answers"); this looks like the Google Forms API"#
        ),
        (
            #"{"svar": 3, "rader": "x"}"#,
            #"found an object with "svar", "rader"; kartlagg reads an array of records"#
        ),
    ])
    func otherJSONSaysWhatWasFound(json: String, message: String) throws {
        let path = folder.write("svar.json", json)
        #expect {
            _ = try SurveyInferrer().infer(path: path)
        } throws: { error in
            (error as? ImportError)?.errorDescription?.hasPrefix("\(path):1: " + message) == true
        }
    }
}
