import Foundation
import GRDB
import KartlaggningModel

// MARK: - Removing a survey

extension KartlaggningStore {
    /// Removes a survey definition. A survey with no respondents yet (a draft added by mistake) goes at once; one
    /// with answers only with `force`, and only after a consistent copy of the whole database is written beside it
    /// (`PATH.removed-<survey>-<n>`): its answers, coders' tags and archived tags go with it.
    /// - Returns: what was removed, and where the copy is.
    /// - Throws: `StoreError.surveyNotFound`; `StoreError.surveyHasAnswers` when the survey has answers and `force` is off.
    public func removeSurvey(id surveyId: String, force: Bool) throws -> SurveyRemoval {
        if isReadOnly { throw StoreError.readOnly(path: path ?? ":memory:") }
        _ = try survey(id: surveyId)
        let (respondents, answers, manualTags) = try read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM respondent WHERE surveyId = ?", arguments: [surveyId]) ?? 0,
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM answer a JOIN respondent r ON r.id = a.respondentId WHERE r.surveyId = ?",
                    arguments: [surveyId]) ?? 0,
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM tag t JOIN answer a ON a.id = t.answerId JOIN respondent r ON r.id = a.respondentId
                        WHERE r.surveyId = ? AND t.coder <> \(Coder.autoSQL)
                        """, arguments: [surveyId]) ?? 0
            )
        }
        var removal = SurveyRemoval(survey: surveyId, respondents: respondents, answers: answers, manualTags: manualTags)
        if respondents > 0 {
            guard force else {
                throw StoreError.surveyHasAnswers(
                    survey: surveyId, respondents: respondents, answers: answers, manualTags: manualTags)
            }
            if let path {
                var n = 1
                while FileManager.default.fileExists(atPath: "\(path).removed-\(surveyId)-\(n)") { n += 1 }
                let copy = "\(path).removed-\(surveyId)-\(n)"
                try backup(to: copy)
                removal.backup = copy
            }
        }
        try write { db in
            try db.execute(sql: "DELETE FROM tagArchive WHERE surveyId = ?", arguments: [surveyId])
            // Answers first, so the full-text index's delete trigger runs for each; tags and flags cascade.
            try db.execute(
                sql: "DELETE FROM answer WHERE respondentId IN (SELECT id FROM respondent WHERE surveyId = ?)", arguments: [surveyId])
            try db.execute(sql: "DELETE FROM respondent WHERE surveyId = ?", arguments: [surveyId])
            try db.execute(
                sql: "UPDATE tagReview SET batchId = NULL WHERE batchId IN (SELECT id FROM importBatch WHERE surveyId = ?)",
                arguments: [surveyId])
            try db.execute(sql: "DELETE FROM importBatch WHERE surveyId = ?", arguments: [surveyId])
            try db.execute(sql: "DELETE FROM survey WHERE id = ?", arguments: [surveyId])
            try refreshStaleRespondentThemes(db)
        }
        return removal
    }
}
