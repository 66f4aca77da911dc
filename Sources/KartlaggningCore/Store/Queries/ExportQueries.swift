import Foundation
import GRDB

// MARK: - Export

extension KartlaggningStore {
    /// The survey's columns in the order the latest import's file had them; empty before any import.
    public func sourceColumnOrder(surveyId: String) throws -> [String] {
        let json = try read { db in
            try String.fetchOne(
                db, sql: "SELECT columns FROM importBatch WHERE surveyId = ? ORDER BY id DESC LIMIT 1", arguments: [surveyId])
        }
        guard let json else { return [] }
        return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    /// Calls `body` with each respondent of `surveyId` and its answers, in import order, one at a time:
    /// memory stays flat however large the survey.
    public func forEachRespondent(surveyId: String, _ body: (StoredRespondent) throws -> Void) throws {
        _ = try survey(id: surveyId)
        try read { db in
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT r.id AS rid, r.externalId, r.kind, r.district, r.serviceTown, r.organisation, r.interviewer,
                        r.date, r.wave, r.rawFields, q.id AS questionId, a.raw, a.valueText, a.valueNumber, a.isFreeText
                    FROM respondent r LEFT JOIN answer a ON a.respondentId = r.id LEFT JOIN question q ON q.key = a.questionKey
                    WHERE r.surveyId = ? ORDER BY r.id, a.id
                    """, arguments: [surveyId])
            var current: (id: Int64, respondent: StoredRespondent)?
            while let row = try cursor.next() {
                let id: Int64 = row["rid"]
                if current?.id != id {
                    if let done = current { try body(done.respondent) }
                    let rawJSON: String = row["rawFields"]
                    let rawFields = (try? JSONDecoder().decode([String: String].self, from: Data(rawJSON.utf8))) ?? [:]
                    let fields = RespondentFields(
                        externalId: row["externalId"], kind: row["kind"], district: row["district"],
                        serviceTown: row["serviceTown"], organisation: row["organisation"], interviewer: row["interviewer"],
                        date: row["date"], wave: row["wave"])
                    current = (id, StoredRespondent(fields: fields, rawFields: rawFields))
                }
                if let questionId: String = row["questionId"] {
                    let raw: String = row["raw"]
                    let isFreeText: Bool = row["isFreeText"]
                    current?.respondent.answers[questionId] = StoredAnswer(
                        raw: raw, valueText: isFreeText ? raw.trimmedCell : row["valueText"] as String?, valueNumber: row["valueNumber"])
                }
            }
            if let done = current { try body(done.respondent) }
        }
    }
}
