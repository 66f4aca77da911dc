import Foundation
import GRDB
import KartlaggningModel

// MARK: - Cross-tabs counted in SQL

extension KartlaggningStore {
    /// A respondent's district, or the unknown marker, over `respondent r`.
    static let districtSQL: SQL = "COALESCE(r.district, \(CrossSpec.unknown))"

    /// The respondent fields cross-tabs can count by, as SQL over `respondent r`.
    static func attributeSQL(_ dimension: CrossDimension) -> SQL? {
        let unknown: SQL = "\(CrossSpec.unknown)"
        switch dimension {
        case .district: return districtSQL
        case .serviceTown: return "COALESCE(r.serviceTown, \(unknown))"
        case .kind: return "r.kind"
        case .sector: return "kartlagg_sector(r.kind)"
        case .survey: return "r.surveyId"
        case .wave: return "COALESCE(r.wave, \(unknown))"
        case .interviewer: return "COALESCE(r.interviewer, \(unknown))"
        case .theme, .question: return nil
        }
    }

    /// What the store knows of a cross-tab: counted by SQLite where the dimensions allow (respondent fields,
    /// respondents' themes, closed questions by a respondent field), else its units (`crossData`); with the values the
    /// store declares for each dimension. `CrossEngine` (KartlaggningAnalysis) makes the counts from it.
    public func crossFacts(_ spec: CrossSpec) throws -> CrossFacts {
        let content: CrossFacts.Content
        if let counted = try pushedDownCounts(spec) { content = .counts(counted) } else { content = .units(try crossData(spec)) }
        return try read { db in
            CrossFacts(
                content, rowDeclared: try declaredValues(spec.rows, bins: spec.bins, db: db),
                colDeclared: try declaredValues(spec.cols, bins: spec.bins, db: db))
        }
    }

    /// The values the store declares for a dimension: the registry's districts in its order, a question's options,
    /// scale or bins; none for the others.
    func declaredValues(_ dimension: CrossDimension, bins: [Double]?, db: Database) throws -> [String] {
        switch dimension {
        case .district: try String.fetchAll(db, sql: "SELECT name FROM district ORDER BY position")
        case .question(let id): try closedQuestion(id, bins: bins, db: db).values
        default: []
        }
    }

    /// Theme × a respondent field, respondents counted, filtered by respondent fields only: counted by SQLite over
    /// `respondentTheme`, without loading respondents. Nil for any other table, whose units `crossData` reads.
    /// - Parameter keptCounts: false counts from the rows even where the kept counts are current (tests compare both).
    func pushedDownCounts(_ spec: CrossSpec, keptCounts: Bool = true) throws -> CrossCounts? {
        guard spec.unit == .respondents, spec.filters.keys.allSatisfy({ Self.attributeSQL($0) != nil }) else { return nil }
        if let counted = try attributeCounts(spec, keptCounts: keptCounts) { return counted }
        if let counted = try questionCounts(spec, keptCounts: keptCounts) { return counted }
        guard spec.themeQuestion == nil, let stored = spec.codebook else { return nil }
        let themeRows: Bool
        let attribute: CrossDimension
        switch (spec.rows, spec.cols) {
        case (.theme, let other) where Self.attributeSQL(other) != nil: (themeRows, attribute) = (true, other)
        case (let other, .theme) where Self.attributeSQL(other) != nil: (themeRows, attribute) = (false, other)
        default: return nil
        }
        try ensureRespondentThemes(stored)
        return try readFiltered(spec.filters, keptCounts: keptCounts) { db, filter in
            guard let expression = Self.attributeSQL(attribute) else {
                throw StoreError.notARespondentField(attribute.description, filtering: false)
            }
            let source = try Self.respondentSource(db, keptCounts: keptCounts)
            let bases = try Self.bases(expression, filter: filter, source: source, db: db)
            let query: SQL =
                try source.kept && Self.respondentThemesAreCurrent(stored, db: db)
                ? """
                SELECT r.themeId, \(expression), SUM(r.n) FROM respondentThemeCount r
                WHERE r.codebookId = \(stored.codebook.id)\(filter) GROUP BY 1, 2
                """
                : """
                SELECT rt.themeId, \(expression), COUNT(*) FROM respondentTheme rt JOIN respondent r ON r.id = rt.respondentId
                WHERE rt.codebookId = \(stored.codebook.id)\(filter) GROUP BY 1, 2
                """
            var cells: [String: [String: Int]] = [:]
            for row in try Row.fetchAll(db, SQLRequest<Row>(literal: query)) {
                cells[row[0], default: [:]][row[1]] = row[2]
            }
            return Self.oriented(
                cells: cells, values: cells.keys.sorted(), by: bases.keys.sorted(), bases: bases, valuesAreRows: themeRows,
                valuesAreMultiResponse: true)
        }
    }

    /// Reads with `filters` turned into SQL over `respondent r`: `body` gets the database and the condition
    /// (` AND …` with its arguments, empty without filters).
    func readFiltered<T>(
        _ filters: [CrossDimension: [String]], keptCounts: Bool = true, _ body: (Database, SQL) throws -> T
    ) throws -> T {
        let registry = try districtRegistry().index()
        return try read { db in try body(db, try Self.filterSQL(filters, registry: registry, keptCounts: keptCounts, db: db)) }
    }

    /// `--where` on respondent fields as SQL over `respondent r`: the stored values that match what was asked,
    /// compared as the row-by-row path compares them (case, diacritics and district aliases folded).
    static func filterSQL(
        _ filters: [CrossDimension: [String]], registry: DistrictIndex, keptCounts: Bool = true, db: Database
    ) throws -> SQL {
        var condition: SQL = ""
        let source = filters.isEmpty ? nil : try respondentSource(db, keptCounts: keptCounts)
        for (dimension, asked) in filters.sorted(by: { $0.key.description < $1.key.description }) {
            guard let expression = attributeSQL(dimension) else {
                throw StoreError.notARespondentField(dimension.description, filtering: true)
            }
            let wanted = FilterValues(asked, registry: registry)
            let table: SQL = source?.table ?? SQL(sql: "respondent r")
            let stored = try String.fetchAll(db, SQLRequest<String>(literal: "SELECT DISTINCT \(expression) FROM \(table)"))
            let matching = stored.filter(wanted.contains)
            condition += matching.isEmpty ? " AND 0" : " AND \(expression) IN \(matching)"
        }
        return condition
    }

    /// Respondents per value of a respondent field, filtered.
    static func bases(_ expression: SQL, filter: SQL, source: RespondentSource, db: Database) throws -> [String: Int] {
        var bases: [String: Int] = [:]
        for row in try Row.fetchAll(
            db, SQLRequest<Row>(literal: "SELECT \(expression), \(source.count) FROM \(source.table) WHERE 1\(filter) GROUP BY 1"))
        {
            bases[row[0]] = row[1]
        }
        return bases
    }

    /// A respondent field × another (kind × district, sector × wave …), counted in SQL.
    func attributeCounts(_ spec: CrossSpec, keptCounts: Bool = true) throws -> CrossCounts? {
        guard let rowSQL = Self.attributeSQL(spec.rows), let colSQL = Self.attributeSQL(spec.cols) else { return nil }
        return try readFiltered(spec.filters, keptCounts: keptCounts) { db, filter in
            let source = try Self.respondentSource(db, keptCounts: keptCounts)
            var cells: [String: [String: Int]] = [:]
            var rowBase: [String: Int] = [:]
            var colBase: [String: Int] = [:]
            for row in try Row.fetchAll(
                db,
                SQLRequest<Row>(
                    literal: "SELECT \(rowSQL), \(colSQL), \(source.count) FROM \(source.table) WHERE 1\(filter) GROUP BY 1, 2")
            ) {
                let (value, other, n): (String, String, Int) = (row[0], row[1], row[2])
                cells[value, default: [:]][other] = n
                rowBase[value, default: 0] += n
                colBase[other, default: 0] += n
            }
            let rowValues = rowBase.keys.sorted()
            let colValues = colBase.keys.sorted()
            return CrossCounts(
                counts: rowValues.map { value in colValues.map { cells[value]?[$0] ?? 0 } }, rowBase: rowValues.map { rowBase[$0] ?? 0 },
                colBase: colValues.map { colBase[$0] ?? 0 }, grand: rowBase.values.reduce(0, +), rowValues: rowValues,
                colValues: colValues, multiResponseRows: false, multiResponseCols: false)
        }
    }

    /// A number question's answers (integer, decimal or scale) per value of a respondent field, filtered as
    /// crosstab filters: each number with how many gave it — what a mean and a median are worked out from, where a
    /// cross-tab would need bins.
    /// - Parameter keptCounts: false counts from the rows even where the kept counts are current (tests compare both).
    public func numberCounts(
        _ reference: String, by dimension: CrossDimension, filters: [CrossDimension: [String]], keptCounts: Bool = true
    ) throws -> [String: [Double: Int]] {
        guard let expression = Self.attributeSQL(dimension) else {
            throw StoreError.notARespondentField(dimension.description, filtering: false)
        }
        return try readFiltered(filters, keptCounts: keptCounts) { db, filter in
            let question = try questionRecord(reference, db: db)
            guard [.integer, .decimal, .scale].contains(question.type) else {
                throw StoreError.notANumber(question: reference, type: question.type.rawValue)
            }
            var counts: [String: [Double: Int]] = [:]
            let kept = try keptCounts && Self.keptCountsAreCurrent(db)
            let query: SQL =
                kept
                ? """
                SELECT \(expression), r.number, SUM(r.n) FROM closedAnswerCount r
                WHERE r.questionKey = \(question.key) AND r.number IS NOT NULL AND r.surveyId = \(question.surveyId)\(filter)
                GROUP BY 1, 2
                """
                : """
                SELECT \(expression), a.valueNumber, COUNT(*) FROM answer a JOIN respondent r ON r.id = a.respondentId
                WHERE a.questionKey = \(question.key) AND a.valueNumber IS NOT NULL AND r.surveyId = \(question.surveyId)\(filter)
                GROUP BY 1, 2
                """
            for row in try Row.fetchAll(db, SQLRequest<Row>(literal: query)) {
                let place: String = row[0]
                let number: Double = row[1]
                counts[place, default: [:]][number] = row[2]
            }
            return counts
        }
    }

    /// A closed question (choice, boolean, scale, multi) × a respondent field, counted in SQL.
    func questionCounts(_ spec: CrossSpec, keptCounts: Bool = true) throws -> CrossCounts? {
        let questionRows: Bool
        let id: String
        let attribute: CrossDimension
        switch (spec.rows, spec.cols) {
        case (.question(let q), let other) where Self.attributeSQL(other) != nil: (questionRows, id, attribute) = (true, q, other)
        case (let other, .question(let q)) where Self.attributeSQL(other) != nil: (questionRows, id, attribute) = (false, q, other)
        default: return nil
        }
        return try readFiltered(spec.filters, keptCounts: keptCounts) { db, filter in
            let question = try closedQuestion(id, bins: spec.bins, db: db)
            guard [.choice, .boolean, .scale, .multi].contains(question.type) else { return nil }
            let filter: SQL = " AND r.surveyId = \(question.survey)" + filter
            guard let expression = Self.attributeSQL(attribute) else {
                throw StoreError.notARespondentField(attribute.description, filtering: false)
            }
            let source = try Self.respondentSource(db, keptCounts: keptCounts)
            var bases = try Self.bases(expression, filter: filter, source: source, db: db)
            // The question's answers by category and place: from the kept counts, or each answer with its respondent.
            let answers: SQL =
                source.kept
                ? "closedAnswerCount r WHERE r.questionKey = \(question.key)"
                : "answer a JOIN respondent r ON r.id = a.respondentId WHERE a.questionKey = \(question.key)"
            let counted: SQL = source.count
            let stored: SQL = source.kept ? "r.value" : "a.valueText"
            var cells: [String: [String: Int]] = [:]
            var answered: [String: Int] = [:]
            if question.type == .multi {
                // Answers are JSON arrays of options, and few distinct: count each array per place in SQL, then
                // credit each option in it once (a respondent answers a question once). Answered means any option.
                var decoded: [String: [String]] = [:]
                for row in try Row.fetchAll(
                    db,
                    SQLRequest<Row>(
                        literal: """
                            SELECT \(stored), \(expression), \(counted) FROM \(answers) AND \(stored) IS NOT NULL\(filter) GROUP BY 1, 2
                            """))
                {
                    let json: String = row[0]
                    let place: String = row[1]
                    let n: Int = row[2]
                    if decoded[json] == nil { decoded[json] = ClosedAnswerValues.options(multiJSON: json) }
                    guard let options = decoded[json], !options.isEmpty else { continue }
                    for option in options { cells[option, default: [:]][place, default: 0] += n }
                    answered[place, default: 0] += n
                }
            } else {
                let value: SQL = source.kept ? "r.value" : question.type == .scale ? ClosedAnswerValues.scaleSQL : "a.valueText"
                for row in try Row.fetchAll(
                    db, SQLRequest<Row>(literal: "SELECT \(value), \(expression), \(counted) FROM \(answers)\(filter) GROUP BY 1, 2"))
                {
                    guard let text = row[0] as String? else { continue }
                    let place: String = row[1]
                    cells[text, default: [:]][place] = row[2]
                    answered[place, default: 0] += row[2] as Int
                }
            }
            for (place, base) in bases {
                let missing = base - (answered[place] ?? 0)
                guard missing > 0 else { continue }
                if let category = ClosedAnswerValues.unanswered(dropMissing: spec.dropMissing) {
                    cells[category, default: [:]][place] = missing
                } else {
                    bases[place] = base - missing
                }
            }
            return Self.oriented(
                cells: cells, values: cells.keys.sorted(), by: bases.keys.sorted(), bases: bases, valuesAreRows: questionRows,
                valuesAreMultiResponse: question.type == .multi)
        }
    }

    /// Counts of `values` (themes, answers) by the values of a respondent field, as rows or as columns.
    static func oriented(
        cells: [String: [String: Int]], values: [String], by fieldValues: [String], bases: [String: Int], valuesAreRows: Bool,
        valuesAreMultiResponse: Bool
    ) -> CrossCounts {
        let counts = values.map { value in fieldValues.map { cells[value]?[$0] ?? 0 } }
        let valueBase = counts.map { $0.reduce(0, +) }
        let fieldBase = fieldValues.map { bases[$0] ?? 0 }
        let grand = fieldBase.reduce(0, +)
        if valuesAreRows {
            return CrossCounts(
                counts: counts, rowBase: valueBase, colBase: fieldBase, grand: grand, rowValues: values, colValues: fieldValues,
                multiResponseRows: valuesAreMultiResponse, multiResponseCols: false)
        }
        return CrossCounts(
            counts: fieldValues.indices.map { f in values.indices.map { counts[$0][f] } }, rowBase: fieldBase, colBase: valueBase,
            grand: grand, rowValues: fieldValues, colValues: values, multiResponseRows: false, multiResponseCols: valuesAreMultiResponse)
    }
}
