import GRDB
import KartlaggningModel

/// Writes one file's respondents inside one transaction; handed out by `KartlaggningStore.importTransaction`.
///
/// Statements are prepared once and reused for every row, so a stream of rows costs one
/// indexed lookup and a few inserts each.
public final class ImportSession {
    private let db: Database
    /// The highest answer id before this session wrote any: what lies above it is new and unindexed.
    private var indexedUpTo: Int64?
    /// Question keys by survey and question id, loaded once per survey.
    private var questionKeys: [String: [String: Int64]] = [:]
    /// The ids of questions whose columns identify people: their changes are listed without values.
    private var identifyingQuestions: Set<String> = []
    /// Answers with coders' tags whose text this session changed: their tags are flagged for review.
    public private(set) var codedAnswersChanged = 0
    /// Coders' tags moved to the archive because their answer is gone from the re-imported file.
    public private(set) var manualTagsArchived = 0
    /// What this session replaced in respondents seen before, the first `changeListLimit` of them, and how many in all.
    /// Every one is kept in `importChange` as well, for `kartlagg imports N` and `kartlagg import undo N`.
    public private(set) var changes: [ImportChange] = []
    public private(set) var changeCount = 0
    public static let changeListLimit = 1_000

    /// A row that repeats an earlier row's respondent id replaces it (`--last-wins`) instead of being refused.
    public var lastWins = false
    /// With `lastWins`, how many rows replaced an earlier row of the same file.
    public private(set) var rowsReplaced = 0
    /// After a `.repeated` outcome: the line of the earlier row with the same id.
    public private(set) var repeatedFirstLine = 0
    /// The rows of this file by respondent row id: the line that gave it, negative when this import wrote the
    /// respondent (added or updated it), 0 when no row has. 4 bytes per respondent id, however long the file.
    private var seenLines: [Int32] = []

    /// The kept counts' share of the respondents and answers this session added, counted as they are written.
    private(set) var tally = AddedRowTally()
    /// Whether, at commit, the kept counts were brought along from `tally` (else from the rows).
    var countedFromTally = false
    /// The questions whose answers the kept counts count by category, and the scales among them (read once).
    private var keptQuestions: KartlaggningStore.KeptQuestions?

    /// The hot path's inserts, prepared once per session.
    /// New respondents, gathered and written a batch at a time, always before the batch of answers naming them
    /// (`flushPending`).
    private var respondentRows: BatchedInsert<NumberedRespondent>?
    /// The id the next new respondent gets: the largest plus one, as SQLite would give it (read at the first).
    private var nextRespondentId: Int64?
    /// The new respondents still waiting in `respondentRows`, by survey and external id: a later row of the file with
    /// the same id has them written first, then finds them.
    private var pendingRespondents: Set<String> = []
    /// Answers gathered and written a batch at a time.
    private var answerStage: AnswerStage?
    /// For each survey the session came to: the ids it wrote, where the survey had no respondents then (nil where it
    /// had: all its ids are looked up); the last survey asked for, kept at hand.
    private var idsWritten: [String: SeenIds?] = [:]
    private var lastSurvey: (id: String, seen: SeenIds?)?

    init(db: Database) {
        self.db = db
    }

    private func seenLine(_ id: Int64) -> Int32 {
        id >= 0 && id < seenLines.count ? seenLines[Int(id)] : 0
    }

    private func markSeen(_ id: Int64, line: Int, written: Bool) {
        guard id >= 0 else { return }
        if id >= seenLines.count { seenLines += [Int32](repeating: 0, count: max(Int(id) + 1 - seenLines.count, seenLines.count)) }
        let line = Int32(clamping: line)
        seenLines[Int(id)] = written ? -line : line
    }

    /// The ids this session wrote to `surveyId`, if it had no respondents when the session first came to it.
    private func seenIds(_ surveyId: String) throws -> SeenIds? {
        if let lastSurvey, lastSurvey.id == surveyId { return lastSurvey.seen }
        let seen: SeenIds?
        if let looked = idsWritten[surveyId] {
            seen = looked
        } else {
            let known = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM respondent WHERE surveyId = ?)", arguments: [surveyId])
            seen = known == false ? SeenIds() : nil
            idsWritten.updateValue(seen, forKey: surveyId)
        }
        lastSurvey = (surveyId, seen)
        return seen
    }

    private func keys(surveyId: String) throws -> [String: Int64] {
        if let keys = questionKeys[surveyId] { return keys }
        var keys: [String: Int64] = [:]
        for question in try QuestionRecord.filter(QuestionRecord.Columns.surveyId == surveyId).fetchAll(db) {
            keys[question.id] = question.key
            if question.identifying { identifyingQuestions.insert(question.id) }
        }
        questionKeys[surveyId] = keys
        return keys
    }

    /// The latest earlier import of the same bytes into the same survey, if any.
    public func existingBatch(surveyId: String, sha256: String) throws -> ImportBatch? {
        try guarded {
            try ImportBatch.filter(Column("surveyId") == surveyId && Column("sha256") == sha256).order(Column("id").desc).fetchOne(db)
        }
    }

    /// The survey's latest import, if any.
    public func latestBatch(surveyId: String) throws -> ImportBatch? {
        try guarded {
            try ImportBatch.filter(Column("surveyId") == surveyId).order(Column("id").desc).fetchOne(db)
        }
    }

    /// Records the start of a file's import and returns the batch id its rows will carry.
    public func startBatch(_ info: ImportBatchInfo) throws -> Int64 {
        try guarded {
            var batch = ImportBatchRecord(
                id: nil, surveyId: info.surveyId, fileName: info.fileName, sha256: info.sha256, format: info.format,
                encoding: info.encoding, delimiter: info.delimiter, columns: JSONText.array(info.columns),
                importedAt: KartlaggningStore.timestamp())
            try batch.insert(db)
            return batch.id ?? db.lastInsertedRowID
        }
    }

    /// Stores the final counts of a batch and adds the batch's new free-text answers to the full-text index.
    public func finishBatch(_ id: Int64, counts: ImportCounts) throws {
        try guarded {
            try indexPending()
            try db.execute(
                literal: """
                    UPDATE importBatch SET rowsRead = \(counts.rows), added = \(counts.added), updated = \(counts.updated),
                        unchanged = \(counts.unchanged), rejected = \(counts.rejected) WHERE id = \(id)
                    """)
        }
    }

    /// Adds the respondent, or updates the one with the same survey and external id when anything differs,
    /// answer by answer (see `updateAnswers`).
    public func upsert(_ respondent: RespondentDraft, answers: [AnswerDraft], surveyId: String, batchId: Int64) throws -> UpsertOutcome {
        try guarded {
            let rawFields = JSONText.object(respondent.rawFields)
            let find = try db.cachedStatement(
                sql: """
                    SELECT id, externalId, kind, district, serviceTown, organisation, interviewer, date, wave, rawFields, batchId,
                        sourceLine, sourceRecord
                    FROM respondent WHERE surveyId = ? AND externalId = ?
                    """)
            let pendingKey = surveyId + "\u{1F}" + respondent.externalId
            // A survey empty when the session began holds only the ids it wrote: one never written is new, with no
            // lookup. Else a respondent not in the survey yet costs one index probe and no row read.
            let written = try seenIds(surveyId)
            let idHash = written.map { _ in SeenIds.hash(respondent.externalId) } ?? 0
            let certainlyNew = written.map { !$0.mightContain(idHash) } ?? false
            if !certainlyNew && pendingRespondents.contains(pendingKey) { try flushPending() }
            let known =
                certainlyNew
                ? nil
                : try find.stepBound(db) {
                    $0.add(surveyId)
                    $0.add(respondent.externalId)
                }
            // One lookup gives the fields to compare and, should the respondent change, the state undo restores.
            let found = try known.map { _ in try Row.fetchOne(find, arguments: [surveyId, respondent.externalId]) } ?? nil
            let existing = try found.map(RespondentColumns.init(row:))
            guard let found, let existing, let respondentId = existing.id else {
                let rows = try respondentRows ?? BatchedInsert(db)
                respondentRows = rows
                let id = try nextRespondentId ?? (Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM respondent") ?? 0) + 1
                nextRespondentId = id + 1
                try rows.append(
                    NumberedRespondent(
                        id: id,
                        respondent: RespondentRecord(
                            surveyId: surveyId, externalId: respondent.externalId, kind: respondent.kind, district: respondent.district,
                            serviceTown: respondent.serviceTown, organisation: respondent.organisation,
                            interviewer: respondent.interviewer, date: respondent.date, wave: respondent.wave, batchId: batchId,
                            sourceLine: respondent.sourceLine, sourceRecord: respondent.sourceRecord, rawFields: rawFields)))
                pendingRespondents.insert(pendingKey)
                written?.insert(idHash)
                let cell = tally.addRespondent(
                    id: id,
                    fields: [
                        surveyId, respondent.kind, respondent.district, respondent.serviceTown, respondent.wave, respondent.interviewer,
                    ],
                    date: respondent.date)
                try insertAnswers(answers, respondentId: id, surveyId: surveyId, cell: cell)
                if rows.isFull { try flushPending() }
                markSeen(id, line: respondent.sourceLine, written: true)
                return .added
            }
            let seen = seenLine(respondentId)
            // Written by this import: its answers may still wait to be written.
            if seen < 0 { try flushPending() }
            if seen != 0 {
                guard lastWins else {
                    repeatedFirstLine = Int(abs(seen))
                    return .repeated
                }
                rowsReplaced += 1
            }
            // What this import wrote itself is no change to keep: undo takes it back from the state before the import.
            let writtenHere = seen < 0
            let stored: [String?] = [
                existing.kind, existing.district, existing.serviceTown, existing.organisation, existing.interviewer, existing.date,
                existing.wave, existing.rawFields,
            ]
            let incoming: [String?] = [
                respondent.kind, respondent.district, respondent.serviceTown, respondent.organisation,
                respondent.interviewer, respondent.date, respondent.wave, rawFields,
            ]
            let sameFields = stored == incoming
            let storedAnswers = try storedAnswers(respondentId)
            let incomingAnswers = Dictionary(answers.map { ($0.questionId, $0) }, uniquingKeysWith: { _, last in last })
            if sameFields && storedAnswers.mapValues(\.draft) == incomingAnswers {
                markSeen(respondentId, line: respondent.sourceLine, written: writtenHere)
                return .unchanged
            }
            // A known respondent changed: the transaction rewrites rows, and the counts are made from them.
            tally.abandon()
            if !writtenHere {
                try recordRespondentChange(
                    existing.externalId, before: try RespondentState(row: found), incoming: respondent, rawFields: rawFields,
                    batchId: batchId)
            }
            let update = try db.cachedStatement(
                sql: """
                    UPDATE respondent SET kind = ?, district = ?, serviceTown = ?, organisation = ?, interviewer = ?, date = ?,
                        wave = ?, batchId = ?, sourceLine = ?, sourceRecord = ?, rawFields = ? WHERE id = ?
                    """)
            try update.execute(arguments: [
                respondent.kind, respondent.district, respondent.serviceTown, respondent.organisation, respondent.interviewer,
                respondent.date, respondent.wave, batchId, respondent.sourceLine, respondent.sourceRecord, rawFields, respondentId,
            ])
            try updateAnswers(
                stored: storedAnswers, incoming: answers, respondentId: respondentId, surveyId: surveyId,
                externalId: respondent.externalId, batchId: batchId, recording: !writtenHere)
            markSeen(respondentId, line: respondent.sourceLine, written: true)
            return .updated
        }
    }

    // MARK: - What an update replaced

    /// Keeps a known respondent's fields before and after this import (restored by undo), and lists those that differ.
    private func recordRespondentChange(
        _ externalId: String, before: RespondentState, incoming: RespondentDraft, rawFields: String, batchId: Int64
    ) throws {
        let fields = incoming.fields
        let after = RespondentState(
            kind: fields.kind, district: fields.district, serviceTown: fields.serviceTown, organisation: fields.organisation,
            interviewer: fields.interviewer, date: fields.date, wave: fields.wave, batchId: batchId, sourceLine: incoming.sourceLine,
            sourceRecord: incoming.sourceRecord, rawFields: rawFields)
        try insertChange(batchId: batchId, externalId: externalId, questionId: nil, before: before, after: after)
        for change in before.changes(to: after, respondent: externalId) { list(change) }
    }

    /// Keeps an answer's value before and after this import; nil before: added, nil after: removed.
    private func recordAnswerChange(
        surveyId: String, externalId: String, questionId: String, before: AnswerDraft?, after: AnswerDraft?, batchId: Int64
    ) throws {
        _ = try keys(surveyId: surveyId)
        try insertChange(
            batchId: batchId, externalId: externalId, questionId: questionId, before: before.map(AnswerState.init),
            after: after.map(AnswerState.init))
        list(
            ImportChange(
                respondent: externalId, field: questionId, isQuestion: true, before: before?.raw.trimmedCell,
                after: after?.raw.trimmedCell))
    }

    private func insertChange<T: Encodable>(batchId: Int64, externalId: String, questionId: String?, before: T?, after: T?) throws {
        try ImportChangeRecord(
            id: nil, batchId: batchId, externalId: externalId, questionId: questionId, before: try before.map(ChangeJSON.encode),
            after: try after.map(ChangeJSON.encode)
        ).insert(db)
    }

    private func list(_ change: ImportChange) {
        changeCount += 1
        guard changes.count < Self.changeListLimit else { return }
        changes.append(change.isQuestion && identifyingQuestions.contains(change.field) ? change.withValuesHidden : change)
    }

    // MARK: - Answer by answer

    /// An answer as stored, with the id that tags hang on.
    private struct StoredAnswerRow {
        var id: Int64
        var draft: AnswerDraft
    }

    private func storedAnswers(_ respondentId: Int64) throws -> [String: StoredAnswerRow] {
        let select = try db.cachedStatement(
            sql: """
                SELECT a.id, q.id AS questionId, a.raw, a.valueText, a.valueNumber, a.isFreeText
                FROM answer a JOIN question q ON q.key = a.questionKey WHERE a.respondentId = ?
                """)
        var answers: [String: StoredAnswerRow] = [:]
        for answer in try AnswerColumns.fetchAll(select, arguments: [respondentId]) {
            guard let id = answer.id else { continue }
            answers[answer.questionId] = StoredAnswerRow(id: id, draft: answer.draft)
        }
        return answers
    }

    /// Brings a known respondent's answers to what the file says, keeping every unchanged answer's row (and
    /// so its tags): changed answers are updated in place, new ones added, and vanished ones removed only
    /// after their coders' tags are archived. A changed free text loses its auto tags (it is tagged anew)
    /// and keeps its coders' tags, flagged for review with the text the coder saw.
    private func updateAnswers(
        stored: [String: StoredAnswerRow], incoming: [AnswerDraft], respondentId: Int64, surveyId: String, externalId: String,
        batchId: Int64, recording: Bool
    ) throws {
        var added: [AnswerDraft] = []
        var seen: Set<String> = []
        for answer in incoming {
            seen.insert(answer.questionId)
            guard let old = stored[answer.questionId] else {
                added.append(answer)
                if recording {
                    try recordAnswerChange(
                        surveyId: surveyId, externalId: externalId, questionId: answer.questionId, before: nil, after: answer,
                        batchId: batchId)
                }
                continue
            }
            if old.draft == answer { continue }
            if recording {
                try recordAnswerChange(
                    surveyId: surveyId, externalId: externalId, questionId: answer.questionId, before: old.draft, after: answer,
                    batchId: batchId)
            }
            try flushIndex(before: old.id)
            try db.cachedStatement(sql: "UPDATE answer SET raw = ?, valueText = ?, valueNumber = ? WHERE id = ?").execute(
                arguments: [answer.raw, answer.isFreeText ? nil : answer.valueText, answer.valueNumber, old.id])
            guard answer.isFreeText, old.draft.raw.trimmedCell != answer.raw.trimmedCell else { continue }
            try db.cachedStatement(sql: "DELETE FROM tag WHERE answerId = ? AND coder = \(Coder.autoSQL)").execute(arguments: [old.id])
            try db.cachedStatement(sql: "DELETE FROM tagRun WHERE answerId = ?").execute(arguments: [old.id])
            // The coders' tags on the changed text are flagged for review (once: a flag already raised stays).
            let flaggedAt = KartlaggningStore.timestamp()
            let coded = try TagRecord.manualTags(answerId: old.id).fetchAll(db)
            for tag in coded {
                guard let tagId = tag.id else { continue }
                try TagReviewRecord(tagId: tagId, previousRaw: old.draft.raw, batchId: batchId, flaggedAt: flaggedAt)
                    .insert(db, onConflict: .ignore)
            }
            if !coded.isEmpty { codedAnswersChanged += 1 }
        }
        for (questionId, old) in stored.sorted(by: { $0.key < $1.key }) where !seen.contains(questionId) {
            if recording {
                try recordAnswerChange(
                    surveyId: surveyId, externalId: externalId, questionId: questionId, before: old.draft, after: nil, batchId: batchId)
            }
            try archiveManualTags(
                answerId: old.id, surveyId: surveyId, externalId: externalId, questionId: questionId, raw: old.draft.raw,
                reason: TagArchive.answerNotInFile, batchId: batchId)
            try flushIndex(before: old.id)
            try db.cachedStatement(sql: "DELETE FROM answer WHERE id = ?").execute(arguments: [old.id])
        }
        try insertAnswers(added, respondentId: respondentId, surveyId: surveyId)
    }

    /// Copies an answer's coders' tags, with what they were made on, to the archive.
    private func archiveManualTags(
        answerId: Int64, surveyId: String, externalId: String, questionId: String, raw: String, reason: String, batchId: Int64
    ) throws {
        manualTagsArchived += try TagArchive.archive(
            db, answerId: answerId, surveyId: surveyId, externalId: externalId, questionId: questionId, raw: raw, reason: reason,
            batchId: batchId)
    }

    /// Adds the answers this session inserted so far to the full-text index before a row among them is
    /// changed or deleted: the index triggers expect the row they remove to be indexed.
    private func flushIndex(before answerId: Int64) throws {
        if let indexedUpTo, answerId > indexedUpTo { try indexPending() }
    }

    /// Indexes the free texts inserted since `indexedUpTo` in one statement (many times faster than a row trigger).
    private func indexPending() throws {
        try flushPending()
        guard let indexedUpTo else { return }
        try db.execute(
            literal: "INSERT INTO answerText(rowid, raw) SELECT id, raw FROM answer WHERE id > \(indexedUpTo) AND isFreeText")
        self.indexedUpTo = nil
    }

    /// Inserts a respondent's answers; `cell` is the tally's cell of a respondent this session added (nil: a known
    /// respondent, whose rows the counts are made from).
    private func insertAnswers(_ answers: [AnswerDraft], respondentId: Int64, surveyId: String, cell: Int? = nil) throws {
        if indexedUpTo == nil {
            indexedUpTo = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'answer'") ?? 0
        }
        let keys = try keys(surveyId: surveyId)
        let stage = try answerStage ?? AnswerStage(db)
        answerStage = stage
        let kept = try keptQuestions ?? KartlaggningStore.KeptQuestions(db)
        keptQuestions = kept
        for answer in answers {
            guard let key = keys[answer.questionId] else {
                throw StoreError.surveyConflict(survey: surveyId, reason: "no question \"\(answer.questionId)\"")
            }
            if let cell {
                tally.addAnswer(
                    cell: cell, question: key, value: answer.isFreeText ? nil : answer.valueText, number: answer.valueNumber,
                    isFreeText: answer.isFreeText, kept: kept.kept.contains(key), scale: kept.scale.contains(key))
            } else {
                tally.abandon()
            }
            // A free text is its raw cell: stored once, and indexed from there.
            try stage.append(
                AnswerRecord(
                    respondentId: respondentId, questionKey: key, raw: answer.raw, valueText: answer.isFreeText ? nil : answer.valueText,
                    valueNumber: answer.valueNumber, isFreeText: answer.isFreeText))
            if stage.isFull { try flushPending() }
        }
    }

    /// Writes the respondents and then the answers still waiting in their batches: before anything reads or changes
    /// them, and before commit.
    func flushPending() throws {
        if let respondentRows, respondentRows.count > 0 {
            try respondentRows.flush()
            pendingRespondents.removeAll(keepingCapacity: true)
        }
        if let answerStage, answerStage.count > 0 { tally.noteAnswers(try answerStage.flush()) }
    }

    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw KartlaggningStore.storeError(error)
        }
    }
}
