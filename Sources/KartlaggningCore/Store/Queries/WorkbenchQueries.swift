import GRDB
import KartlaggningModel

// MARK: - The workbench's reading aids

extension KartlaggningStore {
    /// Surveys, waves, kinds and areas with respondents, and the free-text questions (identifying ones left out).
    public func workbenchVocabulary() throws -> WorkbenchVocabulary {
        try read { db in
            let surveys = try String.fetchAll(db, sql: "SELECT id FROM survey WHERE id IN (SELECT surveyId FROM respondent) ORDER BY id")
            let waves = try String.fetchAll(db, sql: "SELECT DISTINCT wave FROM respondent WHERE wave IS NOT NULL ORDER BY wave")
            let kinds = try String.fetchAll(db, sql: "SELECT DISTINCT kind FROM respondent ORDER BY kind")
            let registered = try String.fetchAll(db, sql: "SELECT name FROM district ORDER BY position")
            let used = try String.fetchAll(db, sql: "SELECT DISTINCT district FROM respondent WHERE district IS NOT NULL ORDER BY district")
            let questions = try Row.fetchAll(
                db,
                sql: """
                    SELECT surveyId, id, coalesce(nullif(text, ''), sourceColumn) FROM question
                    WHERE type = 'text' AND NOT identifying AND NOT technical ORDER BY surveyId, position
                    """
            ).map { WorkbenchVocabulary.Question(survey: $0[0], id: $0[1], text: $0[2]) }
            return WorkbenchVocabulary(
                surveys: surveys, waves: waves, kinds: kinds, areas: registered + used.filter { !registered.contains($0) },
                questions: questions)
        }
    }

    /// SQLite's `data_version` on this store's connection: it changes when another connection (a coder's write, an
    /// import in another process) commits, so a reader knows when what it worked out is stale.
    public func dataVersion() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
