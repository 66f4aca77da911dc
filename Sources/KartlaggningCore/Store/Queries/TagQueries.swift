import Foundation
import GRDB
import KartlaggningModel

// MARK: - Tags

extension KartlaggningStore {
    /// Auto-tags every text answer not yet tagged by this revision of the codebook, in one transaction.
    ///
    /// Answers tagged by an older revision lose those auto tags and are tagged anew; manual tags are never
    /// touched. Answers are read in batches, so memory stays flat; the next batch is matched on other threads while
    /// the last one's tags are written.
    /// - Parameters:
    ///   - tagger: the tags of a batch of answers (text and question id), in the batch's order; called for one batch at
    ///     a time, from a thread of its own.
    ///   - progress: called after each batch with the answers tagged so far.
    public func autoTag(
        _ stored: StoredCodebook, tagger: @escaping @Sendable (_ batch: [TagInput]) -> [[AutoTag]], progress: ((Int) -> Void)? = nil
    ) throws -> TagRunSummary {
        let codebookId = stored.codebook.id
        // A codebook's first run (no auto tags to replace) only adds rows: written without SQLite's foreign-key checks
        // (`writeAddingOnly`); should another process have tagged in between, with them.
        let addsOnly = try read { db in try !Self.hasAutoTags(codebookId, db: db) }
        if addsOnly {
            do {
                return try writeAddingOnly { db in try autoTag(stored, tagger: tagger, progress: progress, addsOnly: true, db: db) }
            } catch is AddingOnlyRefused {}
        }
        return try write { db in try autoTag(stored, tagger: tagger, progress: progress, addsOnly: false, db: db) }
    }

    /// Whether any answer carries the codebook's auto tags.
    static func hasAutoTags(_ codebookId: String, db: Database) throws -> Bool {
        try Bool.fetchOne(
            db,
            SQLRequest<Bool>(
                literal: "SELECT EXISTS (SELECT 1 FROM tag WHERE codebookId = \(codebookId) AND coder = \(sql: Coder.autoSQL))"))
            ?? true
    }

    /// `autoTag`'s transaction; with `addsOnly`, it throws `AddingOnlyRefused` before it would delete a tag.
    private func autoTag(
        _ stored: StoredCodebook, tagger: @escaping @Sendable (_ batch: [TagInput]) -> [[AutoTag]], progress: ((Int) -> Void)?,
        addsOnly: Bool, db: Database
    ) throws -> TagRunSummary {
        let codebookId = stored.codebook.id
        let revision = stored.revision
        var summary = TagRunSummary(codebook: codebookId, revision: revision)
        do {
            let untagged = try Self.tagRunStart(codebookId: codebookId, revision: revision, db: db)
            summary.answersUpToDate = untagged.upToDate
            let now = Self.timestamp()
            let removeOld = try db.makeStatement(sql: "DELETE FROM tag WHERE answerId = ? AND codebookId = ? AND coder = \(Coder.autoSQL)")
            // A codebook's first run has no auto tags to replace: no answer's old tags are looked for.
            let hasOldTags = try Self.hasAutoTags(codebookId, db: db)
            if hasOldTags && addsOnly { throw AddingOnlyRefused() }
            // Rows that cannot conflict (a tag gets a new id; an answer tagged for the first time has no mark to
            // replace) are written `OR FAIL`: should one fail all the same, the statement fails and the run with it
            // (its transaction is rolled back), so SQLite keeps no statement journal of the pages each batch changes
            // that the batches before it wrote. With foreign keys on, their checks keep one all the same.
            let insertTag = try BatchedInsert<TagRecord>(db, onConflict: .fail)
            let markFirstRun = try BatchedInsert<TagRunRecord>(db, onConflict: .fail)
            let markRun = try BatchedInsert<TagRunRecord>(db, onConflict: .replace)
            // Whether the codebook's respondent themes are current before this run: then a run over a few answers (an
            // import's new ones) works out again only the respondents it touches, not every respondent's.
            let wasCurrent = try Self.respondentThemesAreCurrent(stored, db: db)
            // A run over every free text of a codebook no coder has decided on (its first, or a new revision's): each
            // answer's effective themes are the auto tags it is given, written to `answerTheme` with them instead of
            // read back from the tags afterwards.
            let coded = try Bool.fetchOne(
                db,
                SQLRequest<Bool>(
                    literal: """
                        SELECT EXISTS (SELECT 1 FROM tag INDEXED BY tag_manual WHERE coder <> \(sql: Coder.autoSQL)
                        AND codebookId = \(codebookId))
                        """))
            let everyAnswerAutoOnly = summary.answersUpToDate == 0 && coded == false
            // Such a run holds its answer themes and writes them theme by theme (`AnswerThemeRuns`).
            var answerThemes = AnswerThemeRuns(codebookId: codebookId, heldRows: answerThemesHeld)
            // Such a run also gathers its respondents' themes as it goes (instead of working them out in SQL afterwards).
            var respondentThemes: RespondentThemeBits?
            if everyAnswerAutoOnly {
                try db.execute(literal: "DELETE FROM main.answerTheme WHERE codebookId = \(codebookId)")
                respondentThemes = RespondentThemeBits(
                    stored.codebook, maxRespondentId: try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM respondent") ?? 0)
            }
            var touched: Set<Int64> = []
            // The tagging figures follow the run: each answer leaves its old revision's and joins this one's.
            var figures: [TagRunKey: (answers: Int, autoTagged: Int)] = [:]
            let thisRun = TagRunKey(codebook: codebookId, revision: revision)
            // A few batches are in memory at once (matched ahead while the last is written): each is bounded by its
            // answers, by the bytes of their texts, and by the tags the answers before it carried.
            let textsAfter = { @Sendable (db: Database, after: Int64, size: TagBatchSize, bytes: Int) throws -> [UntaggedText] in
                try TextBatch.fetch(
                    db,
                    SQLRequest<Row>(
                        literal: """
                            SELECT a.id, a.raw, q.id AS question, a.respondentId, r.revision, r.autoTags, a.questionKey
                            FROM answer a JOIN question q ON q.key = a.questionKey
                            LEFT JOIN tagRun r ON r.answerId = a.id AND r.codebookId = \(codebookId)
                            WHERE a.isFreeText AND a.id > \(after) AND (r.revision IS NULL OR r.revision <> \(revision))
                            ORDER BY a.id LIMIT \(size.answers)
                            """), bytes: bytes, decode: UntaggedText.decode)
            }
            let batchBytes = textBatchBytes
            // Another thread reads the texts (on a pool, on a connection of its own) and makes their tags ready to
            // write, so this one (the writer, the run's bottleneck) only moves them into the tables. In a first run it
            // also gathers the theme digest from the texts' themes and their terms, read from the index on a connection
            // of its own (the run leaves the index as it is).
            let readsApart = writer is DatabasePool
            let gathersDigest = everyAnswerAutoOnly && readsApart
            var digest: ThemeDigestTally? = gathersDigest ? ThemeDigestTally(stored.codebook) : nil
            // Written as it grows (memory stays flat whatever the vocabulary), into the codebook's rows emptied here.
            if gathersDigest { try Self.emptyThemeDigest(codebookId, db: db) }
            let store = self
            let codebook = stored.codebook
            // Each distinct text and question is matched once (surveys repeat short answers).
            let repeated = RepeatedTexts()
            let match = { @Sendable (batch: [UntaggedText]) -> MatchedTexts in
                let prepared = repeated.tags(for: batch.map { TagInput(text: $0.text, question: $0.question) }) { fresh in
                    tagger(fresh).map(PreparedTags.init)
                }
                return MatchedTexts(texts: batch, tags: prepared, digest: nil)
            }
            let nextBatch: () throws -> MatchedTexts
            var ahead: MatchedAhead<Result<MatchedTexts, any Error>>?
            defer { ahead?.stop() }
            if readsApart {
                // On a pool, texts are read and matched a few batches ahead of the writer, on a connection of their
                // own: it sees what was committed before the run took the write lock (no other writer can commit while
                // it holds it) and none of the run's rows, which are the marks and tags of answers before the batch.
                let first = untagged.after
                let half = max(1, batchBytes / 2)
                let matching = MatchedAhead<Result<MatchedTexts, any Error>>(capacity: 2, bytes: half) { offer in
                    var (after, size) = (first, TagBatchSize())
                    while true {
                        let made = Result { match(try store.readOnce { db in try textsAfter(db, after, size, batchBytes) }) }
                        let matched = try? made.get()
                        guard offer(made, matched?.bytes ?? 0), let matched, let last = matched.texts.last else { return }
                        size.saw(answers: matched.tags.count, tags: matched.weight)
                        after = last.answerId
                    }
                }
                // A first run's digest parts are read and counted on a thread of their own again, a stage after the
                // matching: reading each text's terms and counting them by theme is a quarter of the matching thread's
                // time where every text is new, and the matcher's workers go on meanwhile.
                let source =
                    !gathersDigest
                    ? matching
                    : MatchedAhead<Result<MatchedTexts, any Error>>(capacity: 2, bytes: half) { offer in
                        defer { matching.stop() }
                        while let made = matching.next() {
                            let part = made.map { matched in
                                var with = matched
                                with.digest = try? store.digestPart(of: matched.texts, tags: matched.tags, codebook: codebook)
                                return with
                            }
                            guard offer(part, (try? part.get())?.bytes ?? 0) else { return }
                        }
                    }
                ahead = source
                nextBatch = { try source.next()?.get() ?? MatchedTexts(texts: [], tags: [], digest: nil) }
            } else {
                // On a queue (one connection) the writer reads each batch, then matches it.
                var (after, size) = (untagged.after, TagBatchSize())
                nextBatch = {
                    let matched = match(try textsAfter(db, after, size, batchBytes))
                    size.saw(answers: matched.tags.count, tags: matched.weight)
                    after = matched.texts.last?.answerId ?? after
                    return matched
                }
            }
            while true {
                let matched = try nextBatch()
                let (batch, found, part) = (matched.texts, matched.tags, matched.digest)
                guard !batch.isEmpty else { break }
                if gathersDigest {
                    if let part { digest?.merge(part) } else { digest = nil }
                    if let full = digest, full.entries > ThemeDigestTally.heldEntries {
                        try full.apply(codebookId: codebookId, db: db)
                        digest = ThemeDigestTally(stored.codebook)
                    }
                }
                for (text, prepared) in zip(batch, found) {
                    let answerId = text.answerId
                    if wasCurrent && touched.count <= Self.fewRespondents { touched.insert(text.respondentId) }
                    if hasOldTags {
                        try removeOld.execute(arguments: [answerId, codebookId])
                        summary.tagsReplaced += db.changesCount
                    }
                    for tag in prepared.tags {
                        try insertTag.add(
                            TagRecord(
                                answerId: answerId, codebookId: codebookId, themeId: tag.theme, revision: revision,
                                coder: Coder.auto.rawValue,
                                pattern: tag.pattern, spans: tag.spans, negative: false, note: nil, createdAt: now))
                    }
                    if everyAnswerAutoOnly {
                        for (theme, words) in prepared.themes {
                            respondentThemes?.add(theme: theme, respondent: text.respondentId)
                            answerThemes.add(theme: theme, answer: answerId, matched: words)
                        }
                    }
                    let tags = prepared.tags.count
                    let mark = TagRunRecord(answerId: answerId, codebookId: codebookId, revision: revision, autoTags: tags)
                    try (text.previousRevision == nil ? markFirstRun : markRun).add(mark)
                    if let old = text.previousRevision {
                        let before = TagRunKey(codebook: codebookId, revision: old)
                        figures[before, default: (0, 0)].answers -= 1
                        if text.previousAutoTags > 0 { figures[before, default: (0, 0)].autoTagged -= 1 }
                    }
                    figures[thisRun, default: (0, 0)].answers += 1
                    if tags > 0 { figures[thisRun, default: (0, 0)].autoTagged += 1 }
                    summary.answersTagged += 1
                    summary.tagsWritten += tags
                    if tags > 0 { summary.answersWithThemes += 1 }
                }
                if answerThemes.isFull { try answerThemes.write(db) }
                progress?(summary.answersTagged)
            }
            // The rows still waiting in the batches, before anything reads them.
            try insertTag.flush()
            try answerThemes.write(db)
            try markFirstRun.flush()
            try markRun.flush()
            for (key, change) in figures.sorted(by: { $0.key.revision < $1.key.revision }) {
                try Self.addToTagRuns(key, answers: change.answers, autoTagged: change.autoTagged, db: db)
            }
            if everyAnswerAutoOnly {
                try rebuildRespondentThemes(
                    stored, db: db, answerThemesWritten: true, respondentThemes: respondentThemes, digest: digest)
            } else if summary.answersTagged > 0 || summary.tagsReplaced > 0 {
                if wasCurrent && touched.count <= Self.fewRespondents {
                    try rebuildRespondentThemes(stored, db: db, respondents: touched.sorted())
                } else {
                    try rebuildRespondentThemes(stored, db: db)
                }
            }
            return summary
        }
    }

    /// Up to how many respondents a write reworks the respondent themes of only the respondents it touched (beyond,
    /// all are worked out again: one pass is then cheaper than a lookup per respondent).
    static let fewRespondents = 10_000

    /// Records coders' decisions, all or none: every answer and theme is checked first.
    /// - Throws: `StoreError.answerNotFound`, `.themeNotFound`, or a list of problems by line for files.
    public func setManualTags(_ tags: [ManualTag], codebook stored: StoredCodebook) throws {
        if tags.contains(where: { Coder.isReserved($0.coder) }) { throw StoreError.reservedCoder }
        let themes = Set(stored.codebook.themes.map(\.id))
        try write { db in
            let byId = try db.makeStatement(sql: "SELECT id FROM answer WHERE id = ?")
            let byLocator = try db.makeStatement(
                sql: """
                    SELECT a.id FROM answer a JOIN respondent r ON r.id = a.respondentId JOIN question q ON q.key = a.questionKey
                    WHERE r.surveyId = ? AND r.externalId = ? AND q.id = ?
                    """)
            let now = Self.timestamp()
            // Whether the codebook's respondent themes are current before these decisions: then only the
            // respondents they touch are worked out again (a click in the workbench on 200,000 respondents).
            let latest = try Self.latestCodebook(db, id: stored.codebook.id)
            let current = try latest.map { try Self.respondentThemesAreCurrent($0, db: db) } ?? false
            var touched: Set<Int64> = []
            let respondentOf = try db.makeStatement(sql: "SELECT respondentId FROM answer WHERE id = ?")
            for tag in tags {
                let found: Int64? =
                    switch tag.answer {
                    case .id(let id): try Int64.fetchOne(byId, arguments: [id])
                    case .locator(let survey, let respondent, let question):
                        try Int64.fetchOne(byLocator, arguments: [survey, respondent, question])
                    }
                guard let answerId = found else {
                    throw StoreError.answerNotFound(tag.line.map { "\(tag.answer) (line \($0))" } ?? tag.answer.description)
                }
                guard themes.contains(tag.theme) else { throw StoreError.themeNotFound(theme: tag.theme, codebook: stored.codebook.id) }
                // One decision per coder, answer and theme (the partial index `tag_manual`): a new one replaces the
                // old, keeping its note unless it brings one.
                if var existing = try TagRecord.manualTags(answerId: answerId)
                    .filter(TagRecord.Columns.codebookId == stored.codebook.id && TagRecord.Columns.themeId == tag.theme)
                    .filter(TagRecord.Columns.coder == tag.coder).fetchOne(db)
                {
                    existing.negative = tag.negative
                    existing.note = tag.note ?? existing.note
                    existing.createdAt = now
                    try existing.update(db)
                } else {
                    try TagRecord.manual(
                        answerId: answerId, codebookId: stored.codebook.id, themeId: tag.theme, coder: tag.coder, negative: tag.negative,
                        note: tag.note, createdAt: now
                    ).insert(db)
                }
                if let respondent = try Int64.fetchOne(respondentOf, arguments: [answerId]) { touched.insert(respondent) }
            }
            if current, let latest, touched.count <= Self.fewRespondents {
                try rebuildRespondentThemes(latest, db: db, respondents: touched.sorted())
            } else {
                try db.execute(literal: "UPDATE respondentThemeState SET stale = 1 WHERE codebookId = \(stored.codebook.id)")
                try refreshStaleRespondentThemes(db)
            }
        }
    }

}

// MARK: - What is left to tag

extension KartlaggningStore {
    /// For each loaded codebook (its latest revision), the free-text answers it has not tagged yet; only codebooks with
    /// any left.
    public func untaggedAnswers() throws -> [UntaggedAnswers] {
        try read { db in try Self.untaggedAnswers(db) }
    }

    static func untaggedAnswers(_ db: Database) throws -> [UntaggedAnswers] {
        var out: [UntaggedAnswers] = []
        for latest in try LatestRevision.fetchAll(db, sql: "SELECT id, max(revision) AS revision FROM codebook GROUP BY id ORDER BY id") {
            let left = try untaggedCount(codebook: latest.id, revision: latest.revision, db: db)
            if left > 0 { out.append(UntaggedAnswers(codebook: latest.id, revision: latest.revision, answers: left)) }
        }
        return out
    }

    /// The free-text answers a codebook's revision has not tagged.
    static func untaggedCount(codebook id: String, revision: Int, db: Database) throws -> Int {
        try Int.fetchOne(db, SQLRequest<Int>(literal: "SELECT COUNT(*) FROM \(untaggedTexts(codebook: id, revision: revision))")) ?? 0
    }

    /// The free texts `revision` of the codebook has not tagged, as `FROM … WHERE …` naming them `a`.
    static func untaggedTexts(codebook id: String, revision: Int) -> SQL {
        """
        answer a LEFT JOIN tagRun r ON r.answerId = a.id AND r.codebookId = \(id)
        WHERE a.isFreeText AND (r.revision IS NULL OR r.revision <> \(revision))
        """
    }
}

/// A codebook's latest revision, as a query row.
private struct LatestRevision: Decodable, FetchableRecord {
    var id: String
    var revision: Int
}

extension KartlaggningStore {
    /// Where a tagging run finds the free texts `revision` has not tagged: after answer id `after` (every answer up to
    /// it is tagged by it), and how many free texts it has tagged (`upToDate`).
    ///
    /// From the kept counts where they are current (a write transaction finds them so: every writer makes them again
    /// before it commits): the free texts left are all of them less those the revision has tagged, and they are
    /// looked for from the newest answer down — an import's new answers are the newest, so a run after it reads what it
    /// added, not every text. Where the count is not met on the way down (or the counts are not current), from the
    /// first answer up.
    static func tagRunStart(codebookId: String, revision: Int, db: Database) throws -> (after: Int64, upToDate: Int) {
        guard let kept = try keptTaggingCounts(codebook: codebookId, revision: revision, db: db) else {
            let upToDate = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM tagRun WHERE codebookId = ? AND revision = ?", arguments: [codebookId, revision])
            return (0, upToDate ?? 0)
        }
        let upToDate = kept.tagged
        var left = kept.freeTexts - upToDate
        // Nothing left: no text to read. None tagged yet (a codebook's first run, a new revision): every text, from
        // the first up, without counting down to it first.
        guard left > 0 && upToDate > 0 else { return (left == 0 ? Int64.max : 0, upToDate) }
        let newestFirst = try Int64.fetchCursor(
            db, SQLRequest<Int64>(literal: "SELECT a.id FROM \(untaggedTexts(codebook: codebookId, revision: revision)) ORDER BY a.id DESC")
        )
        while let id = try newestFirst.next() {
            left -= 1
            if left == 0 { return (id - 1, upToDate) }
        }
        return (0, upToDate)
    }
}
