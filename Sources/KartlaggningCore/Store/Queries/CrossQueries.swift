import Foundation
import GRDB
import KartlaggningModel

// MARK: - Cross-tabs

extension KartlaggningStore {
    /// A closed question a dimension names: its survey, key, type and the values it can take, in order.
    struct ClosedQuestion {
        var survey: String
        var key: Int64
        var type: QuestionType
        var values: [String]
        var bins: [Double]?
    }

    /// The units of a cross-tab (for tables SQLite cannot count): each unit's themes as tagged (`CrossEngine` rolls
    /// them up the tree), closed answers as values.
    func crossData(_ request: CrossSpec) throws -> CrossData {
        let dimensions = [request.rows, request.cols] + Array(request.filters.keys)
        if dimensions.contains(.theme) && request.codebook == nil { throw StoreError.codebookNotFound(nil) }
        if request.unit != .respondents && request.rows != .theme && request.cols != .theme {
            throw StoreError.unitNeedsTheme(unit: request.unit.rawValue)
        }
        let registry = try districtRegistry().index()
        // Respondents' themes come ready from respondentTheme, unless only some questions' answers count.
        let useRespondentThemes = request.unit == .respondents && request.themeQuestion == nil && dimensions.contains(.theme)
        if useRespondentThemes, let stored = request.codebook { try ensureRespondentThemes(stored) }
        return try read { db in
            var questions: [String: ClosedQuestion] = [:]
            for case .question(let id) in dimensions { questions[id] = try closedQuestion(id, bins: request.bins, db: db) }
            let surveys = Set(questions.values.map(\.survey))
            if surveys.count > 1 {
                throw StoreError.questionsFromDifferentSurveys(surveys.sorted())
            }

            // Respondents and the fields the table needs, in `attributes` order.
            let attributes = Array(Set(dimensions.filter { if case .question = $0 { false } else { $0 != .theme } }))
            // The one column map (`attributeSQL`), with the push-down's no-value and sector rules.
            var respondentSQL: SQL = "SELECT r.id"
            for attribute in attributes {
                guard let expression = Self.attributeSQL(attribute) else {
                    throw StoreError.notARespondentField(attribute.description, filtering: false)
                }
                respondentSQL += ", \(expression)"
            }
            respondentSQL += " FROM respondent r"
            if let survey = surveys.first { respondentSQL += " WHERE r.surveyId = \(survey)" }
            var fields: [Int64: [String]] = [:]
            let respondentRows = try Row.fetchCursor(db, SQLRequest<Row>(literal: respondentSQL))
            while let row = try respondentRows.next() {
                var values: [String] = []
                values.reserveCapacity(attributes.count)
                for index in attributes.indices { values.append(row[index + 1] as String? ?? CrossSpec.unknown) }
                fields[row[0]] = values
            }
            let attributeIndex = Dictionary(uniqueKeysWithValues: attributes.enumerated().map { ($1, $0) })

            // Closed answers, per respondent.
            var closed: [String: [Int64: [String]]] = [:]
            for (id, question) in questions {
                var values: [Int64: [String]] = [:]
                for row in try Row.fetchAll(
                    db, sql: "SELECT respondentId, valueText, valueNumber FROM answer WHERE questionKey = ?", arguments: [question.key])
                {
                    values[row[0]] = ClosedAnswerValues.values(text: row[1], number: row[2], question: question)
                }
                closed[id] = values
            }

            // Themes, per answer (or per respondent), rolled up to their ancestors. Read from the tags directly:
            // the effectiveTag view, less the DISTINCT the grouping makes needless.
            var answerThemes: [Int64: (respondent: Int64, themes: [String: Int])] = [:]
            var respondentThemes: [Int64: [String: Int]] = [:]
            if useRespondentThemes, let stored = request.codebook {
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT respondentId, themeId FROM respondentTheme WHERE codebookId = ?", arguments: [stored.codebook.id])
                while let row = try rows.next() { respondentThemes[row[0], default: [:]][row[1]] = 1 }
            } else if let stored = request.codebook, dimensions.contains(.theme) {
                let byRespondent = request.unit == .respondents
                let key: SQL = byRespondent ? "a.respondentId" : "t.answerId"
                let spans: SQL =
                    request.unit == .mentions
                    ? "SUM(CASE WHEN t.coder = \(sql: Coder.autoSQL) THEN json_array_length(t.spans) ELSE 1 END)" : "1"
                var sql: SQL = """
                    SELECT \(key), a.respondentId, t.themeId, \(spans)
                    FROM tag t JOIN answer a ON a.id = t.answerId
                    WHERE t.codebookId = \(stored.codebook.id) AND \(Self.effectiveTag(revision: stored.revision))
                    """
                if let question = request.themeQuestion {
                    sql += " AND a.questionKey IN (SELECT key FROM question WHERE id = \(question))"
                }
                sql += " GROUP BY \(key), t.themeId"
                let rows = try Row.fetchCursor(db, SQLRequest<Row>(literal: sql))
                while let row = try rows.next() {
                    let key: Int64 = row[0]
                    let theme: String = row[2]
                    let weight = request.unit == .mentions ? max(1, row[3] as Int) : 1
                    if byRespondent {
                        respondentThemes[key, default: [:]][theme] = 1
                    } else {
                        answerThemes[key, default: (row[1], [:])].themes[theme] = weight
                    }
                }
            }

            // The units: respondents, or the free-text answers.
            var unitKeys: [(respondent: Int64, themes: [String: Int])] = []
            if request.unit == .respondents {
                unitKeys = fields.keys.sorted().map { ($0, respondentThemes[$0] ?? [:]) }
            } else {
                var sql: SQL = "SELECT a.id, a.respondentId FROM answer a JOIN question q ON q.key = a.questionKey WHERE a.isFreeText"
                if let question = request.themeQuestion { sql += " AND q.id = \(question)" }
                for row in try Row.fetchAll(db, SQLRequest<Row>(literal: sql + " ORDER BY a.id")) {
                    let (answer, respondent): (Int64, Int64) = (row[0], row[1])
                    guard fields[respondent] != nil else { continue }
                    unitKeys.append((respondent, answerThemes[answer]?.themes ?? [:]))
                }
            }

            func values(_ dimension: CrossDimension, respondent: Int64, themes: [String: Int]) -> [String: Int]? {
                switch dimension {
                case .theme: return themes
                case .question(let id):
                    guard let answer = closed[id]?[respondent], !answer.isEmpty else {
                        return ClosedAnswerValues.unanswered(dropMissing: request.dropMissing).map { [$0: 1] }
                    }
                    return Dictionary(answer.map { ($0, 1) }, uniquingKeysWith: { a, _ in a })
                default:
                    guard let index = attributeIndex[dimension], let value = fields[respondent]?[index] else { return nil }
                    return [value: 1]
                }
            }
            // Each unit's values on the filter dimensions go with it; `CrossEngine` applies the filters (a theme
            // filter holds for a unit tagged with the theme or one below it: analysis, not storage).
            let filters = request.filters.sorted { $0.key.description < $1.key.description }
                .map { CrossData.Filter($0.key, wanted: FilterValues($0.value, registry: registry)) }
            var units: [CrossData.Unit] = []
            units.reserveCapacity(unitKeys.count)
            for (respondent, themes) in unitKeys {
                guard let rows = values(request.rows, respondent: respondent, themes: themes),
                    let cols = values(request.cols, respondent: respondent, themes: themes)
                else { continue }
                let filterValues = filters.map { values($0.dimension, respondent: respondent, themes: themes).map { Array($0.keys) } }
                units.append(CrossData.Unit(rows: rows, cols: cols, filterValues: filterValues))
            }

            return CrossData(
                units: units, filters: filters, multiResponseRows: Self.isMultiResponse(request.rows, questions),
                multiResponseCols: Self.isMultiResponse(request.cols, questions))
        }
    }

    static func isMultiResponse(_ dimension: CrossDimension, _ questions: [String: ClosedQuestion]) -> Bool {
        switch dimension {
        case .theme: true
        case .question(let id): questions[id]?.type == .multi
        default: false
        }
    }

    /// A question id, or `survey/question` where several surveys have the id.
    func closedQuestion(_ reference: String, bins: [Double]?, db: Database) throws -> ClosedQuestion {
        let question = try questionRecord(reference, db: db)
        if question.technical {
            throw StoreError.technicalColumn(question: reference)
        }
        let type = question.type
        var values: [String] = []
        switch type {
        case .choice, .multi: values = question.optionList
        case .boolean: values = ["ja", "nej"]
        case .scale:
            if let scale = question.scale, scale.min <= scale.max { values = (scale.min...scale.max).map(String.init) }
        case .integer, .decimal:
            guard let bins, !bins.isEmpty else {
                throw StoreError.binsNeeded(question: reference, type: type.rawValue)
            }
            values = Bins(bins).labels
        case .text, .date:
            throw StoreError.notCrossTabulable(question: reference, type: type.rawValue)
        }
        guard let key = question.key else { throw StoreError.database("question \"\(reference)\" has no stored key") }
        return ClosedQuestion(survey: question.surveyId, key: key, type: type, values: values, bins: bins?.sorted())
    }

    /// The question a reference names: its id, or `survey/question` where several surveys have the id.
    func questionRecord(_ reference: String, db: Database) throws -> QuestionRecord {
        let parts = reference.split(separator: "/", maxSplits: 1).map(String.init)
        let matching: [QuestionRecord]
        if parts.count == 2 {
            matching = try QuestionRecord.filter(QuestionRecord.Columns.surveyId == parts[0] && QuestionRecord.Columns.id == parts[1])
                .fetchAll(db)
        } else {
            matching = try QuestionRecord.filter(QuestionRecord.Columns.id == reference).order(QuestionRecord.Columns.key).fetchAll(db)
        }
        guard let question = matching.first else {
            throw StoreError.unknownDimension(reference)
        }
        if matching.count > 1 {
            throw StoreError.ambiguousQuestion(reference, surveys: matching.map(\.surveyId))
        }
        return question
    }

    /// A closed answer's values as a cross-tab counts them: a multi answer's options, a choice or yes/no, a scale
    /// point, a number's bin.

}
