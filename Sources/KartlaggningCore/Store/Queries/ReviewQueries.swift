import GRDB
import KartlaggningModel

// MARK: - Coders' tags a re-import changed or archived

extension KartlaggningStore {
    /// Coders' tags on answers whose text changed since they were made, oldest first.
    public func tagsNeedingReview() throws -> [TagReviewItem] {
        try read { db in
            try TagReviewItem.fetchAll(
                db,
                sql: """
                    SELECT t.id AS tag, t.answerId AS answer, r.surveyId AS survey, r.externalId AS respondent, q.id AS question,
                           t.codebookId AS codebook, t.themeId AS theme, t.coder, t.negative, t.note, v.previousRaw AS previousText,
                           a.raw AS currentText, v.flaggedAt
                    FROM tagReview v JOIN tag t ON t.id = v.tagId JOIN answer a ON a.id = t.answerId
                    JOIN respondent r ON r.id = a.respondentId JOIN question q ON q.key = a.questionKey
                    ORDER BY v.flaggedAt, t.answerId, t.codebookId, t.themeId, t.coder
                    """)
        }
    }

    /// Coders' tags in the archive, oldest first.
    public func archivedTags() throws -> [ArchivedTag] {
        try read { db in
            try ArchivedTag.fetchAll(
                db,
                sql: """
                    SELECT id, surveyId AS survey, externalId AS respondent, questionId AS question, answerRaw AS text,
                           codebookId AS codebook, themeId AS theme, coder, negative, note, createdAt, archivedAt, reason
                    FROM tagArchive ORDER BY id
                    """)
        }
    }

    /// Settles flagged tags: `accept` clears the flag, `drop` moves the tag to the archive. All or none.
    /// - Parameters:
    ///   - tags: the tag ids to settle; nil settles every flagged tag.
    ///   - by: who decided (recorded in the archive's reason when dropping).
    /// - Returns: how many tags were settled.
    /// - Throws: `StoreError.answerNotFound` naming a tag id that is not flagged.
    @discardableResult
    public func resolveReview(_ decision: ReviewDecision, tags: [Int64]?, by person: String) throws -> Int {
        try write { db in
            let flagged = Set(try Int64.fetchAll(db, sql: "SELECT tagId FROM tagReview"))
            let chosen = tags ?? flagged.sorted()
            if let missing = chosen.first(where: { !flagged.contains($0) }) {
                throw StoreError.answerNotFound("flagged tag \(missing) (\(Remedy.reviewTags(archived: false)) lists them)")
            }
            for id in chosen {
                switch decision {
                case .accept:
                    try db.execute(literal: "DELETE FROM tagReview WHERE tagId = \(id)")
                case .drop:
                    let previous = try String.fetchOne(db, sql: "SELECT previousRaw FROM tagReview WHERE tagId = ?", arguments: [id]) ?? ""
                    let reason = "dropped on review by \(person); the coder saw: \(previous)"
                    if let tag = try TagRecord.fetchOne(db, key: id),
                        let made = try Row.fetchOne(
                            db,
                            SQLRequest<Row>(
                                literal: """
                                    SELECT r.surveyId, r.externalId, q.id, a.raw
                                    FROM answer a JOIN respondent r ON r.id = a.respondentId JOIN question q ON q.key = a.questionKey
                                    WHERE a.id = \(tag.answerId)
                                    """))
                    {
                        _ = try TagArchive.archive(
                            db, [tag], surveyId: made[0], externalId: made[1], questionId: made[2], raw: made[3], reason: reason,
                            batchId: nil)
                    }
                    try db.execute(literal: "DELETE FROM tag WHERE id = \(id)")
                }
            }
            try refreshStaleRespondentThemes(db)
            return chosen.count
        }
    }
}
