import GRDB
import KartlaggningModel

// MARK: - Imports: the list, what each replaced, and undo

extension KartlaggningStore {
    /// The imports, oldest first; those of one survey when `surveyId` is given.
    public func imports(surveyId: String? = nil) throws -> [ImportBatch] {
        try read { db in
            var request = ImportBatch.order(Column("id"))
            if let surveyId { request = request.filter(Column("surveyId") == surveyId) }
            return try request.fetchAll(db)
        }
    }

    /// One import.
    /// - Throws: `StoreError.importNotFound`.
    public func importBatch(id: Int64) throws -> ImportBatch {
        try read { db in
            guard let batch = try ImportBatch.fetchOne(db, key: id) else { throw StoreError.importNotFound(id) }
            return batch
        }
    }

    /// What import `id` replaced in the respondents it updated, in the order it met them: each answer changed, added or
    /// removed, and each respondent field (district, kind, …) that changed.
    public func importChanges(batchId id: Int64) throws -> [ImportChange] {
        try read { db in
            guard try ImportBatch.fetchOne(db, key: id) != nil else { throw StoreError.importNotFound(id) }
            let identifying = Set(
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT q.id FROM question q JOIN importBatch b ON b.surveyId = q.surveyId WHERE b.id = ? AND q.identifying
                        """, arguments: [id]))
            var changes: [ImportChange] = []
            for row in try ChangeRow.fetchAll(
                db, sql: "SELECT externalId, questionId, before, after FROM importChange WHERE batchId = ? ORDER BY id", arguments: [id])
            {
                if let questionId = row.questionId {
                    let change = ImportChange(
                        respondent: row.externalId, field: questionId, isQuestion: true,
                        before: ChangeJSON.decode(AnswerState.self, row.before)?.raw.trimmedCell,
                        after: ChangeJSON.decode(AnswerState.self, row.after)?.raw.trimmedCell)
                    changes.append(identifying.contains(questionId) ? change.withValuesHidden : change)
                } else if let before = ChangeJSON.decode(RespondentState.self, row.before),
                    let after = ChangeJSON.decode(RespondentState.self, row.after)
                {
                    changes += before.changes(to: after, respondent: row.externalId)
                }
            }
            return changes
        }
    }

    /// Takes import `id` back: the respondents it added go, those it updated get their fields and answers as they were
    /// before it, and coders' work follows: flags it raised on changed texts are cleared (the text is what the coder
    /// saw), tags it archived with removed answers come back with them, and tags on answers that go now are archived.
    /// Changed free texts lose their auto tags and are tagged again by the next tagging (`AutoTagging.catchUp`).
    ///
    /// Imports are undone last first, per survey: a later import may have built on this one's values.
    /// - Throws: `StoreError.importNotFound`; `StoreError.importNotLast` when a later import of the survey exists.
    public func undoImport(id: Int64) throws -> ImportUndo {
        try write { db in
            guard let batch = try ImportBatch.fetchOne(db, key: id) else { throw StoreError.importNotFound(id) }
            let later = try Int64.fetchAll(
                db, sql: "SELECT id FROM importBatch WHERE surveyId = ? AND id > ? ORDER BY id", arguments: [batch.surveyId, id])
            if !later.isEmpty { throw StoreError.importNotLast(id: id, survey: batch.surveyId, later: later) }
            var undo = ImportUndo(batch: batch)
            let reason = "import \(id) (\(batch.fileName)) was undone"
            var keys: [String: Int64] = [:]
            for question in try QuestionRecord.filter(QuestionRecord.Columns.surveyId == batch.surveyId).fetchAll(db) {
                keys[question.id] = question.key
            }
            let rows = try ChangeRow.fetchAll(
                db, sql: "SELECT externalId, questionId, before, after FROM importChange WHERE batchId = ? ORDER BY id DESC",
                arguments: [id])
            let findRespondent = try db.cachedStatement(sql: "SELECT id FROM respondent WHERE surveyId = ? AND externalId = ?")
            for row in rows {
                guard let respondentId = try Int64.fetchOne(findRespondent, arguments: [batch.surveyId, row.externalId]) else {
                    continue
                }
                guard let questionId = row.questionId else {
                    guard let before = ChangeJSON.decode(RespondentState.self, row.before) else { continue }
                    try db.execute(
                        sql: """
                            UPDATE respondent SET kind = ?, district = ?, serviceTown = ?, organisation = ?, interviewer = ?, date = ?,
                                wave = ?, batchId = ?, sourceLine = ?, sourceRecord = ?, rawFields = ? WHERE id = ?
                            """,
                        arguments: [
                            before.kind, before.district, before.serviceTown, before.organisation, before.interviewer, before.date,
                            before.wave, before.batchId, before.sourceLine, before.sourceRecord, before.rawFields, respondentId,
                        ])
                    undo.respondentsRestored += 1
                    continue
                }
                guard let key = keys[questionId] else { continue }
                let answerId = try Int64.fetchOne(
                    db, sql: "SELECT id FROM answer WHERE respondentId = ? AND questionKey = ?", arguments: [respondentId, key])
                let before = ChangeJSON.decode(AnswerState.self, row.before)
                switch (before, answerId) {
                case (let before?, let answerId?):
                    // Changed: set back in place, so the answer keeps its id and its coders' tags.
                    let current = try String.fetchOne(db, sql: "SELECT raw FROM answer WHERE id = ?", arguments: [answerId])
                    try db.execute(
                        sql: "UPDATE answer SET raw = ?, valueText = ?, valueNumber = ?, isFreeText = ? WHERE id = ?",
                        arguments: [before.raw, before.valueText, before.valueNumber, before.isFreeText, answerId])
                    if before.isFreeText && current?.trimmedCell != before.raw.trimmedCell {
                        try db.execute(sql: "DELETE FROM tag WHERE answerId = ? AND coder = \(Coder.autoSQL)", arguments: [answerId])
                        try db.execute(sql: "DELETE FROM tagRun WHERE answerId = ?", arguments: [answerId])
                    }
                    try db.execute(
                        sql: "DELETE FROM tagReview WHERE batchId = ? AND tagId IN (SELECT id FROM tag WHERE answerId = ?)",
                        arguments: [id, answerId])
                    undo.coderFlagsCleared += db.changesCount
                    undo.answersRestored += 1
                case (let before?, nil):
                    // Removed by the import: put back, with the coders' tags it archived.
                    let answer = AnswerRecord(
                        respondentId: respondentId, questionKey: key, raw: before.raw, valueText: before.valueText,
                        valueNumber: before.valueNumber, isFreeText: before.isFreeText)
                    try answer.insert(db)
                    let restored = db.lastInsertedRowID
                    if before.isFreeText { try AnswerTextRecord(rowid: restored, raw: before.raw).insert(db) }
                    let archived = TagArchiveRecord.filter(
                        TagArchiveRecord.Columns.batchId == id && TagArchiveRecord.Columns.surveyId == batch.surveyId
                            && TagArchiveRecord.Columns.externalId == row.externalId && TagArchiveRecord.Columns.questionId == questionId
                            && TagArchiveRecord.Columns.reason == TagArchive.answerNotInFile)
                    for tag in try archived.fetchAll(db) { try tag.restored(on: restored).insert(db) }
                    undo.coderTagsRestored += try archived.deleteAll(db)
                    undo.answersReinstated += 1
                case (nil, let answerId?):
                    // Added by the import to a known respondent: removed, its coders' tags archived.
                    let raw = try String.fetchOne(db, sql: "SELECT raw FROM answer WHERE id = ?", arguments: [answerId]) ?? ""
                    undo.coderTagsArchived += try TagArchive.archive(
                        db, answerId: answerId, surveyId: batch.surveyId, externalId: row.externalId, questionId: questionId, raw: raw,
                        reason: reason, batchId: nil)
                    try db.execute(sql: "DELETE FROM answer WHERE id = ?", arguments: [answerId])
                    undo.answersRemoved += 1
                case (nil, nil):
                    continue
                }
            }
            // The respondents it added: those still carrying its batch id once the updated ones are set back.
            let added = try AddedRespondent.fetchAll(
                db, sql: "SELECT id, externalId FROM respondent WHERE batchId = ?", arguments: [id])
            for respondent in added {
                let answers = try AnswerColumns.fetchAll(
                    db,
                    sql: """
                        SELECT a.id, q.id AS questionId, a.raw, a.valueText, a.valueNumber, a.isFreeText
                        FROM answer a JOIN question q ON q.key = a.questionKey WHERE a.respondentId = ?
                        """, arguments: [respondent.id])
                for answer in answers {
                    guard let answerId = answer.id else { continue }
                    undo.coderTagsArchived += try TagArchive.archive(
                        db, answerId: answerId, surveyId: batch.surveyId, externalId: respondent.externalId,
                        questionId: answer.questionId, raw: answer.raw, reason: reason, batchId: nil)
                }
                try db.execute(sql: "DELETE FROM answer WHERE respondentId = ?", arguments: [respondent.id])
                try db.execute(sql: "DELETE FROM respondent WHERE id = ?", arguments: [respondent.id])
                undo.respondentsRemoved += 1
            }
            // Flags on texts the undo did not set back (none, unless the database was edited by hand) lose their batch.
            try db.execute(sql: "UPDATE tagReview SET batchId = NULL WHERE batchId = ?", arguments: [id])
            try db.execute(sql: "UPDATE tagArchive SET batchId = NULL WHERE batchId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM importBatch WHERE id = ?", arguments: [id])
            // Tags came and went: every codebook's respondent themes are rebuilt.
            try db.execute(sql: "UPDATE respondentThemeState SET stale = 1")
            try refreshStaleRespondentThemes(db)
            return undo
        }
    }
}

/// A row of `importChange`.
private struct ChangeRow: Decodable, FetchableRecord {
    var externalId: String
    var questionId: String?
    var before: String?
    var after: String?
}

private struct AddedRespondent: Decodable, FetchableRecord {
    var id: Int64
    var externalId: String
}
