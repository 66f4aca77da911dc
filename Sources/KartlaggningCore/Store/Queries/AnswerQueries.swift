import Foundation
import GRDB

// MARK: - Theme queries

extension KartlaggningStore {
    /// A condition on an answer `a`: its question is not one the survey marks identifying (a name, an e-mail).
    static let notIdentifying = "NOT EXISTS (SELECT 1 FROM question iq WHERE iq.key = a.questionKey AND iq.identifying)"

    /// The free-text answers that `filter` selects, in survey and answer order.
    public func answers(matching filter: AnswerFilter, codebook stored: StoredCodebook?) throws -> AnswerQueryResult {
        try read { db in
            var conditions = ["a.isFreeText"]
            if !filter.includeIdentifying { conditions.append(Self.notIdentifying) }
            var arguments: [(any DatabaseValueConvertible)?] = []
            let codebookId = stored?.codebook.id
            if !filter.themes.isEmpty, let codebookId {
                conditions.append(
                    "a.id IN (SELECT answerId FROM effectiveTag WHERE codebookId = ? AND themeId IN ("
                        + Array(repeating: "?", count: filter.themes.count).joined(separator: ", ") + "))")
                arguments.append(codebookId)
                arguments += filter.themes
            }
            if filter.untagged, let codebookId {
                conditions.append("a.id NOT IN (SELECT answerId FROM effectiveTag WHERE codebookId = ?)")
                arguments.append(codebookId)
            }
            for (column, value) in [
                ("r.district", filter.district), ("r.serviceTown", filter.serviceTown), ("r.surveyId", filter.survey),
                ("r.wave", filter.wave), ("q.id", filter.question),
            ] {
                if let value {
                    conditions.append("\(column) = ?")
                    arguments.append(value)
                }
            }
            if let kind = filter.kind {
                let kinds = try String.fetchAll(db, sql: "SELECT DISTINCT kind FROM respondent")
                conditions.append("r.kind = ?")
                arguments.append(RespondentKind.canonical(kind, allowed: kinds) ?? kind)
            }
            if let text = filter.text {
                conditions.append("a.id IN (SELECT rowid FROM answerText WHERE answerText MATCH ?)")
                arguments.append(text)
            }
            let from = """
                FROM answer a JOIN question q ON q.key = a.questionKey JOIN respondent r ON r.id = a.respondentId
                WHERE \(conditions.joined(separator: " AND "))
                """
            let bound = StatementArguments(arguments)
            do {
                let totals = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, COUNT(DISTINCT r.id) AS p \(from)", arguments: bound)
                var sql = """
                    SELECT a.id, a.raw, q.id AS question, r.externalId, r.kind, r.district, r.serviceTown, r.surveyId, r.wave
                    \(from) ORDER BY r.surveyId, a.id
                    """
                if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
                let order = Dictionary(
                    (stored?.codebook.themes ?? []).enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
                let hits = try Row.fetchAll(db, sql: sql, arguments: bound).map { row -> AnswerHit in
                    let id: Int64 = row["id"]
                    var themes: [String] = []
                    var spans: [[Int]] = []
                    if let stored {
                        themes = try String.fetchAll(
                            db, sql: "SELECT themeId FROM effectiveTag WHERE answerId = ? AND codebookId = ?",
                            arguments: [id, stored.codebook.id]
                        ).sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
                        let json = try String.fetchAll(
                            db,
                            sql: """
                                SELECT t.spans FROM tag t WHERE t.answerId = ? AND t.codebookId = ? AND t.coder = 'auto' AND t.revision = ?
                                AND t.themeId IN (SELECT themeId FROM effectiveTag WHERE answerId = t.answerId AND codebookId = t.codebookId)
                                """, arguments: [id, stored.codebook.id, stored.revision])
                        for text in json {
                            spans += (try? JSONDecoder().decode([[Int]].self, from: Data(text.utf8))) ?? []
                        }
                        spans = Array(Set(spans)).sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
                    }
                    return AnswerHit(
                        answer: id, respondent: row["externalId"], kind: row["kind"], district: row["district"],
                        serviceTown: row["serviceTown"], survey: row["surveyId"], wave: row["wave"], question: row["question"],
                        themes: themes, text: row["raw"], spans: spans)
                }
                return AnswerQueryResult(hits: hits, answers: totals?["n"] ?? 0, respondents: totals?["p"] ?? 0)
            } catch let error as DatabaseError where filter.text != nil && (error.message ?? "").contains("fts5") {
                throw StoreError.fullTextQuery(text: filter.text ?? "", reason: error.message ?? "not a full-text query")
            }
        }
    }

    /// Every theme of the codebook, in tree order, with the answers and respondents tagged with it or a theme below it.
    public func themeCounts(_ stored: StoredCodebook) throws -> [ThemeCount] {
        let codebook = stored.codebook
        let ancestors = codebook.ancestors
        let byId = Dictionary(codebook.themes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ordered = codebook.treeOrder.compactMap { id in byId[id].map { ($0, ancestors[id]?.count ?? 0) } }
        return try read { db in
            try ordered.map { theme, depth in
                let ids = codebook.descendants(of: theme.id)
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(DISTINCT e.answerId) AS n, COUNT(DISTINCT a.respondentId) AS p
                        FROM effectiveTag e JOIN answer a ON a.id = e.answerId
                        WHERE e.codebookId = ? AND e.themeId IN (\(Array(repeating: "?", count: ids.count).joined(separator: ", ")))
                        """, arguments: StatementArguments([codebook.id] + ids))
                return ThemeCount(
                    theme: theme.id, label: theme.label, parent: theme.parent, depth: depth, answers: row?["n"] ?? 0,
                    respondents: row?["p"] ?? 0)
            }
        }
    }
}
