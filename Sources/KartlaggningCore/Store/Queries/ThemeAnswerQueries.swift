import GRDB
import KartlaggningModel

// MARK: - A theme's answers, for reports

extension KartlaggningStore {
    /// Reads the free-text answers with an effective tag of one of `themes`, within `filters`: `body` gets the
    /// database and the `FROM … WHERE …` clause (with its arguments) naming them `a` (answer), `r` (respondent) and
    /// `q` (question), and `hit.matched` the words those themes' auto tags matched in the answer.
    private func readThemeAnswers<T>(
        themes: [String], codebook stored: StoredCodebook, filters: [CrossDimension: [String]], _ body: (Database, SQL) throws -> T
    ) throws -> T {
        try ensureRespondentThemes(stored)
        return try readFiltered(filters) { db, filter in
            let from: SQL = """
                FROM (SELECT answerId, SUM(matched) AS matched FROM answerTheme
                      WHERE codebookId = \(stored.codebook.id) AND themeId IN \(themes) GROUP BY answerId) hit
                JOIN answer a ON a.id = hit.answerId JOIN respondent r ON r.id = a.respondentId JOIN question q ON q.key = a.questionKey
                WHERE a.isFreeText AND \(Self.notIdentifying)\(filter)
                """
            return try body(db, from)
        }
    }

    /// The best `perDistrict` answers of each district that carry one of `themes`, how many answers each question gave
    /// them, and the first `asking` answers (by id) with a question mark, in one pass over the answers
    /// (`ThemeAnswerDigest`).
    ///
    /// Quotes: the most words matched by the themes' own patterns first, then by answer id (so the choice is the same
    /// every time), in district order (as SQLite orders text), best first. The choice is made from each answer's id,
    /// district and matched words (kept with its themes, `answerTheme.matched`) alone, kept best-first per district as
    /// the rows stream by; only the chosen answers' texts and fields are read (a theme can have hundreds of thousands
    /// of answers). Sources: counted here, not by SQLite's GROUP BY, which would sort every answer to count a few
    /// questions.
    public func themeAnswerDigest(
        themes: [String], codebook stored: StoredCodebook, filters: [CrossDimension: [String]] = [:], perDistrict: Int, asking: Int = 0
    ) throws -> ThemeAnswerDigest {
        try readThemeAnswers(themes: themes, codebook: stored, filters: filters) { db, from in
            var best = QuoteChoice(perDistrict: max(perDistrict, 1))
            var counts: [QuestionKey: Int] = [:]
            var askingIds: [Int64] = []
            let rows = try Row.fetchCursor(
                db,
                SQLRequest<Row>(
                    literal: "SELECT a.id, COALESCE(r.district, ''), hit.matched, r.surveyId, q.id, instr(a.raw, '?') > 0 \(from)"))
            while let row = try rows.next() {
                if perDistrict > 0 { best.offer(answer: row[0], district: row[1], matched: row[2]) }
                counts[QuestionKey(survey: row[3], question: row[4]), default: 0] += 1
                if asking > 0 && row[5] as Bool { askingIds.append(row[0]) }
            }
            let sources = counts.sorted { first, second in
                if first.value != second.value { return first.value > second.value }
                if first.key.survey != second.key.survey { return first.key.survey.sortsBeforeInSQLite(second.key.survey) }
                return first.key.question.sortsBeforeInSQLite(second.key.question)
            }
            .map { ThemeSource(survey: $0.key.survey, question: $0.key.question, answers: $0.value) }
            // The first by id, whatever order the rows came in; only their texts are read.
            let firstAsking = Array(askingIds.sorted().prefix(asking))
            let asked =
                firstAsking.isEmpty
                ? []
                : try String.fetchAll(db, SQLRequest<String>(literal: "SELECT raw FROM answer WHERE id IN \(firstAsking) ORDER BY id"))
            return ThemeAnswerDigest(
                quotes: perDistrict > 0 ? try Self.quotes(best.chosen, db: db) : [], sources: sources, asking: asked)
        }
    }

    /// The first `limit` free texts (by answer id) that carry one of `themes` and ask something (a question mark),
    /// texts of identifying questions left out: `themeAnswerDigest`'s `asking` without filters, read from the texts
    /// that ask (the partial index `answer_asking`), each looked up among the themes' answers, instead of every text of
    /// the themes.
    public func askingAnswers(themes: [String], codebook stored: StoredCodebook, limit: Int) throws -> [String] {
        guard limit > 0 else { return [] }
        try ensureRespondentThemes(stored)
        return try read { db in
            try String.fetchAll(
                db,
                SQLRequest<String>(
                    literal: """
                        SELECT a.raw FROM answer a INDEXED BY answer_asking
                        WHERE a.isFreeText AND instr(a.raw, '?') > 0 AND \(Self.notIdentifying) AND EXISTS (
                            SELECT 1 FROM answerTheme t
                            WHERE t.codebookId = \(stored.codebook.id) AND t.themeId IN \(themes) AND t.answerId = a.id)
                        ORDER BY a.id LIMIT \(limit)
                        """))
        }
    }

    /// The chosen answers' texts and fields, in the order chosen.
    private static func quotes(_ chosen: [QuoteChoice.Pick], db: Database) throws -> [QuoteCandidate] {
        guard !chosen.isEmpty else { return [] }
        let request = SQLRequest<QuoteCandidate>(
            literal: """
                SELECT a.id AS answer, a.raw AS text, r.kind, COALESCE(r.district, '') AS district, r.surveyId AS survey,
                    q.id AS question, r.wave, 0 AS matched
                FROM answer a JOIN respondent r ON r.id = a.respondentId JOIN question q ON q.key = a.questionKey
                WHERE a.id IN \(chosen.map(\.answer))
                """)
        let read = Dictionary(try QuoteCandidate.fetchAll(db, request).map { ($0.answer, $0) }, uniquingKeysWith: { first, _ in first })
        return chosen.compactMap { pick in
            read[pick.answer].map { candidate in
                var candidate = candidate
                candidate.matched = pick.matched
                return candidate
            }
        }
    }

    /// The best `perDistrict` answers of each district that carry one of `themes` (`themeAnswerDigest`'s quotes).
    ///
    /// One theme's answers are read in the order they are chosen — most words matched, then the lowest answer id — and
    /// the reading stops as soon as every district that can have a quote has its `perDistrict` (the districts the
    /// theme's kept respondent counts name, within `filters`); where they are not known, or an answer turns up from a
    /// district they did not name, every answer is read, as for several themes (a parent and its children, whose
    /// matched words add up per answer), which `themeAnswerDigest` chooses from in one pass. The same answers either
    /// way.
    public func quoteCandidates(
        themes: [String], codebook stored: StoredCodebook, filters: [CrossDimension: [String]] = [:], perDistrict: Int
    ) throws -> [QuoteCandidate] {
        guard perDistrict > 0 else { return [] }
        guard themes.count == 1, let theme = themes.first else {
            return try themeAnswerDigest(themes: themes, codebook: stored, filters: filters, perDistrict: perDistrict).quotes
        }
        try ensureRespondentThemes(stored)
        return try readFiltered(filters) { db, filter in
            var best = QuoteChoice(perDistrict: perDistrict)
            var districts = try Self.quotedDistricts(theme: theme, codebook: stored, filter: filter, db: db)
            // Most words matched first (several words: the partial index `answerTheme_rank`), then one word and none,
            // each by answer id (the table's own order within a theme).
            let steps: [SQL] = [
                "t.matched > 1 ORDER BY t.matched DESC, t.answerId", "t.matched = 1 ORDER BY t.answerId",
                "t.matched < 1 ORDER BY t.matched DESC, t.answerId",
            ]
            reading: for step in steps {
                let rows = try Row.fetchCursor(
                    db,
                    SQLRequest<Row>(
                        literal: """
                            SELECT t.answerId, COALESCE(r.district, ''), t.matched
                            FROM answerTheme t CROSS JOIN answer a ON a.id = t.answerId CROSS JOIN respondent r ON r.id = a.respondentId
                            WHERE t.codebookId = \(stored.codebook.id) AND t.themeId = \(theme) AND a.isFreeText
                                AND \(Self.notIdentifying)\(filter) AND \(step)
                            """))
                while let row = try rows.next() {
                    let district: String = row[1]
                    best.offer(answer: row[0], district: district, matched: row[2])
                    if let known = districts, !known.contains(district) { districts = nil }
                    if let known = districts, best.hasFilled(known) { break reading }
                }
            }
            return try Self.quotes(best.chosen, db: db)
        }
    }

    /// The districts (`COALESCE(district, '')`) with a respondent carrying `theme` within `filter`, from the kept
    /// counts: every district a quote on it can come from. Nil where the kept counts are not current.
    private static func quotedDistricts(theme: String, codebook stored: StoredCodebook, filter: SQL, db: Database) throws -> Set<String>? {
        guard try keptCountsAreCurrent(db), try respondentThemesAreCurrent(stored, db: db) else { return nil }
        return Set(
            try String.fetchAll(
                db,
                SQLRequest<String>(
                    literal: """
                        SELECT DISTINCT COALESCE(r.district, '') FROM respondentThemeCount r
                        WHERE r.codebookId = \(stored.codebook.id) AND r.themeId = \(theme) AND r.n > 0\(filter)
                        """)))
    }
}
