import GRDB

// MARK: - Inputs of reports

extension KartlaggningStore {
    /// Themes that respondents with `theme` also raise, most shared first (the theme's own ancestors and
    /// descendants left out), with how many respondents share each.
    public func relatedThemes(of theme: String, codebook stored: StoredCodebook, limit: Int = 5) throws -> [(
        theme: String, respondents: Int
    )] {
        try ensureRespondentThemes(stored)
        let family = Set(stored.codebook.descendants(of: theme) + (Self.ancestors(stored.codebook)[theme] ?? []))
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT b.themeId, COUNT(*) AS n FROM respondentTheme a
                    JOIN respondentTheme b ON b.codebookId = a.codebookId AND b.respondentId = a.respondentId
                    WHERE a.codebookId = ? AND a.themeId = ? GROUP BY b.themeId ORDER BY n DESC, b.themeId
                    """, arguments: [stored.codebook.id, theme]
            ).compactMap { row -> (String, Int)? in
                let id: String = row["themeId"]
                return family.contains(id) ? nil : (id, row["n"])
            }.prefix(limit).map { $0 }
        }
    }

    /// Every free text, in answer order, with whether it carries one of `themes` (effective tags).
    public func forEachFreeText(marking themes: [String], codebook stored: StoredCodebook, _ body: (String, Bool) throws -> Void) throws {
        try read { db in
            let placeholders = Array(repeating: "?", count: max(1, themes.count)).joined(separator: ", ")
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT a.raw, EXISTS (SELECT 1 FROM effectiveTag e WHERE e.answerId = a.id AND e.codebookId = ?
                        AND e.themeId IN (\(placeholders))) AS tagged
                    FROM answer a WHERE a.isFreeText ORDER BY a.id
                    """, arguments: StatementArguments([stored.codebook.id] + (themes.isEmpty ? [""] : themes)))
            while let row = try rows.next() { try body(row[0], row[1]) }
        }
    }
}
