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
        try archive(
            db, TagRecord.manualTags(answerId: answerId).fetchAll(db), surveyId: surveyId, externalId: externalId,
            questionId: questionId, raw: raw, reason: reason, batchId: batchId)
    }

    /// Copies tags to the archive with the survey, respondent, question and text they were made on.
    /// - Returns: how many tags were archived.
    static func archive(
        _ db: Database, _ tags: [TagRecord], surveyId: String, externalId: String, questionId: String, raw: String, reason: String,
        batchId: Int64?
    ) throws -> Int {
        let archivedAt = KartlaggningStore.timestamp()
        for tag in tags {
            try TagArchiveRecord(
                tag, surveyId: surveyId, externalId: externalId, questionId: questionId, answerRaw: raw, archivedAt: archivedAt,
                reason: reason, batchId: batchId
            ).insert(db)
        }
        return tags.count
    }

    /// Why an import archives the tags of an answer its file no longer has; an undo restores exactly these.
    static let answerNotInFile = "the answer is not in the re-imported file"
}
