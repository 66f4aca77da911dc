import GRDB
import KartlaggningModel

// MARK: - Counts kept for cross-tabs

/// Cross-tabs by respondent fields count respondents, closed answers and respondent themes by the fields a table can
/// show or filter by (survey, kind, district, service town, wave, interviewer). Those counts are kept in three tables,
/// one row per combination of the fields that occurs, with how many: `respondentCount`, `closedAnswerCount` (by
/// question and category) and `respondentThemeCount` (by codebook and theme, from `respondentTheme`). A cross-tab
/// sums a few hundred rows instead of joining every answer to its respondent.
///
/// They are current when `keptCountState` holds the data's version: every writer makes them again before it commits
/// (`noteChanges`; `CountedChanges` refuses a commit that changed respondents, answers or questions without it), and
/// the respondent-theme rebuilds keep their theme's counts. Readers use them only when they are current, and a
/// codebook's theme counts only when its respondent themes are; otherwise they count as before, from the rows.
extension KartlaggningStore {
    /// The respondent fields the counts are kept by, in the tables' column order.
    static let keptFieldNames = "surveyId, kind, district, serviceTown, wave, interviewer"
    static let keptFields = SQL(sql: keptFieldNames)
    /// The same fields of `respondent r`.
    static let keptFieldsOfR: SQL = "r.surveyId, r.kind, r.district, r.serviceTown, r.wave, r.interviewer"
    /// The question types whose answers are kept: categories as they are stored (a scale by its whole number), and
    /// every number with how many gave it (what means and medians are worked out from).
    static let keptQuestionTypes: [String] = [QuestionType.choice, .boolean, .scale, .multi, .integer, .decimal].map(\.rawValue)

    /// Whether the kept counts were made from the data as it is now.
    static func keptCountsAreCurrent(_ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT k.version = d.version FROM keptCountState k JOIN dataVersion d ON d.id = 1 WHERE k.id = 1") ?? false
    }

    /// From the kept counts, where they are current (nil otherwise): every free text, and how many of them `revision`
    /// of the codebook has tagged and given an auto tag.
    static func keptTaggingCounts(codebook id: String, revision: Int, db: Database) throws
        -> (freeTexts: Int, tagged: Int, autoTagged: Int)?
    {
        guard try keptCountsAreCurrent(db) else { return nil }
        let freeTexts = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(freeTexts), 0) FROM respondentCount") ?? 0
        let run = try Row.fetchOne(
            db, sql: "SELECT answers, autoTagged FROM tagRunCount WHERE codebookId = ? AND revision = ?", arguments: [id, revision])
        return (freeTexts, run?[0] ?? 0, run?[1] ?? 0)
    }

    /// Whether the kept theme counts of `stored` can be read: the counts current and the codebook's respondent themes
    /// current in the file.
    static func keptThemeCountsAreCurrent(_ stored: StoredCodebook, db: Database) throws -> Bool {
        try keptCountsAreCurrent(db) && respondentThemesAreCurrent(stored, db: db)
    }

    /// Marks the kept counts as made from the data's current version.
    static func stampKeptCounts(_ db: Database) throws {
        try db.execute(sql: "UPDATE keptCountState SET version = (SELECT version FROM dataVersion WHERE id = 1) WHERE id = 1")
    }

    /// Respondents counted by the kept fields, with their answers, from the rows.
    static let respondentCountsSQL: SQL = """
        SELECT \(keptFieldsOfR), COUNT(*), COALESCE(SUM(x.answers), 0), COALESCE(SUM(x.freeTexts), 0), MIN(r.date), MAX(r.date)
        FROM respondent r LEFT JOIN (
            SELECT respondentId, COUNT(*) AS answers, SUM(isFreeText) AS freeTexts FROM answer GROUP BY respondentId
        ) x ON x.respondentId = r.id
        GROUP BY \(keptFieldsOfR)
        """

    /// The tagging figures per codebook revision, from the rows: the free texts it tagged, and how many of them carry
    /// an auto tag of it (counted from the tags, not from `tagRun.autoTags`).
    static let tagRunCountsSQL: SQL = """
        SELECT r.codebookId, r.revision, COUNT(*), SUM(EXISTS (
            SELECT 1 FROM tag t WHERE t.answerId = r.answerId AND t.codebookId = r.codebookId
            AND t.coder = \(sql: Coder.autoSQL) AND t.revision = r.revision))
        FROM tagRun r JOIN answer a ON a.id = r.answerId WHERE a.isFreeText
        GROUP BY r.codebookId, r.revision
        """

    /// Closed answers counted by question, category and the kept fields, from the rows.
    static let closedAnswerCountsSQL: SQL = """
        SELECT q.key, CASE q.type WHEN \(QuestionType.scale.rawValue) THEN \(ClosedAnswerValues.scaleSQL) ELSE a.valueText END,
            a.valueNumber, \(keptFieldsOfR), COUNT(*)
        FROM question q CROSS JOIN answer a ON a.questionKey = q.key JOIN respondent r ON r.id = a.respondentId
        WHERE q.type IN \(keptQuestionTypes)
        GROUP BY 1, 2, 3, \(keptFieldsOfR)
        """

    /// A codebook's respondent themes counted by theme and the kept fields, from `respondentTheme`.
    static func themeCountsSQL(_ id: String) -> SQL {
        """
        SELECT rt.codebookId, rt.themeId, \(keptFieldsOfR), COUNT(*)
        FROM main.respondentTheme rt JOIN respondent r ON r.id = rt.respondentId
        WHERE rt.codebookId = \(id)
        GROUP BY rt.themeId, \(keptFieldsOfR)
        """
    }

    /// Each kept table with the query that makes its rows, for a codebook's themes those of `codebooks`: what the
    /// integrity check compares.
    static func keptTables(codebooks: [String]) -> [(table: String, rows: SQL, recount: SQL)] {
        [
            (
                "respondentCount", "SELECT \(keptFields), n, answers, freeTexts, firstDate, lastDate FROM respondentCount",
                respondentCountsSQL
            ),
            ("tagRunCount", "SELECT codebookId, revision, answers, autoTagged FROM tagRunCount", tagRunCountsSQL),
            ("closedAnswerCount", "SELECT questionKey, value, number, \(keptFields), n FROM closedAnswerCount", closedAnswerCountsSQL),
        ]
            + codebooks.map { id in
                (
                    "respondentThemeCount (\(id))",
                    "SELECT codebookId, themeId, \(keptFields), n FROM respondentThemeCount WHERE codebookId = \(id)",
                    themeCountsSQL(id)
                )
            }
    }

    /// Makes every kept count again from the rows: respondents, closed answers, and the respondent themes of each
    /// codebook whose respondent themes are current (the others are made when theirs are rebuilt). One pass over the
    /// answers, counted in a hash table by each respondent's cell (`RespondentCells`); the SQL above is what the
    /// integrity check recounts with.
    static func recountAll(_ db: Database) throws {
        let cells = try RespondentCells.read(db)
        let questions = try KeptQuestions(db)
        var answers = Array(repeating: 0, count: cells.fields.count)
        var freeTexts = Array(repeating: 0, count: cells.fields.count)
        var freeTextIds = AnswerIdSet(upTo: try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM answer") ?? 0)
        var closed: [ClosedKey<Int>: Int] = [:]
        let rows = try Row.fetchCursor(
            db,
            SQLRequest<Row>(
                literal: "SELECT a.respondentId, a.questionKey, \(questions.value), a.valueNumber, a.isFreeText, a.id FROM answer a"))
        while let row = try rows.next() {
            guard let cell = cells.cell(of: row[0]) else { continue }
            answers[cell] += 1
            if row[4] as Bool {
                freeTexts[cell] += 1
                freeTextIds.insert(row[5])
            }
            let question: Int64 = row[1]
            guard questions.kept.contains(question) else { continue }
            closed[ClosedKey(cell: cell, question: question, value: row[2], number: row[3]), default: 0] += 1
        }
        try db.execute(sql: "DELETE FROM respondentCount; DELETE FROM closedAnswerCount; DELETE FROM respondentThemeCount")
        let respondentRow = try db.makeStatement(
            sql: """
                INSERT INTO respondentCount (\(keptFieldNames), n, answers, freeTexts, firstDate, lastDate)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (cell, fields) in cells.fields.enumerated() {
            try respondentRow.execute(
                arguments: StatementArguments(fields) + [cells.respondents[cell], answers[cell], freeTexts[cell]]
                    + [cells.period[cell].first, cells.period[cell].last])
        }
        try recountTagRuns(freeTexts: freeTextIds, db: db)
        let closedRow = try db.makeStatement(
            sql: "INSERT INTO closedAnswerCount (questionKey, value, number, \(keptFieldNames), n) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        for (key, n) in closed {
            try closedRow.execute(arguments: [key.question, key.value, key.number] + StatementArguments(cells.fields[key.cell]) + [n])
        }
        for stored in try codebooksWithCurrentThemes(db) { try recountThemes(stored, cells: cells, db: db) }
        try noteRowsCounted(db)
    }

    /// Makes the tagging figures again (`tagRunCount`): per codebook revision, the free-text answers it has tagged
    /// and how many of them it gave a theme, from one pass over `tagRun`.
    static func recountTagRuns(freeTexts: AnswerIdSet, db: Database) throws {
        var counts: [TagRunKey: (answers: Int, autoTagged: Int)] = [:]
        let runs = try Row.fetchCursor(db, sql: "SELECT answerId, codebookId, revision, autoTags FROM tagRun")
        while let run = try runs.next() {
            guard freeTexts.contains(run[0]) else { continue }
            let key = TagRunKey(codebook: run[1], revision: run[2])
            counts[key, default: (0, 0)].answers += 1
            if run[3] as Int > 0 { counts[key, default: (0, 0)].autoTagged += 1 }
        }
        try db.execute(sql: "DELETE FROM tagRunCount")
        let insert = try db.makeStatement(sql: "INSERT INTO tagRunCount (codebookId, revision, answers, autoTagged) VALUES (?, ?, ?, ?)")
        for (key, count) in counts { try insert.execute(arguments: [key.codebook, key.revision, count.answers, count.autoTagged]) }
    }

    /// A codebook's revision, as a key of the tagging figures.
    struct TagRunKey: Hashable {
        var codebook: String
        var revision: Int
    }

    /// Changes the tagging figures of one codebook revision by `answers` and `autoTagged` (what a tagging run keeps
    /// them with), dropping a revision left with none.
    static func addToTagRuns(_ key: TagRunKey, answers: Int, autoTagged: Int, db: Database) throws {
        try db.execute(
            literal: """
                INSERT INTO tagRunCount (codebookId, revision, answers, autoTagged) VALUES (\(key.codebook), \(key.revision), \(answers), \(autoTagged))
                ON CONFLICT (codebookId, revision) DO UPDATE SET answers = answers + excluded.answers, autoTagged = autoTagged + excluded.autoTagged
                """)
        try db.execute(
            literal:
                "DELETE FROM tagRunCount WHERE codebookId = \(key.codebook) AND revision = \(key.revision) AND answers = 0 AND autoTagged = 0"
        )
    }

    /// Marks every respondent and answer there is as counted (their ids only grow: SQLite gives a new row the
    /// largest id plus one, and `answer`'s ids are AUTOINCREMENT).
    static func noteRowsCounted(_ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE keptCountState SET respondentsUpTo = (SELECT COALESCE(MAX(id), 0) FROM respondent),
                    answersUpTo = (SELECT COALESCE(MAX(id), 0) FROM answer) WHERE id = 1
                """)
    }

    /// Adds to the kept counts the respondents and answers added since they were made (a transaction that only added
    /// rows: an import of new respondents, or of answers to empty cells). An import's own tally of what it added
    /// (`AddedRowTally`) is added when it holds exactly those rows; otherwise they are read back, in proportion to what
    /// was added, and many rows added (a quarter of what was there, or more) are counted with the rest in one pass.
    /// Returns whether the tally was what was added.
    @discardableResult
    static func countAddedRows(_ db: Database, tally: AddedRowTally? = nil) throws -> Bool {
        guard let state = try Row.fetchOne(db, sql: "SELECT respondentsUpTo, answersUpTo FROM keptCountState WHERE id = 1") else {
            try recountAll(db)
            return false
        }
        let (respondentsUpTo, answersUpTo): (Int64, Int64) = (state[0], state[1])
        if let tally, try tally.covers(respondentsUpTo: respondentsUpTo, answersUpTo: answersUpTo, db: db) {
            try addTally(tally, db: db)
            try noteRowsCounted(db)
            return true
        }
        let addedAnswers = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM answer") ?? 0
        guard addedAnswers - answersUpTo < max(answersUpTo / 4, 1_000) else {
            try recountAll(db)
            return false
        }
        var cells: [[String?]: (respondents: Int, answers: Int, freeTexts: Int)] = [:]
        var periods: [[String?]: DatePeriod] = [:]
        var closed: [ClosedKey<[String?]>: Int] = [:]
        let added = try Row.fetchCursor(
            db, sql: "SELECT \(keptFieldNames), date FROM respondent WHERE id > ?", arguments: [respondentsUpTo])
        while let row = try added.next() {
            let fields: [String?] = (0..<6).map { row[$0] }
            cells[fields, default: (0, 0, 0)].respondents += 1
            periods[fields, default: DatePeriod()].include(row[6])
        }
        let questions = try KeptQuestions(db)
        let answers = try Row.fetchCursor(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT \(keptFieldsOfR), a.questionKey, \(questions.value), a.valueNumber, a.isFreeText
                    FROM answer a JOIN respondent r ON r.id = a.respondentId WHERE a.id > \(answersUpTo)
                    """))
        while let row = try answers.next() {
            let fields: [String?] = (0..<6).map { row[$0] }
            cells[fields, default: (0, 0, 0)].answers += 1
            if row[9] as Bool { cells[fields, default: (0, 0, 0)].freeTexts += 1 }
            let question: Int64 = row[6]
            guard questions.kept.contains(question) else { continue }
            closed[ClosedKey(cell: fields, question: question, value: row[7], number: row[8]), default: 0] += 1
        }
        try addCounts(
            cells.map { fields, cell in
                AddedRowTally.Cell(
                    fields: fields, respondents: cell.respondents, answers: cell.answers, freeTexts: cell.freeTexts,
                    period: periods[fields] ?? DatePeriod())
            }, closed: closed, db: db)
        try noteRowsCounted(db)
        return false
    }

    /// Adds an import's tally of the rows it added: a scale's category worked out by SQLite from its number, as the
    /// counts from the rows have it (`ClosedAnswerValues.scaleSQL`).
    private static func addTally(_ tally: AddedRowTally, db: Database) throws {
        let scale = try KeptQuestions(db).scale
        let wholePart = try db.makeStatement(sql: "SELECT CAST(CAST(? AS INTEGER) AS TEXT)")
        var categories: [Double: String?] = [:]
        var closed: [ClosedKey<[String?]>: Int] = [:]
        for (key, n) in tally.closed {
            var value = key.value
            if scale.contains(key.question), let number = key.number {
                if let known = categories[number] {
                    value = known
                } else {
                    value = try String.fetchOne(wholePart, arguments: [number])
                    categories[number] = value
                }
            }
            closed[ClosedKey(cell: tally.cells[key.cell].fields, question: key.question, value: value, number: key.number), default: 0] += n
        }
        try addCounts(tally.cells, closed: closed, db: db)
    }

    /// Adds cells' respondents, answers and free texts, widens their periods, and adds closed answers by category.
    private static func addCounts(_ cells: [AddedRowTally.Cell], closed: [ClosedKey<[String?]>: Int], db: Database) throws {
        let addToCell = try KeptRowAdder("respondentCount", keys: [], counts: ["n", "answers", "freeTexts"], db: db)
        for cell in cells { try addToCell.add([], fields: cell.fields, counts: [cell.respondents, cell.answers, cell.freeTexts]) }
        // The cells' periods widened to the new respondents' dates (SQLite's min and max compare text as MIN and MAX do).
        let widen = try db.makeStatement(
            sql:
                "UPDATE respondentCount SET firstDate = min(COALESCE(firstDate, ?1), ?1), lastDate = max(COALESCE(lastDate, ?2), ?2) WHERE "
                + keptFieldNames.components(separatedBy: ", ").enumerated().map { "\($1) IS ?\($0 + 3)" }.joined(separator: " AND "))
        for cell in cells where cell.period.first != nil {
            try widen.execute(arguments: [cell.period.first, cell.period.last] + StatementArguments(cell.fields))
        }
        let addToClosed = try KeptRowAdder("closedAnswerCount", keys: ["questionKey", "value", "number"], counts: ["n"], db: db)
        for (key, n) in closed { try addToClosed.add([key.question, key.value, key.number], fields: key.cell, counts: [n]) }
    }

    /// The latest revision of each codebook whose respondent themes are current in the file.
    static func codebooksWithCurrentThemes(_ db: Database) throws -> [StoredCodebook] {
        try String.fetchAll(db, sql: "SELECT DISTINCT id FROM codebook ORDER BY id").compactMap { id in
            guard let stored = try latestCodebook(db, id: id), try respondentThemesAreCurrent(stored, db: db) else { return nil }
            return stored
        }
    }

    /// Makes the codebook's kept theme counts again from `respondentTheme`, one pass over its rows; or, where the rows
    /// were just written from `written` (a first tagging run's bits), from those, without reading them back.
    static func recountThemes(
        _ stored: StoredCodebook, cells known: RespondentCells? = nil, written: RespondentThemeBits? = nil, db: Database
    ) throws {
        let id = stored.codebook.id
        let cells = try known ?? RespondentCells.read(db)
        var counts: [String: [Int: Int]] = [:]
        var theme = ""
        var ofTheme: [Int: Int] = [:]
        // The rows in key order (theme, then respondent): each theme's counts are made apart, then kept.
        let count = { (next: String, respondent: Int64) in
            if next != theme {
                if !ofTheme.isEmpty { counts[theme, default: [:]].merge(ofTheme, uniquingKeysWith: +) }
                (theme, ofTheme) = (next, [:])
            }
            if let cell = cells.cell(of: respondent) { ofTheme[cell, default: 0] += 1 }
        }
        if let written {
            written.forEachRow(count)
        } else {
            let rows = try Row.fetchCursor(
                db, SQLRequest<Row>(literal: "SELECT themeId, respondentId FROM main.respondentTheme WHERE codebookId = \(id)"))
            while let row = try rows.next() { count(row[0], row[1]) }
        }
        if !ofTheme.isEmpty { counts[theme, default: [:]].merge(ofTheme, uniquingKeysWith: +) }
        try db.execute(literal: "DELETE FROM respondentThemeCount WHERE codebookId = \(id)")
        let insert = try db.makeStatement(
            sql: "INSERT INTO respondentThemeCount (codebookId, themeId, \(keptFieldNames), n) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        for (theme, byCell) in counts {
            for (cell, n) in byCell {
                try insert.execute(arguments: [id, theme] + StatementArguments(cells.fields[cell]) + [n])
            }
        }
    }

    /// A combination of a theme and the kept fields, as a key.
    struct ThemeCell: Hashable {
        var theme: String
        var fields: [String?]
    }

    /// How many of `respondents` carry each theme of the codebook, by the kept fields (before and after a few
    /// respondents' themes are reworked).
    static func themeCells(_ id: String, respondents: [Int64], db: Database) throws -> [ThemeCell: Int] {
        var cells: [ThemeCell: Int] = [:]
        let rows = try Row.fetchCursor(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT rt.themeId, \(keptFieldsOfR), COUNT(*) FROM main.respondentTheme rt JOIN respondent r ON r.id = rt.respondentId
                    WHERE rt.codebookId = \(id) AND rt.respondentId IN \(respondents)
                    GROUP BY rt.themeId, \(keptFieldsOfR)
                    """))
        while let row = try rows.next() {
            cells[ThemeCell(theme: row[0], fields: (1...6).map { row[$0] }), default: 0] += row[7] as Int
        }
        return cells
    }

    /// Adds to the codebook's kept theme counts what a few respondents' rework changed (`after` − `before`).
    static func adjustThemeCounts(_ id: String, before: [ThemeCell: Int], after: [ThemeCell: Int], db: Database) throws {
        let adder = try KeptRowAdder("respondentThemeCount", keys: ["codebookId", "themeId"], counts: ["n"], db: db)
        for cell in Set(before.keys).union(after.keys).sorted(by: { ($0.theme, "\($0.fields)") < ($1.theme, "\($1.fields)") }) {
            let change = (after[cell] ?? 0) - (before[cell] ?? 0)
            guard change != 0 else { continue }
            try adder.add([id, cell.theme], fields: cell.fields, counts: [change])
        }
        try db.execute(literal: "DELETE FROM respondentThemeCount WHERE codebookId = \(id) AND n = 0")
    }

    /// A kept closed answer's key: the respondent's cell (an index, or the field values), question, category, number.
    ///
    /// Categories are told apart by their bytes, as SQLite's GROUP BY tells texts apart, not by Swift's equality of
    /// strings (which takes "ö" as one code point and as "o" with a combining diaeresis for the same): counted here
    /// and recounted in SQL, the kept counts must come out the same. Hashing the bytes also skips Swift's
    /// normalisation of every non-ASCII category, once per answer.
    struct ClosedKey<Cell: Hashable>: Hashable {
        var cell: Cell
        var question: Int64
        var value: String?
        var number: Double?

        static func == (first: Self, second: Self) -> Bool {
            guard first.cell == second.cell, first.question == second.question, first.number == second.number else { return false }
            switch (first.value, second.value) {
            case (nil, nil): return true
            case (let one?, let other?): return one.utf8.elementsEqual(other.utf8)
            default: return false
            }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(cell)
            hasher.combine(question)
            hasher.combine(number)
            guard var value else { return hasher.combine(-1) }
            hasher.combine(value.utf8.count)
            value.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// The questions whose answers are kept, and the category of an answer `a` as SQL (a scale's whole number).
    struct KeptQuestions {
        let kept: Set<Int64>
        /// The scales among them: counted by their number's whole part.
        let scale: Set<Int64>
        let value: SQL

        init(_ db: Database) throws {
            let rows = try Row.fetchAll(db, SQLRequest<Row>(literal: "SELECT key, type FROM question WHERE type IN \(keptQuestionTypes)"))
            kept = Set(rows.map { $0[0] as Int64 })
            let scale = rows.filter { $0[1] as String == QuestionType.scale.rawValue }.map { $0[0] as Int64 }
            self.scale = Set(scale)
            value = "CASE WHEN a.questionKey IN \(scale) THEN \(ClosedAnswerValues.scaleSQL) ELSE a.valueText END"
        }
    }

    /// Adds counts to a kept table's row with the given key and fields (NULLs matched as NULLs), making the row where
    /// there is none: how a few added rows or a coder's few respondents change the kept counts.
    struct KeptRowAdder {
        private let update: Statement
        private let insert: Statement
        private let db: Database

        init(_ table: String, keys: [String], counts: [String], db: Database) throws {
            self.db = db
            let columns = keys + keptFieldNames.components(separatedBy: ", ")
            update = try db.makeStatement(
                sql: "UPDATE \(table) SET " + counts.map { "\($0) = \($0) + ?" }.joined(separator: ", ") + " WHERE "
                    + columns.map { "\($0) IS ?" }.joined(separator: " AND "))
            insert = try db.makeStatement(
                sql: "INSERT INTO \(table) (\((columns + counts).joined(separator: ", "))) VALUES ("
                    + Array(repeating: "?", count: columns.count + counts.count).joined(separator: ", ") + ")")
        }

        func add(_ key: [(any DatabaseValueConvertible)?], fields: [String?], counts: [Int]) throws {
            let row = StatementArguments(key) + StatementArguments(fields)
            try update.execute(arguments: StatementArguments(counts) + row)
            if db.changesCount == 0 { try insert.execute(arguments: row + StatementArguments(counts)) }
        }
    }

    /// Where a cross-tab counts respondents from, read as `r` with the respondent's field columns: the kept counts
    /// when current (each row counting `n`), else the respondents.
    struct RespondentSource {
        /// `respondentCount r` or `respondent r`.
        let table: SQL
        /// `SUM(r.n)` or `COUNT(*)`.
        let count: SQL
        /// Whether the kept counts are read.
        let kept: Bool
    }

    static func respondentSource(_ db: Database, keptCounts: Bool = true) throws -> RespondentSource {
        if keptCounts, try keptCountsAreCurrent(db) {
            return RespondentSource(table: "respondentCount r", count: "SUM(r.n)", kept: true)
        }
        return RespondentSource(table: "respondent r", count: "COUNT(*)", kept: false)
    }
}
