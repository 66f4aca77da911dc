import Foundation
import GRDB
import KartlaggningModel

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
                let joined = try JoinedRow(row: row)
                if current?.id != joined.rid {
                    if let done = current { try body(done.respondent) }
                    let respondent = try RespondentColumns(row: row)
                    current = (joined.rid, StoredRespondent(fields: respondent.fields, rawFields: respondent.rawFieldValues))
                }
                // A respondent without answers comes once, with the answer's columns NULL (the LEFT JOIN).
                if joined.questionId != nil {
                    let answer = try AnswerColumns(row: row)
                    current?.respondent.answers[answer.questionId] = answer.stored
                }
            }
            if let done = current { try body(done.respondent) }
        }
    }
}

/// The keys of a row of `forEachRespondent`'s join: the respondent's id, and the answer's question (nil for a
/// respondent without answers).
private struct JoinedRow: Decodable, FetchableRecord {
    var rid: Int64
    var questionId: String?
}
