import GRDB

/// Writes one file's respondents inside one transaction; handed out by `KartlaggningStore.importTransaction`.
///
/// Statements are prepared once and reused for every row, so a stream of rows costs one
/// indexed lookup and a few inserts each.
public final class ImportSession {
    private let db: Database

    init(db: Database) {
        self.db = db
    }

    /// The earlier import of the same bytes into the same survey, if any.
    public func existingBatch(surveyId: String, sha256: String) throws -> ImportBatch? {
        try guarded {
            try Row.fetchOne(db, sql: "SELECT * FROM importBatch WHERE surveyId = ? AND sha256 = ?", arguments: [surveyId, sha256])
                .map(Self.batch)
        }
    }

    /// Records the start of a file's import and returns the batch id its rows will carry.
    public func startBatch(_ info: ImportBatchInfo) throws -> Int64 {
        try guarded {
            try db.execute(literal: """
                INSERT INTO importBatch (surveyId, fileName, sha256, format, encoding, delimiter, columns, importedAt)
                VALUES (\(info.surveyId), \(info.fileName), \(info.sha256), \(info.format), \(info.encoding),
                        \(info.delimiter), \(JSONText.array(info.columns)), \(KartlaggningStore.timestamp()))
                """)
            return db.lastInsertedRowID
        }
    }

    /// Stores the final counts of a batch.
    public func finishBatch(_ id: Int64, counts: ImportCounts) throws {
        try guarded {
            try db.execute(literal: """
                UPDATE importBatch SET rowsRead = \(counts.rows), added = \(counts.added), updated = \(counts.updated),
                    unchanged = \(counts.unchanged), rejected = \(counts.rejected) WHERE id = \(id)
                """)
        }
    }

    /// Adds the respondent, or updates the one with the same survey and external id when anything differs.
    public func upsert(_ respondent: RespondentDraft, answers: [AnswerDraft], surveyId: String, batchId: Int64) throws -> UpsertOutcome {
        try guarded {
            let rawFields = JSONText.object(respondent.rawFields)
            let find = try db.cachedStatement(sql: """
                SELECT id, kind, district, serviceTown, organisation, interviewer, date, wave, rawFields
                FROM respondent WHERE surveyId = ? AND externalId = ?
                """)
            guard let existing = try Row.fetchOne(find, arguments: [surveyId, respondent.externalId]) else {
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO respondent (surveyId, externalId, kind, district, serviceTown, organisation, interviewer,
                        date, wave, batchId, sourceLine, rawFields)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                try insert.execute(arguments: [
                    surveyId, respondent.externalId, respondent.kind, respondent.district, respondent.serviceTown,
                    respondent.organisation, respondent.interviewer, respondent.date, respondent.wave, batchId,
                    respondent.sourceLine, rawFields,
                ])
                try insertAnswers(answers, respondentId: db.lastInsertedRowID, surveyId: surveyId, batchId: batchId, respondent: respondent)
                return .added
            }
            let respondentId: Int64 = existing["id"]
            let stored: [String?] = [
                existing["kind"], existing["district"], existing["serviceTown"], existing["organisation"],
                existing["interviewer"], existing["date"], existing["wave"], existing["rawFields"],
            ]
            let incoming: [String?] = [
                respondent.kind, respondent.district, respondent.serviceTown, respondent.organisation,
                respondent.interviewer, respondent.date, respondent.wave, rawFields,
            ]
            let sameFields = stored == incoming
            if sameFields, try storedAnswers(respondentId) == Dictionary(uniqueKeysWithValues: answers.map { ($0.questionId, $0) }) {
                return .unchanged
            }
            let update = try db.cachedStatement(sql: """
                UPDATE respondent SET kind = ?, district = ?, serviceTown = ?, organisation = ?, interviewer = ?, date = ?,
                    wave = ?, batchId = ?, sourceLine = ?, rawFields = ? WHERE id = ?
                """)
            try update.execute(arguments: [
                respondent.kind, respondent.district, respondent.serviceTown, respondent.organisation, respondent.interviewer,
                respondent.date, respondent.wave, batchId, respondent.sourceLine, rawFields, respondentId,
            ])
            try db.cachedStatement(sql: "DELETE FROM answer WHERE respondentId = ?").execute(arguments: [respondentId])
            try insertAnswers(answers, respondentId: respondentId, surveyId: surveyId, batchId: batchId, respondent: respondent)
            return .updated
        }
    }

    private func storedAnswers(_ respondentId: Int64) throws -> [String: AnswerDraft] {
        let select = try db.cachedStatement(sql: """
            SELECT questionId, raw, valueText, valueNumber, freeText IS NOT NULL AS isFreeText FROM answer WHERE respondentId = ?
            """)
        var answers: [String: AnswerDraft] = [:]
        for row in try Row.fetchAll(select, arguments: [respondentId]) {
            let answer = AnswerDraft(
                questionId: row["questionId"], raw: row["raw"], valueText: row["valueText"],
                valueNumber: row["valueNumber"], isFreeText: row["isFreeText"])
            answers[answer.questionId] = answer
        }
        return answers
    }

    private func insertAnswers(_ answers: [AnswerDraft], respondentId: Int64, surveyId: String, batchId: Int64, respondent: RespondentDraft) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO answer (respondentId, surveyId, questionId, raw, valueText, valueNumber, freeText, batchId,
                sourceLine, sourceRecord)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for answer in answers {
            try insert.execute(arguments: [
                respondentId, surveyId, answer.questionId, answer.raw, answer.valueText, answer.valueNumber,
                answer.isFreeText ? answer.valueText : nil, batchId, respondent.sourceLine, respondent.sourceRecord,
            ])
        }
    }

    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StoreError.database(KartlaggningStore.describe(error))
        }
    }

    static func batch(_ row: Row) -> ImportBatch {
        ImportBatch(
            id: row["id"], surveyId: row["surveyId"], fileName: row["fileName"], sha256: row["sha256"],
            format: row["format"], encoding: row["encoding"], delimiter: row["delimiter"], importedAt: row["importedAt"],
            rowsRead: row["rowsRead"], added: row["added"], updated: row["updated"], unchanged: row["unchanged"],
            rejected: row["rejected"])
    }
}

extension KartlaggningStore {
    /// Runs one file's import in one write transaction.
    ///
    /// `body` writes through the session; the transaction commits only when `shouldCommit` says so for
    /// the result (a file with errors, or a dry run, rolls back and leaves the database as it was).
    public func importTransaction<T>(_ body: (ImportSession) throws -> T, shouldCommit: (T) -> Bool) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction {
                    let value = try body(ImportSession(db: db))
                    result = value
                    return shouldCommit(value) ? .commit : .rollback
                }
                guard let result else { throw StoreError.database("import transaction produced no result") }
                return result
            }
        } catch let error as DatabaseError {
            throw StoreError.database(Self.describe(error))
        }
    }
}
