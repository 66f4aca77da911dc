import GRDB
import KartlaggningModel

// MARK: - Invariants (`status --verify`)

extension KartlaggningStore {
    /// Checks the database's invariants, reading only: SQLite's own checks, every answer with a respondent and a
    /// batch, tag spans inside their answers, the full-text index holding exactly the free texts, flags on
    /// coders' tags only, and derived tables equal to what the tags give now.
    public func verify() throws -> [IntegrityCheck] {
        var checks: [IntegrityCheck] = []
        func check(_ name: String, _ bad: Int, _ what: String) {
            checks.append(IntegrityCheck(name: name, passed: bad == 0, detail: bad == 0 ? "ok" : "\(bad) \(what)"))
        }
        try read { db in
            let quick = try String.fetchAll(db, sql: "PRAGMA quick_check")
            checks.append(
                IntegrityCheck(name: "SQLite integrity", passed: quick == ["ok"], detail: quick.prefix(3).joined(separator: "; ")))
            check("foreign keys", try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count, "rows refer to rows that are not there")
            check(
                "answers have a respondent and an import",
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM answer a LEFT JOIN respondent r ON r.id = a.respondentId
                        LEFT JOIN importBatch b ON b.id = r.batchId WHERE r.id IS NULL OR b.id IS NULL
                        """) ?? 0, "answers without a respondent or an import")
            check(
                "tag spans lie inside their answers",
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM tag t JOIN answer a ON a.id = t.answerId, json_each(t.spans) s
                        WHERE t.spans IS NOT NULL AND (json_extract(s.value, '$[0]') < 0
                            OR json_extract(s.value, '$[1]') > length(a.raw)
                            OR json_extract(s.value, '$[0]') >= json_extract(s.value, '$[1]'))
                        """) ?? 0, "spans outside their answer's text")
            let untagged = try Self.untaggedAnswers(db)
            checks.append(
                IntegrityCheck(
                    name: "every free text is tagged by each loaded codebook",
                    passed: untagged.isEmpty,
                    detail: untagged.isEmpty
                        ? "ok"
                        : untagged.map { "\($0.answers) not tagged by \($0.codebook) revision \($0.revision)" }.joined(separator: "; ")
                            + ": run \(Remedy.tag)"))
            check(
                "review flags are on coders' tags",
                try Int.fetchOne(
                    db,
                    sql: "SELECT COUNT(*) FROM tagReview v LEFT JOIN tag t ON t.id = v.tagId "
                        + "WHERE t.id IS NULL OR t.coder = \(Coder.autoSQL)")
                    ?? 0, "flags on auto tags or on no tag")
            checks.append(try Self.keptCountsCheck(db))
            checks.append(try Self.themeDigestCheck(db))
        }
        // The full-text index and derived tables, through temporary tables of this connection (never the file).
        try scratch { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.answerVocab USING fts5vocab(main, answerText, instance)")
            let indexed = Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT doc FROM temp.answerVocab"))
            var stray = indexed
            var missing = 0
            let rows = try Row.fetchCursor(db, sql: "SELECT id, raw FROM answer WHERE isFreeText")
            while let row = try rows.next() {
                let id: Int64 = row[0]
                stray.remove(id)
                let raw: String = row[1]
                if !indexed.contains(id)
                    && raw.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
                {
                    missing += 1
                }
            }
            try db.execute(sql: "DROP TABLE temp.answerVocab")
            checks.append(
                IntegrityCheck(
                    name: "the full-text index holds exactly the free texts", passed: stray.isEmpty && missing == 0,
                    detail: stray.isEmpty && missing == 0
                        ? "ok (\(indexed.count) texts)" : "\(missing) free texts not indexed, \(stray.count) indexed texts that are gone"))
            var stale: [String] = []
            for id in try String.fetchAll(db, sql: "SELECT DISTINCT id FROM codebook ORDER BY id") {
                guard let stored = try Self.latestCodebook(db, id: id) else { continue }
                if try !Self.respondentThemesAreCurrent(stored, db: db) {
                    stale.append("\(id) (marked stale)")
                    continue
                }
                try db.execute(sql: "DROP TABLE IF EXISTS temp.respondentTheme; DROP TABLE IF EXISTS temp.answerTheme")
                try rebuildRespondentThemes(stored, db: db, target: .temporary)
                var differing = 0
                for table in ["respondentTheme", "answerTheme"] {
                    differing +=
                        try Int.fetchOne(
                            db,
                            sql: """
                                SELECT (SELECT COUNT(*) FROM (SELECT * FROM main.\(table) WHERE codebookId = ?1
                                                              EXCEPT SELECT * FROM temp.\(table) WHERE codebookId = ?1))
                                     + (SELECT COUNT(*) FROM (SELECT * FROM temp.\(table) WHERE codebookId = ?1
                                                              EXCEPT SELECT * FROM main.\(table) WHERE codebookId = ?1))
                                """, arguments: [id]) ?? 0
                }
                try db.execute(sql: "DROP TABLE temp.respondentTheme; DROP TABLE temp.answerTheme")
                if differing > 0 { stale.append("\(id) (\(differing) rows differ from the tags)") }
            }
            checks.append(
                IntegrityCheck(
                    name: "respondent themes are current", passed: stale.isEmpty,
                    detail: stale.isEmpty ? "ok" : stale.joined(separator: ", ")))
        }
        return checks
    }

    /// The kept counts against a recount from the rows: equal where they are current (each codebook's theme counts
    /// where its respondent themes are); a file whose counts are behind says so (readers then count from the rows).
    static func keptCountsCheck(_ db: Database) throws -> IntegrityCheck {
        let name = "kept counts equal the rows"
        guard try keptCountsAreCurrent(db) else {
            return IntegrityCheck(
                name: name, passed: false, detail: "behind the data (cross-tabs count from the rows until the next write)")
        }
        var differing: [String] = []
        for (table, rows, recount) in keptTables(codebooks: try codebooksWithCurrentThemes(db).map(\.codebook.id)) {
            let n =
                try Int.fetchOne(
                    db,
                    SQLRequest<Int>(
                        literal:
                            "SELECT (SELECT COUNT(*) FROM (\(rows) EXCEPT \(recount))) + (SELECT COUNT(*) FROM (\(recount) EXCEPT \(rows)))"
                    )) ?? 0
            if n > 0 { differing.append("\(table): \(n) rows differ") }
        }
        return IntegrityCheck(name: name, passed: differing.isEmpty, detail: differing.isEmpty ? "ok" : differing.joined(separator: "; "))
    }

    /// Runs `body` on a connection where it may create temporary tables: the read-only connection of a reader (its
    /// temp database is not the file), else the writer outside a transaction.
    func scratch<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction(body)
        } catch let error as DatabaseError {
            throw Self.storeError(error)
        }
    }
}
