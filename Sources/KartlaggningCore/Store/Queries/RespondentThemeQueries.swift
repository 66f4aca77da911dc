import GRDB
import KartlaggningModel

// MARK: - Respondent themes, for cross-tabs

extension KartlaggningStore {
    /// The tags analysts see, as the view effectiveTag has them, for a tag `t` and the revision bound to `?`:
    /// a coder's positive tag, or an auto tag of that revision that no coder has overruled.
    /// The answers with an effective tag of one of `themes` (all themes: nil), from `answerTheme`: for a query made
    /// after `ensureRespondentThemes(stored)`, which keeps it current.
    static func answersTagged(_ stored: StoredCodebook, themes: [String]? = nil) -> SQL {
        if let themes { return "SELECT answerId FROM answerTheme WHERE codebookId = \(stored.codebook.id) AND themeId IN \(themes)" }
        return "SELECT answerId FROM answerTheme WHERE codebookId = \(stored.codebook.id)"
    }

    /// The words the auto tags of a tag `t`'s answer and theme matched (their spans), for the revision bound: what
    /// `answerTheme.matched` holds.
    static func matchedWords(revision: Int) -> SQL {
        """
        (SELECT COALESCE(SUM(json_array_length(s.spans)), 0) FROM tag s WHERE s.answerId = t.answerId
            AND s.codebookId = t.codebookId AND s.themeId = t.themeId AND s.coder = \(sql: Coder.autoSQL)
            AND s.revision = \(revision) AND s.spans IS NOT NULL)
        """
    }

    static func effectiveTag(revision: Int) -> SQL {
        """
        t.negative = 0 AND (t.coder <> \(sql: Coder.autoSQL) OR (t.revision = \(revision) AND NOT EXISTS (
            SELECT 1 FROM tag n WHERE n.answerId = t.answerId AND n.codebookId = t.codebookId AND n.themeId = t.themeId
            AND n.negative = 1)))
        """
    }

    /// Where respondent themes are written: the file's table (writers), or a temporary table of this
    /// connection that shadows it (a reader meeting a table an older kartlagg left stale).
    enum RespondentThemeTarget {
        case main, temporary
    }

    /// Rebuilds which answers carry which themes of the codebook's latest revision (`answerTheme`: the effective tags,
    /// no roll-up), then from them which respondents carry which, ancestors included (`respondentTheme`).
    /// - Parameters:
    ///   - respondents: only these respondents' rows (a coder's decision on a few answers), the rest left as they are;
    ///     nil: all. Only for a table that is current apart from them.
    ///   - answerThemesWritten: `answerTheme` is already current (a tagging run that wrote it with the tags): only the
    ///     respondent themes are made from it.
    ///   - respondentThemes: every respondent's themes, gathered by a codebook's first tagging run over every answer
    ///     (with `answerThemesWritten`, into the file): written as they are instead of worked out from `answerTheme`.
    ///   - digest: the codebook's theme digest as the first run gathered it (with `respondentThemes`): written as it
    ///     is instead of made again from `answerTheme` and the term index.
    func rebuildRespondentThemes(
        _ stored: StoredCodebook, db: Database, target: RespondentThemeTarget = .main, respondents: [Int64]? = nil,
        answerThemesWritten: Bool = false, respondentThemes: RespondentThemeBits? = nil, digest: ThemeDigestTally? = nil
    ) throws {
        let id = stored.codebook.id
        // A few respondents: their answers first, then each answer's tags (CROSS JOIN keeps SQLite to that order).
        let only: SQL = respondents.map { "AND respondentId IN \($0)" } ?? ""
        let onlyAnswers: SQL = respondents.map { "AND a.respondentId IN \($0)" } ?? ""
        let onlyAnswerIds: SQL = respondents.map { "AND answerId IN (SELECT id FROM answer WHERE respondentId IN \($0))" } ?? ""
        // The kept theme counts follow the rows here, unless the transaction rewrote respondents, answers or questions:
        // then `noteChanges` counts everything again before it commits. (Rows only added leave them to this: new rows
        // carry no theme until tagged, and change no respondent's fields.)
        let keepsCounts = target == .main && counted?.rewritten.happened != true
        let countedBefore = try respondents.flatMap { keepsCounts ? try Self.themeCells(id, respondents: $0, db: db) : nil }
        // A few respondents' answers, with the themes they carried: the theme digest follows what changes.
        let theirAnswers: SQL? = respondents.map { "SELECT id FROM answer WHERE respondentId IN \($0)" }
        let digestBefore =
            try theirAnswers.flatMap { answers in
                try target == .main && Self.themeDigestIsStamped(stored, db: db) ? Self.answerThemes(stored, answers: answers, db: db) : nil
            }
        let pairsBefore = try respondents.flatMap { digestBefore == nil ? nil : try ThemePairCounts.of(id, respondents: $0, db: db) }
        switch target {
        case .main:
            try db.execute(literal: "DELETE FROM main.respondentTheme WHERE codebookId = \(id) \(only)")
            if !answerThemesWritten { try db.execute(literal: "DELETE FROM main.answerTheme WHERE codebookId = \(id) \(onlyAnswerIds)") }
        case .temporary:
            // Each derived table shadowed by a copy with the file's indexes: (table, the column it is keyed by).
            for (name, key) in [("respondentTheme", "respondentId"), ("answerTheme", "answerId")] {
                let exists = try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_temp_master WHERE name = ?)", arguments: [name])
                guard exists != true else { continue }
                try db.execute(
                    sql: """
                        CREATE TEMP TABLE \(name) AS SELECT * FROM main.\(name);
                        CREATE INDEX temp.\(name)_key ON \(name)(codebookId, themeId, \(key));
                        CREATE INDEX temp.\(name)_\(key) ON \(name)(\(key));
                        """)
            }
            try db.execute(literal: "DELETE FROM temp.respondentTheme WHERE codebookId = \(id) \(only)")
            try db.execute(literal: "DELETE FROM temp.answerTheme WHERE codebookId = \(id) \(onlyAnswerIds)")
        }
        let table = target == .main ? "main.respondentTheme" : "temp.respondentTheme"
        let answers = target == .main ? "main.answerTheme" : "temp.answerTheme"
        if !answerThemesWritten || target != .main {
            try db.execute(
                literal: """
                    INSERT OR IGNORE INTO \(sql: answers) (codebookId, themeId, answerId, matched)
                    SELECT \(id), t.themeId, t.answerId, \(Self.matchedWords(revision: stored.revision))
                    FROM \(sql: respondents == nil ? "tag t" : "answer a CROSS JOIN tag t ON t.answerId = a.id")
                    WHERE t.codebookId = \(id) AND \(Self.effectiveTag(revision: stored.revision)) \(onlyAnswers)
                    """)
        }
        let pairs = stored.codebook.rollUp.flatMap { theme, counted in counted.map { (theme, $0) } }
        // The bits are the rows only where they were written whole (a first run over every answer, into the file).
        let written = target == .main && respondents == nil && answerThemesWritten ? respondentThemes : nil
        if let written {
            try written.write(db)
        } else if !pairs.isEmpty {
            let values = pairs.map { theme, ancestor -> SQL in "(\(theme), \(ancestor))" }.joined(separator: ", ")
            try db.execute(
                literal: """
                    WITH closure(theme, ancestor) AS (VALUES \(values))
                    INSERT OR IGNORE INTO \(sql: table) (codebookId, themeId, respondentId)
                    SELECT DISTINCT \(id), c.ancestor, a.respondentId
                    FROM \(sql: respondents == nil ? "\(answers) t JOIN answer a ON a.id = t.answerId" : "answer a CROSS JOIN \(answers) t ON t.answerId = a.id")
                    JOIN closure c ON c.theme = t.themeId
                    WHERE t.codebookId = \(id) \(onlyAnswers)
                    """)
        }
        guard target == .main else { return }
        try RespondentThemeStateRecord(codebookId: id, revision: stored.revision, stale: false).upsert(db)
        if let theirAnswers, let digestBefore, let respondents, let pairsBefore {
            try Self.adjustThemeDigest(
                stored, before: digestBefore, after: Self.answerThemes(stored, answers: theirAnswers, db: db), db: db)
            try Self.adjustThemePairs(stored, before: pairsBefore, after: ThemePairCounts.of(id, respondents: respondents, db: db), db: db)
        } else if respondents == nil {
            if let digest, let written {
                try Self.writeThemeDigest(stored, digest, pairs: written.pairCounts(), db: db)
            } else {
                try Self.rebuildThemeDigest(stored, db: db)
            }
        }
        guard keepsCounts else { return }
        if let respondents, let countedBefore {
            try Self.adjustThemeCounts(
                id, before: countedBefore, after: try Self.themeCells(id, respondents: respondents, db: db), db: db)
        } else {
            try Self.recountThemes(stored, written: written, db: db)
        }
    }

    /// Whether the codebook's respondent themes in the file are current.
    static func respondentThemesAreCurrent(_ stored: StoredCodebook, db: Database) throws -> Bool {
        let current = try Row.fetchOne(
            db, sql: "SELECT revision, stale FROM respondentThemeState WHERE codebookId = ?", arguments: [stored.codebook.id])
        guard let current else { return false }
        return current[0] as Int == stored.revision && current[1] as Int == 0
    }

    /// Makes sure the respondent themes a query reads are current. A writable store rebuilds a stale table;
    /// a read-only one computes the codebook's rows into a temporary table for this process and leaves the
    /// file as it is.
    func ensureRespondentThemes(_ stored: StoredCodebook) throws {
        if try read({ db in try Self.respondentThemesAreCurrent(stored, db: db) }) { return }
        if isReadOnly {
            try scratch { db in try rebuildRespondentThemes(stored, db: db, target: .temporary) }
        } else {
            try write { db in try rebuildRespondentThemes(stored, db: db) }
        }
    }

    /// Rebuilds, inside a writer's transaction, every codebook's respondent themes that tags or a new
    /// revision made stale: what writers call before they commit, so readers find them current.
    func refreshStaleRespondentThemes(_ db: Database) throws {
        let ids = try String.fetchAll(
            db,
            sql: """
                SELECT c.id FROM codebook c LEFT JOIN respondentThemeState s ON s.codebookId = c.id
                GROUP BY c.id HAVING s.stale IS NOT 0 OR s.revision IS NOT max(c.revision)
                """)
        for id in ids {
            if let stored = try Self.latestCodebook(db, id: id) { try rebuildRespondentThemes(stored, db: db) }
        }
    }
}

extension KartlaggningStore {
    /// The themes each respondent of `surveyId` carries under `stored` (a theme's descendants' tags count for it), by
    /// the respondent's id in its file: what `export --format sav|dta` writes as 0/1 variables.
    public func respondentThemes(surveyId: String, codebook stored: StoredCodebook) throws -> [String: Set<String>] {
        try ensureRespondentThemes(stored)
        return try read { db in
            var themes: [String: Set<String>] = [:]
            let query: SQL = """
                SELECT r.externalId, t.themeId FROM respondentTheme t JOIN respondent r ON r.id = t.respondentId
                WHERE t.codebookId = \(stored.codebook.id) AND r.surveyId = \(surveyId)
                """
            let rows = try Row.fetchCursor(db, SQLRequest<Row>(literal: query))
            while let row = try rows.next() { themes[row[0], default: []].insert(row[1]) }
            return themes
        }
    }
}
