import GRDB
import KartlaggningModel

// MARK: - Inputs of reports

extension KartlaggningStore {
    /// Themes that respondents with `theme` also raise, most shared first (the theme's own ancestors and
    /// descendants left out), with how many respondents share each.
    /// - Parameter filters: only respondents with these respondent fields (as `crosstab --where`).
    public func relatedThemes(
        of theme: String, codebook stored: StoredCodebook, filters: [CrossDimension: [String]] = [:], limit: Int = 5
    ) throws -> [(theme: String, respondents: Int)] {
        try ensureRespondentThemes(stored)
        let family = Set(stored.codebook.descendants(of: theme) + (stored.codebook.ancestors[theme] ?? []))
        return try readFiltered(filters) { db, filter in
            // Without filters, from the theme digest's pair counts where it is current. Otherwise counted here, not by
            // SQLite's GROUP BY, which would sort every pair of themes a respondent carries (433,000 for a theme of
            // 200,000 respondents) to count a few dozen themes. The respondents joined only to filter.
            let respondents: SQL = filter.isEmpty ? "" : "JOIN respondent r ON r.id = a.respondentId"
            var counts: [String: Int] = [:]
            if filters.isEmpty, let kept = try Self.keptThemePairs(of: theme, codebook: stored, db: db) {
                return kept.filter { !family.contains($0.key) && $0.value > 0 }
                    .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.sortsBeforeInSQLite($1.key) }
                    .prefix(limit).map { (theme: $0.key, respondents: $0.value) }
            }
            let rows = try String.fetchCursor(
                db,
                SQLRequest<String>(
                    literal: """
                        SELECT b.themeId FROM respondentTheme a
                        JOIN respondentTheme b ON b.codebookId = a.codebookId AND b.respondentId = a.respondentId
                        \(respondents)
                        WHERE a.codebookId = \(stored.codebook.id) AND a.themeId = \(theme)\(filter)
                        """))
            while let id = try rows.next() { counts[id, default: 0] += 1 }
            return counts.filter { !family.contains($0.key) }
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.sortsBeforeInSQLite($1.key) }
                .prefix(limit).map { (theme: $0.key, respondents: $0.value) }
        }
    }

    /// Every free text within `filters`, in answer order, with its answer id.
    public func forEachFreeText(filters: [CrossDimension: [String]] = [:], _ body: (Int64, String) throws -> Void) throws {
        try readFiltered(filters) { db, filter in
            let rows = try Row.fetchCursor(
                db,
                SQLRequest<Row>(
                    literal: """
                        SELECT a.id, a.raw FROM answer a JOIN respondent r ON r.id = a.respondentId
                        WHERE a.isFreeText AND \(Self.notIdentifying)\(filter) ORDER BY a.id
                        """))
            while let row = try rows.next() { try body(row[0], row[1]) }
        }
    }

    /// The answers with an effective tag of one of `themes`.
    public func answersCarrying(themes: [String], codebook stored: StoredCodebook) throws -> Set<Int64> {
        try ensureRespondentThemes(stored)
        return try read { db in
            try Set(Int64.fetchAll(db, SQLRequest<Int64>(literal: Self.answersTagged(stored, themes: themes))))
        }
    }
}

// MARK: - The data basis and the closed questions

extension KartlaggningStore {
    /// Respondents per survey within `filters`, with the first and last interview date; surveys in id order. From the
    /// kept counts when current (`keptCounts`), else from the respondents: the same figures.
    public func surveyRespondents(filters: [CrossDimension: [String]], keptCounts: Bool = true) throws -> [SurveyRespondents] {
        try readFiltered(filters, keptCounts: keptCounts) { db, filter in
            // The kept cells with their periods when current, else every respondent.
            let source = try Self.respondentSource(db, keptCounts: keptCounts)
            let period: SQL = source.kept ? "MIN(r.firstDate), MAX(r.lastDate)" : "MIN(r.date), MAX(r.date)"
            return try Row.fetchAll(
                db,
                SQLRequest<Row>(
                    literal: """
                        SELECT r.surveyId, \(source.count), \(period) FROM \(source.table) WHERE 1\(filter)
                        GROUP BY r.surveyId ORDER BY r.surveyId
                        """)
            ).map { SurveyRespondents(survey: $0[0], respondents: $0[1], firstDate: $0[2], lastDate: $0[3]) }
        }
    }

    /// The closed and number questions (choice, multi, boolean, scale, integer, decimal) of `surveys` (all when empty),
    /// in survey and question order; never a technical column or one that identifies people.
    public func closedQuestions(surveys: [String] = []) throws -> [ReportQuestion] {
        try read { db in
            let ambiguous = Set(try String.fetchAll(db, sql: "SELECT id FROM question GROUP BY id HAVING COUNT(*) > 1"))
            let closed: [QuestionType] = [.choice, .multi, .boolean, .scale, .integer, .decimal]
            var request = QuestionRecord.filter(closed.map(\.rawValue).contains(QuestionRecord.Columns.type))
                .filter(QuestionRecord.Columns.technical == false).filter(QuestionRecord.Columns.identifying == false)
            if !surveys.isEmpty { request = request.filter(surveys.contains(QuestionRecord.Columns.surveyId)) }
            return try request.order(QuestionRecord.Columns.surveyId, QuestionRecord.Columns.position).fetchAll(db).map { question in
                ReportQuestion(
                    survey: question.surveyId, id: question.id,
                    reference: ambiguous.contains(question.id) ? "\(question.surveyId)/\(question.id)" : question.id,
                    text: question.text, type: question.type, scale: question.scale)
            }
        }
    }

    /// How many questions of `surveys` (all when empty) no report shows because they are technical columns or identify
    /// people.
    public func columnsLeftOut(surveys: [String] = []) throws -> (technical: Int, identifying: Int) {
        try read { db in
            var request = QuestionRecord.all()
            if !surveys.isEmpty { request = request.filter(surveys.contains(QuestionRecord.Columns.surveyId)) }
            let questions = try request.fetchAll(db)
            return (questions.filter(\.technical).count, questions.filter { $0.identifying && !$0.technical }.count)
        }
    }

    /// How `stored`'s tags were made, over the whole database: from the kept tagging figures when they are current
    /// (`keptCounts`), else counted from the rows — the same figures.
    public func taggingFigures(_ stored: StoredCodebook, keptCounts: Bool = true) throws -> TaggingFigures {
        try read { db in
            let id = stored.codebook.id
            let coders = try Row.fetchAll(
                db,
                sql: """
                    SELECT coder, COUNT(DISTINCT answerId) FROM tag INDEXED BY tag_manual WHERE coder <> \(Coder.autoSQL) AND codebookId = ?
                    GROUP BY coder ORDER BY coder
                    """, arguments: [id]
            ).map { (name: $0[0] as String, answers: $0[1] as Int) }
            let freeTexts: Int
            let run: (answers: Int, autoTagged: Int)
            if keptCounts, let kept = try Self.keptTaggingCounts(codebook: id, revision: stored.revision, db: db) {
                freeTexts = kept.freeTexts
                run = (kept.tagged, kept.autoTagged)
            } else {
                freeTexts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer WHERE isFreeText") ?? 0
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(DISTINCT r.answerId), COUNT(DISTINCT t.answerId) FROM tagRun r JOIN answer a ON a.id = r.answerId
                        LEFT JOIN tag t ON t.answerId = r.answerId AND t.codebookId = r.codebookId AND t.coder = \(Coder.autoSQL)
                            AND t.revision = r.revision
                        WHERE r.codebookId = ? AND r.revision = ? AND a.isFreeText
                        """, arguments: [id, stored.revision])
                run = row.map { ($0[0], $0[1]) } ?? (0, 0)
            }
            var figures = TaggingFigures(
                freeTextAnswers: freeTexts, autoTaggedAnswers: run.autoTagged, applied: run.answers > 0, coders: coders)
            if figures.applied { figures.untagged = freeTexts - run.answers }
            return figures
        }
    }
}
