import GRDB
import KartlaggningModel

// MARK: - A coder's decision, and taking it back

extension KartlaggningStore {
    /// A coder's own decision on one answer and theme as it stands (nil: none), so that it can be put back.
    public func manualDecision(answer: Int64, theme: String, coder: String, codebook stored: StoredCodebook) throws -> ManualDecision? {
        try read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT negative, note FROM tag
                    WHERE answerId = ? AND codebookId = ? AND themeId = ? AND coder = ? AND coder <> \(Coder.autoSQL)
                    """, arguments: [answer, stored.codebook.id, theme, coder]
            ).map { ManualDecision(negative: $0[0], note: $0[1]) }
        }
    }

    /// Puts a coder's decision on one answer and theme back to `previous` (nil: the coder had made none, so their tag
    /// goes): the workbench's undo of the decision just made. Only the coder's own tag is touched; the respondent's
    /// themes follow as after any decision.
    public func restoreManualDecision(
        answer: Int64, theme: String, coder: String, codebook stored: StoredCodebook, previous: ManualDecision?
    ) throws {
        if Coder.isReserved(coder) { throw StoreError.reservedCoder }
        if let previous {
            try setManualTags(
                [ManualTag(answer: .id(answer), theme: theme, coder: coder, negative: previous.negative, note: previous.note)],
                codebook: stored)
            return
        }
        try write { db in
            let latest = try Self.latestCodebook(db, id: stored.codebook.id)
            let current = try latest.map { try Self.respondentThemesAreCurrent($0, db: db) } ?? false
            try db.execute(
                sql: "DELETE FROM tag WHERE answerId = ? AND codebookId = ? AND themeId = ? AND coder = ? AND coder <> \(Coder.autoSQL)",
                arguments: [answer, stored.codebook.id, theme, coder])
            let respondent = try Int64.fetchOne(db, sql: "SELECT respondentId FROM answer WHERE id = ?", arguments: [answer])
            if current, let latest, let respondent {
                try rebuildRespondentThemes(latest, db: db, respondents: [respondent])
            } else {
                try refreshStaleRespondentThemes(db)
            }
        }
    }
}
