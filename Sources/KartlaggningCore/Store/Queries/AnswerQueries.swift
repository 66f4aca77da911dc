import Foundation
import GRDB
import KartlaggningModel

// MARK: - Theme queries

extension KartlaggningStore {
    /// A condition on an answer `a`: its question is not one the survey marks identifying (a name, an e-mail).
    static let notIdentifying: SQL = "NOT EXISTS (SELECT 1 FROM question iq WHERE iq.key = a.questionKey AND iq.identifying)"

    /// The free-text answers that `filter` selects, in survey and answer order.
    public func answers(matching filter: AnswerFilter, codebook stored: StoredCodebook?) throws -> AnswerQueryResult {
        try read { db in
            var conditions: [SQL] = ["a.isFreeText"]
            if !filter.includeIdentifying { conditions.append(Self.notIdentifying) }
            let codebookId = stored?.codebook.id
            // The effective tags as the view has them, asked answer by answer: a page of a large cell stops after its
            // rows instead of gathering every tag of the theme first.
            let latest =
                try codebookId.flatMap { try Int.fetchOne(db, sql: "SELECT max(revision) FROM codebook WHERE id = ?", arguments: [$0]) }
                ?? 0
            if !filter.themes.isEmpty, let codebookId {
                conditions.append(
                    """
                    EXISTS (SELECT 1 FROM tag t WHERE t.answerId = a.id AND t.codebookId = \(codebookId) AND t.themeId IN \(filter.themes)
                            AND \(Self.effectiveTag(revision: latest)))
                    """)
            }
            if filter.untagged, let codebookId {
                conditions.append(
                    "NOT EXISTS (SELECT 1 FROM tag t WHERE t.answerId = a.id AND t.codebookId = \(codebookId) AND \(Self.effectiveTag(revision: latest)))"
                )
            }
            if let district = filter.district { conditions.append("r.district = \(district)") }
            if let town = filter.serviceTown { conditions.append("r.serviceTown = \(town)") }
            if let survey = filter.survey { conditions.append("r.surveyId = \(survey)") }
            if let wave = filter.wave { conditions.append("r.wave = \(wave)") }
            if let question = filter.question { conditions.append("q.id = \(question)") }
            if let kind = filter.kind {
                let kinds = try String.fetchAll(db, sql: "SELECT DISTINCT kind FROM respondent")
                conditions.append("r.kind = \(RespondentKind.canonical(kind, allowed: kinds) ?? kind)")
            }
            if let text = filter.text {
                conditions.append("a.id IN (SELECT rowid FROM answerText WHERE answerText MATCH \(text))")
            }
            if let ids = filter.answerIds {
                conditions.append("a.id IN \(ids)")
            }
            let from: SQL = """
                FROM answer a JOIN question q ON q.key = a.questionKey JOIN respondent r ON r.id = a.respondentId
                WHERE \(conditions.joined(separator: " AND "))
                """
            do {
                let totals =
                    filter.countAll ? try Row.fetchOne(db, SQLRequest<Row>(literal: "SELECT COUNT(*), COUNT(DISTINCT r.id) \(from)")) : nil
                var select: SQL = """
                    SELECT a.id AS answer, a.raw AS text, q.id AS question, r.externalId AS respondent, r.kind, r.district,
                           r.serviceTown, r.surveyId AS survey, r.wave
                    \(from) ORDER BY r.surveyId, a.id
                    """
                if let limit = filter.limit { select += " LIMIT \(max(0, limit))" }
                let order = Dictionary(
                    (stored?.codebook.themes ?? []).enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
                let hits = try HitColumns.fetchAll(db, SQLRequest<HitColumns>(literal: select)).map { columns -> AnswerHit in
                    var hit = columns.hit
                    guard let stored else { return hit }
                    hit.themes = try String.fetchAll(
                        db, sql: "SELECT themeId FROM effectiveTag WHERE answerId = ? AND codebookId = ?",
                        arguments: [hit.answer, stored.codebook.id]
                    ).sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
                    var spans: [[Int]] = []
                    let json = try String.fetchAll(
                        db,
                        sql: """
                            SELECT t.spans FROM tag t WHERE t.answerId = ? AND t.codebookId = ? AND t.coder = \(Coder.autoSQL) AND t.revision = ?
                            AND t.themeId IN (SELECT themeId FROM effectiveTag WHERE answerId = t.answerId AND codebookId = t.codebookId)
                            """, arguments: [hit.answer, stored.codebook.id, stored.revision])
                    for text in json {
                        spans += (try? JSONDecoder().decode([[Int]].self, from: Data(text.utf8))) ?? []
                    }
                    hit.spans = Array(Set(spans)).sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
                    return hit
                }
                return AnswerQueryResult(hits: hits, answers: totals?[0] ?? 0, respondents: totals?[1] ?? 0)
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
        try ensureRespondentThemes(stored)
        return try read { db in
            try ordered.map { theme, depth in
                let ids = codebook.descendants(of: theme.id)
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(DISTINCT e.answerId) AS n, COUNT(DISTINCT a.respondentId) AS p
                        FROM answerTheme e JOIN answer a ON a.id = e.answerId
                        WHERE e.codebookId = ? AND e.themeId IN (\(Array(repeating: "?", count: ids.count).joined(separator: ", ")))
                        """, arguments: StatementArguments([codebook.id] + ids))
                return ThemeCount(
                    theme: theme.id, label: theme.label, parent: theme.parent, depth: depth, answers: row?["n"] ?? 0,
                    respondents: row?["p"] ?? 0)
            }
        }
    }
}

/// The columns of an answer hit, as `answers(matching:)` selects them; themes and spans are read per answer.
private struct HitColumns: Decodable, FetchableRecord {
    var answer: Int64
    var respondent: String
    var kind: String
    var district: String?
    var serviceTown: String?
    var survey: String
    var wave: String?
    var question: String
    var text: String

    var hit: AnswerHit {
        AnswerHit(
            answer: answer, respondent: respondent, kind: kind, district: district, serviceTown: serviceTown, survey: survey, wave: wave,
            question: question, themes: [], text: text, spans: [])
    }
}
