import GRDB
import KartlaggningModel

// MARK: - Erasure (GDPR)

extension KartlaggningStore {
    /// Erases a respondent and everything derived from them: answers, their full-text index entries, tags, review
    /// flags, archived tags that held their text, what imports replaced in them (`importChange`), respondent themes. The erasure is recorded (survey, counts, time)
    /// without the erased data. Deleted pages are overwritten (`secure_delete`), the full-text index is optimised
    /// and the write-ahead log checkpointed, so the data does not linger in the file.
    /// - Throws: `StoreError.answerNotFound` when the survey has no such respondent.
    public func forget(respondent externalId: String, survey surveyId: String) throws -> ErasureSummary {
        if isReadOnly { throw StoreError.readOnly(path: path ?? ":memory:") }
        do {
            return try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA secure_delete = ON")
                defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
                var summary: ErasureSummary?
                try db.inTransaction {
                    let before = db.totalChangesCount
                    guard
                        let id = try Int64.fetchOne(
                            db, sql: "SELECT id FROM respondent WHERE surveyId = ? AND externalId = ?", arguments: [surveyId, externalId])
                    else {
                        throw StoreError.answerNotFound("respondent \"\(externalId)\" in survey \"\(surveyId)\"")
                    }
                    let answers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer WHERE respondentId = ?", arguments: [id]) ?? 0
                    let tags =
                        try Int.fetchOne(
                            db, sql: "SELECT COUNT(*) FROM tag t JOIN answer a ON a.id = t.answerId WHERE a.respondentId = ?",
                            arguments: [id]) ?? 0
                    try db.execute(
                        sql: "DELETE FROM tagArchive WHERE surveyId = ? AND externalId = ?", arguments: [surveyId, externalId])
                    let archived = db.changesCount
                    // What imports replaced in them: an undo cannot bring an erased respondent back.
                    try db.execute(
                        sql: """
                            DELETE FROM importChange WHERE externalId = ?
                                AND batchId IN (SELECT id FROM importBatch WHERE surveyId = ?)
                            """, arguments: [externalId, surveyId])
                    // Answers first, so the full-text index's delete trigger runs for each; tags and flags cascade.
                    try db.execute(sql: "DELETE FROM answer WHERE respondentId = ?", arguments: [id])
                    try db.execute(sql: "DELETE FROM respondent WHERE id = ?", arguments: [id])
                    try ErasureRecord(
                        id: nil, surveyId: surveyId, answers: answers, tags: tags + archived, erasedAt: Self.timestamp()
                    ).insert(db)
                    try refreshStaleRespondentThemes(db)
                    try noteChanges(db, since: before)
                    summary = ErasureSummary(survey: surveyId, answers: answers, tags: tags, archivedTags: archived)
                    return .commit
                }
                try db.execute(sql: "INSERT INTO answerText(answerText) VALUES ('optimize')")
                try db.checkpoint(.truncate)
                guard let summary else { throw StoreError.database("the erasure did not complete") }
                return summary
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error)
        }
    }
}
