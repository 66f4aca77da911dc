import GRDB
import KartlaggningModel

// MARK: - The term index

extension KartlaggningStore {
    /// The free texts the term index covers: not from a column that identifies people.
    static let indexedTexts: SQL = "a.isFreeText AND \(notIdentifying)"

    /// The index's key with what the store adds: which questions identify people (their texts are not indexed, so
    /// a question marked identifying later makes the index again without them).
    static func scopedKey(_ key: String, db: Database) throws -> String {
        let identifying = try Int64.fetchAll(db, sql: "SELECT key FROM question WHERE identifying ORDER BY key")
        return key + "|identifying:" + identifying.map(String.init).joined(separator: ",")
    }

    /// Whether the term index holds every free text it covers, made the way `key` names.
    public func termIndexIsCurrent(key: String) throws -> Bool {
        try read { db in
            guard let state = try TermIndexStateRecord.fetchOne(db, key: 1), state.key == (try Self.scopedKey(key, db: db)) else {
                return false
            }
            // Found complete by the indexer at this data version: no data has changed since.
            if let complete = state.completeAt, complete == (try String.fetchOne(db, sql: "SELECT version FROM dataVersion WHERE id = 1")) {
                return true
            }
            return try !Self.unindexedTextExists(db)
        }
    }

    /// Whether the index was made the way `key` names and noted complete at the data's current version (no scan).
    public func termIndexIsNotedComplete(key: String) throws -> Bool {
        try read { db in
            guard let state = try TermIndexStateRecord.fetchOne(db, key: 1), state.key == (try Self.scopedKey(key, db: db)),
                let complete = state.completeAt
            else { return false }
            return complete == (try String.fetchOne(db, sql: "SELECT version FROM dataVersion WHERE id = 1"))
        }
    }

    /// The answer id up to which the index holds every text it covers (0: not known). Noted when the index was found
    /// complete; answers added since have larger ids, and a text changed in place since forgot it (`termIndex_gap`).
    static func indexedThrough(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT completeThrough FROM termIndexState WHERE id = 1") ?? 0
    }

    /// Whether a free text the index covers is missing from it: looked for above the answer id it holds every text
    /// up to.
    static func unindexedTextExists(_ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db,
            SQLRequest<Bool>(
                literal: """
                    SELECT EXISTS (SELECT 1 FROM answer a LEFT JOIN termIndexed t ON t.answerId = a.id
                                   WHERE \(Self.indexedTexts) AND t.answerId IS NULL AND a.id > \(try indexedThrough(db)))
                    """)) ?? false
    }

    /// Brings the term index up to date: emptied first when it was made another way than `key` names, then the terms
    /// of every free text it does not hold, `batchSize` texts a transaction, fewer where their texts are long
    /// (`TextBatch`; an interrupted run keeps what it made).
    /// The index is derived data: writing it does not change the data's version.
    /// - Parameters:
    ///   - terms: each text's terms, in the batch's order.
    ///   - progress: called after each batch with the texts indexed so far.
    /// - Returns: how many texts were indexed.
    @discardableResult
    public func indexTerms(
        key: String, batchSize: Int = 5_000, terms: ([IndexedText]) -> [[TermCount]], progress: ((Int) -> Void)? = nil
    ) throws -> Int {
        try writeDerived { db in
            let key = try Self.scopedKey(key, db: db)
            guard try TermIndexStateRecord.fetchOne(db, key: 1)?.key != key else { return }
            try db.execute(sql: "DELETE FROM answerTerm; DELETE FROM termIndexed; DELETE FROM termTotal; DELETE FROM themeDigestState")
            try TermIndexStateRecord(key: key).save(db)
        }
        var indexed = 0
        // The last answer indexed (nil: none yet in this run). The first batch is looked for above the answer id the
        // index holds every text up to, so an import's new texts are found without a pass over every text.
        var after: Int64?
        while true {
            let written = try writeDerived { db -> Int64? in
                let from = try after ?? Self.indexedThrough(db)
                let batch = try TextBatch.fetch(
                    db,
                    SQLRequest<Row>(
                        literal: """
                            SELECT a.id, a.raw FROM answer a LEFT JOIN termIndexed t ON t.answerId = a.id
                            WHERE \(Self.indexedTexts) AND t.answerId IS NULL AND a.id > \(from)
                            ORDER BY a.id LIMIT \(batchSize)
                            """), textColumn: 1, bytes: textBatchBytes
                ).map { IndexedText(answerId: $0[0], text: $0[1]) }
                guard let last = batch.last else {
                    // This transaction's query went over every text not known indexed (none indexed before it in this
                    // run): complete.
                    if after == nil { try Self.noteTermIndexComplete(db) }
                    return nil
                }
                let insertTerm = try BatchedInsert<AnswerTermRecord>(db)
                let insertIndexed = try BatchedInsert<TermIndexedRecord>(db)
                var added: [TermTotalRecord.Key: Int] = [:]
                let found = terms(batch)
                for (text, found) in zip(batch, found) {
                    for term in found {
                        try insertTerm.add(
                            AnswerTermRecord(answerId: text.answerId, lemma: term.lemma, surface: term.surface, n: term.count))
                        added[TermTotalRecord.Key(lemma: term.lemma, surface: term.surface), default: 0] += term.count
                    }
                    try insertIndexed.add(TermIndexedRecord(answerId: text.answerId))
                }
                try insertTerm.flush()
                try insertIndexed.flush()
                // The theme digests count the terms of the texts they carry that are indexed.
                try Self.addIndexedTerms(zip(batch, found).map { ($0.answerId, $1) }, db: db)
                // The running totals, once per form of the batch.
                let addTo = try db.cachedStatement(sql: "UPDATE termTotal SET n = n + ? WHERE lemma = ? AND surface = ?")
                let insertTotal = try PreparedInsert<TermTotalRecord>(db)
                for (form, count) in added {
                    try addTo.execute(arguments: [count, form.lemma, form.surface])
                    if db.changesCount == 0 { try insertTotal.insert(TermTotalRecord(lemma: form.lemma, surface: form.surface, n: count)) }
                }
                indexed += batch.count
                return last.answerId
            }
            guard let written else { break }
            after = written
            progress?(indexed)
        }
        // Texts indexed over several transactions: checked once more in one (a writer may have added or changed one the
        // batches passed; a text changed in place forgot the mark, so then every text is) before the index is noted
        // complete.
        if after != nil {
            try writeDerived { db in
                guard try !Self.unindexedTextExists(db) else { return }
                try Self.noteTermIndexComplete(db)
            }
        }
        return indexed
    }

    /// Notes the data version at which the index holds every text, so readers need not check until the data changes,
    /// and the largest answer id, up to which it holds every text until one is changed in place.
    static func noteTermIndexComplete(_ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE termIndexState SET completeAt = (SELECT version FROM dataVersion WHERE id = 1),
                    completeThrough = (SELECT COALESCE(MAX(id), 0) FROM answer) WHERE id = 1
                """)
    }

    /// Term counts over the free texts `filters` select, from the term index (current: see `indexTerms`): every
    /// lemma over them all, its forms, and each group's lemmas over the texts carrying one of the group's themes.
    public func termTotals(filters: [CrossDimension: [String]], groups: [[String]], codebook stored: StoredCodebook?) throws -> TermTotals {
        if let stored { try ensureRespondentThemes(stored) }
        return try readFiltered(filters) { db, filter in
            var totals = TermTotals()
            // The index holds the texts it covers only (`indexedTexts`, its key naming the identifying questions):
            // without filters, the whole is its running totals and a theme's texts need no join.
            let all = filters.isEmpty
            let whole: SQL =
                all
                ? "SELECT lemma, surface, n FROM termTotal WHERE n > 0"
                : """
                SELECT t.lemma, t.surface, SUM(t.n) FROM answer a JOIN respondent r ON r.id = a.respondentId
                JOIN answerTerm t ON t.answerId = a.id
                WHERE \(Self.indexedTexts)\(filter) GROUP BY t.lemma, t.surface
                """
            let rows = try Row.fetchCursor(db, SQLRequest<Row>(literal: whole))
            while let row = try rows.next() {
                let lemma: String = row[0]
                let count: Int = row[2]
                totals.whole[lemma, default: 0] += count
                totals.surfaces[lemma, default: [:]][row[1]] = count
            }
            for themes in groups {
                var counts: [String: Int] = [:]
                if let stored {
                    let carrying = Self.answersTagged(stored, themes: themes)
                    // Summed here, not by SQLite's GROUP BY: a theme's texts hold a million terms or more but few
                    // distinct lemmas, and SQLite would sort them all to group them.
                    let query: SQL =
                        all
                        ? "SELECT t.lemma, t.n FROM answerTerm t WHERE t.answerId IN (\(carrying))"
                        : """
                        SELECT t.lemma, t.n FROM answer a JOIN respondent r ON r.id = a.respondentId
                        JOIN answerTerm t ON t.answerId = a.id
                        WHERE \(Self.indexedTexts)\(filter) AND a.id IN (\(carrying))
                        """
                    let rows = try Row.fetchCursor(db, SQLRequest<Row>(literal: query))
                    while let row = try rows.next() { counts[row[0], default: 0] += row[1] as Int }
                }
                totals.groups.append(counts)
            }
            return totals
        }
    }
}

extension KartlaggningStore: TermIndexWriting {}
