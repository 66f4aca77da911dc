import GRDB
import KartlaggningModel

// MARK: - The theme digest

/// What a theme report reads of a theme, kept per codebook (schema v20): each theme's term counts over the free texts
/// that carry it or one of its descendants (`themeTerm`, from the term index: the texts it holds), how many of those
/// texts each question gave (`themeSource`) and how many respondents carry it with each other theme (`themePair`). A
/// report then reads a theme's few hundred rows instead of the terms of every text of the theme (1.4 million index
/// rows for a theme of 230,000 texts).
///
/// Derived data, current while `themeDigestState` holds the data's version, the term index's key and the codebook's
/// latest revision (and its respondent themes are current). The writers that change answer themes keep it so: a
/// codebook's first tagging run gathers it as it goes, a rework of a few respondents (a coder's decision, an import's
/// new answers tagged) adds what changed, a rework of every respondent makes it again, and the indexer adds the terms
/// of the texts it indexes. A transaction that rewrote or removed respondents, answers or questions leaves it stale
/// (`noteChanges` carries the stamp only past others); the next writer's `TermIndexing.update` makes it again whole
/// (`refreshThemeDigests`). Readers use it only where it is current, and count from the index and the answers
/// otherwise.
extension KartlaggningStore {
    /// Whether `stored`'s theme digest can be read: stamped with the data's version, the term index's key and the
    /// codebook's latest revision, and the codebook's respondent themes current.
    static func themeDigestIsCurrent(_ stored: StoredCodebook, db: Database) throws -> Bool {
        try respondentThemesAreCurrent(stored, db: db) && themeDigestIsStamped(stored, db: db)
    }

    /// Whether `stored`'s digest was stamped at the data's version (inside a writer's transaction: current when it
    /// began, or made since), with the term index's key and the codebook's latest revision.
    static func themeDigestIsStamped(_ stored: StoredCodebook, db: Database) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT s.revision = ? AND s.version = d.version AND s.termKey = t.key
                FROM themeDigestState s JOIN dataVersion d ON d.id = 1 JOIN termIndexState t ON t.id = 1
                WHERE s.codebookId = ?
                """, arguments: [stored.revision, stored.codebook.id]) ?? false
    }

    /// Stamps `stored`'s digest as made from the data as it is (none where there is no term index yet).
    static func stampThemeDigest(_ stored: StoredCodebook, db: Database) throws {
        try db.execute(literal: "DELETE FROM themeDigestState WHERE codebookId = \(stored.codebook.id)")
        try db.execute(
            literal: """
                INSERT INTO themeDigestState (codebookId, revision, version, termKey)
                SELECT \(stored.codebook.id), \(stored.revision), d.version, t.key
                FROM dataVersion d JOIN termIndexState t ON t.id = 1 WHERE d.id = 1
                """)
    }

    /// Carries every digest stamped at the data's version `before` on to its new one: what `noteChanges` does for a
    /// transaction that only added respondents and answers (which carry no theme until tagged) or changed tags through
    /// the writers that keep the digest.
    static func carryThemeDigests(from before: String?, db: Database) throws {
        guard let before else { return }
        try db.execute(
            sql: "UPDATE themeDigestState SET version = (SELECT version FROM dataVersion WHERE id = 1) WHERE version = ?",
            arguments: [before])
    }

    /// Makes `stored`'s digest again from its answer themes and the term index, and stamps it: one pass over the
    /// codebook's answer themes in answer order, merged with one over the index in the same order.
    static func rebuildThemeDigest(_ stored: StoredCodebook, db: Database) throws {
        let id = stored.codebook.id
        try emptyThemeDigest(id, db: db)
        // Without a term index there is nothing to stamp it against: made when there is one.
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM termIndexState WHERE id = 1)") == true else { return }
        var tally = ThemeDigestTally(stored.codebook)
        let carrying = try Row.fetchCursor(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT t.answerId, t.themeId, a.questionKey FROM answerTheme t INDEXED BY answerTheme_answer
                    CROSS JOIN answer a ON a.id = t.answerId
                    WHERE t.codebookId = \(id) AND a.isFreeText ORDER BY t.answerId
                    """))
        let terms = try Row.fetchCursor(db, sql: "SELECT answerId, lemma, n FROM answerTerm ORDER BY answerId")
        var termRow = try terms.next()
        var answer: (id: Int64, question: Int64, themes: [String])?
        var counted = 0
        func count() throws {
            guard let answer else { return }
            var found: [(lemma: String, n: Int)] = []
            while let row = termRow {
                let termAnswer: Int64 = row[0]
                guard termAnswer <= answer.id else { break }
                if termAnswer == answer.id { found.append((row[1], row[2])) }
                termRow = try terms.next()
            }
            tally.add(themes: tally.carried(answer.themes), question: answer.question, terms: found)
            counted += 1
            // Added to the rows as it grows: memory stays flat whatever the vocabulary.
            if counted % 10_000 == 0, tally.entries > ThemeDigestTally.heldEntries {
                try tally.apply(codebookId: id, db: db)
                tally = ThemeDigestTally(stored.codebook)
            }
        }
        while let row = try carrying.next() {
            let answerId: Int64 = row[0]
            if answer?.id == answerId {
                answer?.themes.append(row[1])
            } else {
                try count()
                answer = (answerId, row[2], [row[1]])
            }
        }
        try count()
        try tally.apply(codebookId: id, db: db)
        try ThemePairCounts.counted(id, db: db).apply(codebookId: id, db: db)
        try stampThemeDigest(stored, db: db)
    }

    /// Empties a codebook's digest and its stamp (before it is made again).
    static func emptyThemeDigest(_ id: String, db: Database) throws {
        try db.execute(
            literal: """
                DELETE FROM themeTerm WHERE codebookId = \(id); DELETE FROM themeSource WHERE codebookId = \(id);
                DELETE FROM themePair WHERE codebookId = \(id); DELETE FROM themeDigestState WHERE codebookId = \(id)
                """)
    }

    /// Adds to `stored`'s digest, emptied when the first tagging run began (`emptyThemeDigest`), what is left of the
    /// tally the run gathered and the pairs of its respondent bits, and stamps it.
    static func writeThemeDigest(_ stored: StoredCodebook, _ tally: ThemeDigestTally, pairs: ThemePairCounts, db: Database) throws {
        let id = stored.codebook.id
        try tally.apply(codebookId: id, db: db)
        try pairs.apply(codebookId: id, db: db)
        try stampThemeDigest(stored, db: db)
    }

    /// Adds to `stored`'s pair counts what changed between `before` and `after` (`ThemePairCounts.of` the same
    /// respondents).
    static func adjustThemePairs(_ stored: StoredCodebook, before: [Int64: [String]], after: [Int64: [String]], db: Database) throws {
        var pairs = ThemePairCounts()
        for respondent in Set(before.keys).union(after.keys) {
            let (was, now) = (before[respondent] ?? [], after[respondent] ?? [])
            guard Set(was) != Set(now) else { continue }
            pairs.add(respondentThemes: was, sign: -1)
            pairs.add(respondentThemes: now)
        }
        try pairs.apply(codebookId: stored.codebook.id, db: db)
    }

    /// The digest of one batch of a first tagging run: each text's themes (its auto tags') with its terms, read
    /// from the index on a reader's connection (the run does not change the index, so its last commit is the index).
    /// Called from the matching thread.
    func digestPart(of batch: [UntaggedText], tags: [PreparedTags], codebook: Codebook) throws -> ThemeDigestTally {
        var tally = ThemeDigestTally(codebook)
        guard let first = batch.first?.answerId, let last = batch.last?.answerId else { return tally }
        // The themes each text carries, as numbers into `themes`; its question counted for each.
        var themes: [String] = []
        var themeNumber: [String: Int] = [:]
        let carried = zip(batch, tags).map { text, prepared -> [Int] in
            guard !prepared.themes.isEmpty else { return [] }
            let carried = tally.carried(prepared.themes.map(\.theme))
            tally.add(themes: carried, question: text.questionKey, terms: [])
            return carried.map { theme in
                if let number = themeNumber[theme] { return number }
                themeNumber[theme] = themes.count
                themes.append(theme)
                return themes.count - 1
            }
        }
        // The index's rows in answer order, beside the batch's texts (also in answer order): each lemma numbered once,
        // each theme's counts by that number.
        var lemmas: [String] = []
        var lemmaNumber: [String: Int] = [:]
        var counts = [[Int]](repeating: [], count: themes.count)
        try readOnce { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT answerId, lemma, n FROM answerTerm WHERE answerId BETWEEN ? AND ? ORDER BY answerId",
                arguments: [first, last])
            var index = 0
            while let row = try rows.next() {
                let answer: Int64 = row[0]
                while index < batch.count && batch[index].answerId < answer { index += 1 }
                guard index < batch.count, batch[index].answerId == answer, !carried[index].isEmpty else { continue }
                let lemma: String = row[1]
                let number: Int
                if let known = lemmaNumber[lemma] {
                    number = known
                } else {
                    number = lemmas.count
                    lemmaNumber[lemma] = number
                    lemmas.append(lemma)
                }
                let n: Int = row[2]
                for theme in carried[index] {
                    if counts[theme].count <= number { counts[theme] += [Int](repeating: 0, count: lemmas.count - counts[theme].count) }
                    counts[theme][number] += n
                }
            }
        }
        for (theme, byLemma) in zip(themes, counts) {
            tally.addTerms(themes: [theme], terms: byLemma.enumerated().filter { $0.element != 0 }.map { (lemmas[$0.offset], $0.element) })
        }
        return tally
    }

    /// The themes each free text of `answers` carries now (its effective tags' themes, before roll-up), with its question.
    static func answerThemes(_ stored: StoredCodebook, answers: SQL, db: Database) throws -> [Int64: (question: Int64, themes: Set<String>)]
    {
        var found: [Int64: (question: Int64, themes: Set<String>)] = [:]
        let rows = try Row.fetchCursor(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT a.id, a.questionKey, t.themeId FROM answer a CROSS JOIN answerTheme t ON t.answerId = a.id
                    WHERE a.id IN (\(answers)) AND a.isFreeText AND t.codebookId = \(stored.codebook.id)
                    """))
        while let row = try rows.next() {
            found[row[0], default: (row[1], [])].themes.insert(row[2])
        }
        return found
    }

    /// Adds to `stored`'s digest what changed between `before` and `after` (`answerThemes` of the same answers):
    /// each text's terms and question taken off the themes it no longer carries and added to those it now does.
    static func adjustThemeDigest(
        _ stored: StoredCodebook, before: [Int64: (question: Int64, themes: Set<String>)],
        after: [Int64: (question: Int64, themes: Set<String>)], db: Database
    ) throws {
        var tally = ThemeDigestTally(stored.codebook)
        var changed: [(answer: Int64, question: Int64, gone: [String], new: [String])] = []
        for answer in Set(before.keys).union(after.keys).sorted() {
            let was = Set(tally.carried(before[answer]?.themes ?? []))
            let now = Set(tally.carried(after[answer]?.themes ?? []))
            guard was != now, let question = after[answer]?.question ?? before[answer]?.question else { continue }
            changed.append((answer, question, was.subtracting(now).sorted(), now.subtracting(was).sorted()))
        }
        guard !changed.isEmpty else { return }
        let terms = try termsOf(changed.map(\.answer), db: db)
        for change in changed {
            tally.add(themes: change.gone, question: change.question, terms: terms[change.answer] ?? [], sign: -1)
            tally.add(themes: change.new, question: change.question, terms: terms[change.answer] ?? [])
        }
        try tally.apply(codebookId: stored.codebook.id, db: db)
    }

    /// The term index's terms of `answers` (lemma and count), by answer.
    static func termsOf(_ answers: [Int64], db: Database) throws -> [Int64: [(lemma: String, n: Int)]] {
        var terms: [Int64: [(lemma: String, n: Int)]] = [:]
        for chunk in stride(from: 0, to: answers.count, by: 10_000).map({ answers[$0..<min($0 + 10_000, answers.count)] }) {
            let rows = try Row.fetchCursor(
                db, SQLRequest<Row>(literal: "SELECT answerId, lemma, n FROM answerTerm WHERE answerId IN \(Array(chunk))"))
            while let row = try rows.next() { terms[row[0], default: []].append((row[1], row[2])) }
        }
        return terms
    }

    /// Adds the terms of texts just indexed to every stamped digest, for the themes those texts carry: what the
    /// indexer calls for each batch it writes.
    static func addIndexedTerms(_ indexed: [(answerId: Int64, terms: [TermCount])], db: Database) throws {
        guard !indexed.isEmpty else { return }
        let ids = indexed.map(\.answerId)
        for stored in try codebooksWithStampedDigests(db) {
            let carrying = try answerThemes(stored, answers: "SELECT id FROM answer WHERE id IN \(ids)", db: db)
            guard !carrying.isEmpty else { continue }
            var tally = ThemeDigestTally(stored.codebook)
            for text in indexed {
                guard let themes = carrying[text.answerId]?.themes, !text.terms.isEmpty else { continue }
                tally.addTerms(themes: tally.carried(themes), terms: text.terms.map { ($0.lemma, $0.count) })
            }
            try tally.apply(codebookId: stored.codebook.id, db: db)
        }
    }

    /// The latest revision of every codebook whose digest is stamped at the data's version: what must follow a change
    /// to answer themes or the index.
    static func codebooksWithStampedDigests(_ db: Database) throws -> [StoredCodebook] {
        try String.fetchAll(db, sql: "SELECT codebookId FROM themeDigestState ORDER BY codebookId").compactMap { id in
            guard let stored = try latestCodebook(db, id: id), try themeDigestIsStamped(stored, db: db) else { return nil }
            return stored
        }
    }

    /// Makes sure `stored`'s digest is current where the store may be written (derived data: the data's version
    /// stays). Whether it is current afterwards.
    func ensureThemeDigest(_ stored: StoredCodebook) throws -> Bool {
        try ensureRespondentThemes(stored)
        if try read({ db in try Self.themeDigestIsCurrent(stored, db: db) }) { return true }
        guard !isReadOnly else { return false }
        return try writeDerived { db in
            guard try Self.respondentThemesAreCurrent(stored, db: db) else { return false }
            try Self.rebuildThemeDigest(stored, db: db)
            return try Self.themeDigestIsCurrent(stored, db: db)
        }
    }

    /// Makes every applied codebook's digest current where it is not (made again whole: after rows were rewritten,
    /// the index made anew, or a file upgraded to schema 20).
    public func refreshThemeDigests() throws {
        for stored in try appliedCodebooks() { _ = try ensureThemeDigest(stored) }
    }

    /// From `stored`'s digest (current: `ensureThemeDigest`), for each of `themes`: its term counts by lemma, and how
    /// many of its texts each question gave (identifying questions left out), most first, then by survey and question
    /// as SQLite orders them.
    public func keptThemeDigest(themes: [String], codebook stored: StoredCodebook) throws -> [(
        terms: [String: Int], sources: [ThemeSource]
    )]? {
        guard try ensureThemeDigest(stored) else { return nil }
        return try read { db in
            guard try Self.themeDigestIsCurrent(stored, db: db) else { return nil }
            return try themes.map { theme in
                var terms: [String: Int] = [:]
                let rows = try Row.fetchCursor(
                    db,
                    sql: "SELECT lemma, n FROM themeTerm WHERE codebookId = ? AND themeId = ?", arguments: [stored.codebook.id, theme])
                while let row = try rows.next() { terms[row[0], default: 0] += row[1] as Int }
                let sources = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT q.surveyId, q.id, s.n FROM themeSource s JOIN question q ON q.key = s.questionKey
                        WHERE s.codebookId = ? AND s.themeId = ? AND NOT q.identifying AND s.n > 0
                        """, arguments: [stored.codebook.id, theme]
                ).map { ThemeSource(survey: $0[0], question: $0[1], answers: $0[2]) }
                return (terms, Self.sortedSources(sources))
            }
        }
    }

    /// How many respondents carry `theme` with each other theme, from `stored`'s digest where it is current (nil
    /// otherwise).
    static func keptThemePairs(of theme: String, codebook stored: StoredCodebook, db: Database) throws -> [String: Int]? {
        guard try themeDigestIsCurrent(stored, db: db) else { return nil }
        var counts: [String: Int] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT otherId, n FROM themePair WHERE codebookId = ? AND themeId = ?", arguments: [stored.codebook.id, theme])
        while let row = try rows.next() { counts[row[0]] = row[1] }
        return counts
    }

    /// Sources most answers first, then by survey and question as SQLite orders text.
    static func sortedSources(_ sources: [ThemeSource]) -> [ThemeSource] {
        sources.sorted { first, second in
            if first.answers != second.answers { return first.answers > second.answers }
            if first.survey != second.survey { return first.survey.sortsBeforeInSQLite(second.survey) }
            return first.question.sortsBeforeInSQLite(second.question)
        }
    }

    /// The rows of `stored`'s digest as SQL makes them from answer themes and the term index, independently of the
    /// writers that keep it: a `WITH` clause (`carried`: each text with the themes it carries), then the selects of
    /// (theme, lemma, n) and of (theme, question key, n) over it.
    static func themeDigestRecount(_ stored: StoredCodebook) -> (with: SQL, terms: SQL, sources: SQL) {
        let pairs = stored.codebook.rollUp.flatMap { theme, counted in counted.map { (theme, $0) } }
        let closure: SQL =
            pairs.isEmpty
            ? "SELECT NULL AS theme, NULL AS ancestor WHERE 0"
            : "VALUES " + pairs.map { theme, ancestor -> SQL in "(\(theme), \(ancestor))" }.joined(separator: ", ")
        return (
            """
            WITH closure(theme, ancestor) AS (\(closure)),
            carried AS (
                SELECT DISTINCT COALESCE(c.ancestor, t.themeId) AS themeId, t.answerId, a.questionKey
                FROM answerTheme t JOIN answer a ON a.id = t.answerId LEFT JOIN closure c ON c.theme = t.themeId
                WHERE t.codebookId = \(stored.codebook.id) AND a.isFreeText)
            """,
            "SELECT x.themeId, w.lemma, SUM(w.n) FROM carried x JOIN answerTerm w ON w.answerId = x.answerId GROUP BY 1, 2",
            "SELECT themeId, questionKey, COUNT(*) FROM carried GROUP BY 1, 2"
        )
    }

    /// `stored`'s pair counts as SQL makes them from the respondent themes.
    static func themePairRecount(_ stored: StoredCodebook) -> SQL {
        """
        SELECT a.themeId, b.themeId, COUNT(*) FROM respondentTheme a
        JOIN respondentTheme b ON b.codebookId = a.codebookId AND b.respondentId = a.respondentId AND b.themeId <> a.themeId
        WHERE a.codebookId = \(stored.codebook.id) GROUP BY 1, 2
        """
    }

    /// Each current theme digest against its recount (`themeDigestRecount`); a stale one is made again where it is
    /// read, so it is not a fault.
    static func themeDigestCheck(_ db: Database) throws -> IntegrityCheck {
        var differing: [String] = []
        var current = 0
        for stored in try codebooksWithStampedDigests(db) where try themeDigestIsCurrent(stored, db: db) {
            current += 1
            let id = stored.codebook.id
            let recount = themeDigestRecount(stored)
            for (table, rows, again) in [
                ("themeTerm", "SELECT themeId, lemma, n FROM themeTerm WHERE codebookId = \(id)" as SQL, recount.terms),
                ("themeSource", "SELECT themeId, questionKey, n FROM themeSource WHERE codebookId = \(id)", recount.sources),
                ("themePair", "SELECT themeId, otherId, n FROM themePair WHERE codebookId = \(id)", themePairRecount(stored)),
            ] {
                let n =
                    try Int.fetchOne(
                        db,
                        SQLRequest<Int>(
                            literal: """
                                \(recount.with)
                                SELECT (SELECT COUNT(*) FROM (\(rows) EXCEPT \(again))) + (SELECT COUNT(*) FROM (\(again) EXCEPT \(rows)))
                                """)) ?? 0
                if n > 0 { differing.append("\(table) (\(id)): \(n) rows differ") }
            }
        }
        return IntegrityCheck(
            name: "theme digests equal the rows", passed: differing.isEmpty,
            detail: differing.isEmpty ? "ok (\(current) current)" : differing.joined(separator: "; "))
    }
}
