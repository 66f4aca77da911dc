import GRDB

// MARK: - Respondent themes, for cross-tabs

extension KartlaggningStore {
    /// The tags analysts see, as the view effectiveTag has them, for a tag `t` and the revision bound to `?`:
    /// a coder's positive tag, or an auto tag of that revision that no coder has overruled.
    static let effectiveTagCondition = """
        t.negative = 0 AND (t.coder <> 'auto' OR (t.revision = ? AND NOT EXISTS (
            SELECT 1 FROM tag n WHERE n.answerId = t.answerId AND n.codebookId = t.codebookId AND n.themeId = t.themeId
            AND n.negative = 1)))
        """

    /// Rebuilds which respondents carry which themes of the codebook's latest revision, ancestors included.
    func rebuildRespondentThemes(_ stored: StoredCodebook, db: Database) throws {
        let id = stored.codebook.id
        try db.execute(literal: "DELETE FROM respondentTheme WHERE codebookId = \(id)")
        let ancestors = Self.ancestors(stored.codebook)
        let pairs = stored.codebook.themes.flatMap { theme in ([theme.id] + (ancestors[theme.id] ?? [])).map { (theme.id, $0) } }
        if !pairs.isEmpty {
            let values = Array(repeating: "(?, ?)", count: pairs.count).joined(separator: ", ")
            var arguments: StatementArguments = StatementArguments(pairs.flatMap { [$0.0, $0.1] })
            arguments += [id, id, stored.revision]
            try db.execute(
                sql: """
                    WITH closure(theme, ancestor) AS (VALUES \(values))
                    INSERT OR IGNORE INTO respondentTheme (codebookId, themeId, respondentId)
                    SELECT DISTINCT ?, c.ancestor, a.respondentId
                    FROM tag t JOIN answer a ON a.id = t.answerId JOIN closure c ON c.theme = t.themeId
                    WHERE t.codebookId = ? AND \(Self.effectiveTagCondition)
                    """, arguments: arguments)
        }
        try db.execute(
            literal: """
                INSERT INTO respondentThemeState (codebookId, revision, stale) VALUES (\(id), \(stored.revision), 0)
                ON CONFLICT (codebookId) DO UPDATE SET revision = excluded.revision, stale = 0
                """)
    }

    /// Makes sure the codebook's respondent themes are current, rebuilding them when tags changed.
    func ensureRespondentThemes(_ stored: StoredCodebook) throws {
        let current = try read { db in
            try Row.fetchOne(
                db, sql: "SELECT revision, stale FROM respondentThemeState WHERE codebookId = ?", arguments: [stored.codebook.id])
        }
        if let current, current["revision"] as Int == stored.revision, current["stale"] as Int == 0 { return }
        try write { db in try rebuildRespondentThemes(stored, db: db) }
    }
}
