import GRDB
import KartlaggningModel

/// Moving coders' tags to the archive when their answer goes: never deleted, kept with the survey, respondent, question
/// and text they were made on. Used by an import that no longer has an answer and by an undo that removes one.
enum TagArchive {
    /// Copies an answer's coders' tags to the archive (before the answer is deleted, which deletes its tags).
    /// - Returns: how many tags were archived.
    static func archive(
        _ db: Database, answerId: Int64, surveyId: String, externalId: String, questionId: String, raw: String, reason: String,
        batchId: Int64?
    ) throws -> Int {
        try db.cachedStatement(
            sql: """
                INSERT INTO tagArchive (surveyId, externalId, questionId, answerRaw, codebookId, themeId, coder, negative, note,
                    createdAt, archivedAt, reason, batchId)
                SELECT ?, ?, ?, ?, codebookId, themeId, coder, negative, note, createdAt, ?, ?, ?
                FROM tag WHERE answerId = ? AND coder <> \(Coder.autoSQL)
                """
        ).execute(arguments: [surveyId, externalId, questionId, raw, KartlaggningStore.timestamp(), reason, batchId, answerId])
        return db.changesCount
    }

    /// Why an import archives the tags of an answer its file no longer has; an undo restores exactly these.
    static let answerNotInFile = "the answer is not in the re-imported file"
}
