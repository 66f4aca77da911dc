import Foundation
import GRDB

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

    /// The units of a cross-tab and each dimension's values, in display order.
    public func crossData(_ request: CrossRequest) throws -> CrossData {
        let dimensions = [request.rows, request.cols] + Array(request.filters.keys)
        if dimensions.contains(.theme) && request.codebook == nil { throw StoreError.codebookNotFound(nil) }
        if request.unit != .respondents && request.rows != .theme && request.cols != .theme {
            throw StoreError.crossTab("--count \(request.unit.rawValue) needs theme as the rows or the columns")
        }
        let registry = try districtRegistry().index()
        return try read { db in
            var questions: [String: ClosedQuestion] = [:]
            for case .question(let id) in dimensions { questions[id] = try closedQuestion(id, bins: request.bins, db: db) }
            let surveys = Set(questions.values.map(\.survey))
            if surveys.count > 1 {
                throw StoreError.crossTab("the questions come from different surveys: \(surveys.sorted().joined(separator: ", "))")
            }

            // Respondents and their fields.
            var respondentSQL = "SELECT id, surveyId, kind, district, serviceTown, wave, interviewer FROM respondent"
            var arguments: StatementArguments = []
            if let survey = surveys.first {
                respondentSQL += " WHERE surveyId = ?"
                arguments += [survey]
            }
            var fields: [Int64: [CrossDimension: String]] = [:]
            for row in try Row.fetchAll(db, sql: respondentSQL, arguments: arguments) {
                let kind: String = row["kind"]
                fields[row["id"]] = [
                    .survey: row["surveyId"], .kind: kind, .sector: CrossDimension.sector(ofKind: kind),
                    .district: row["district"] ?? CrossRequest.unknown, .serviceTown: row["serviceTown"] ?? CrossRequest.unknown,
                    .wave: row["wave"] ?? CrossRequest.unknown, .interviewer: row["interviewer"] ?? CrossRequest.unknown,
                ]
            }

            // Closed answers, per respondent.
            var closed: [String: [Int64: [String]]] = [:]
            for (id, question) in questions {
                var values: [Int64: [String]] = [:]
                for row in try Row.fetchAll(
                    db, sql: "SELECT respondentId, valueText, valueNumber FROM answer WHERE questionKey = ?", arguments: [question.key])
                {
                    values[row["respondentId"]] = Self.values(of: row, question: question)
                }
                closed[id] = values
            }

            // Themes, per answer, rolled up to their ancestors.
            var answerThemes: [Int64: (respondent: Int64, themes: [String: Int])] = [:]
            if let stored = request.codebook, dimensions.contains(.theme) {
                let ancestors = Self.ancestors(stored.codebook)
                // Mentions: the passages the auto tags matched (a manual tag is one mention).
                let spans =
                    request.unit == .mentions
                    ? """
                    (SELECT COALESCE(SUM(json_array_length(t.spans)), 0) FROM tag t WHERE t.answerId = e.answerId
                        AND t.codebookId = e.codebookId AND t.themeId = e.themeId AND t.coder = 'auto' AND t.revision = ?)
                    """ : "?"
                var sql = """
                    SELECT e.answerId, a.respondentId, e.themeId, \(spans) AS spans
                    FROM effectiveTag e JOIN answer a ON a.id = e.answerId JOIN question q ON q.key = a.questionKey
                    WHERE e.codebookId = ?
                    """
                var themeArguments: StatementArguments = [request.unit == .mentions ? stored.revision : 1, stored.codebook.id]
                if let question = request.themeQuestion {
                    sql += " AND q.id = ?"
                    themeArguments += [question]
                }
                for row in try Row.fetchAll(db, sql: sql, arguments: themeArguments) {
                    let answer: Int64 = row["answerId"]
                    let weight = request.unit == .mentions ? max(1, row["spans"] as Int) : 1
                    var entry = answerThemes[answer] ?? (row["respondentId"], [:])
                    for theme in [row["themeId"] as String] + (ancestors[row["themeId"]] ?? []) {
                        entry.themes[theme] = request.unit == .mentions ? (entry.themes[theme] ?? 0) + weight : 1
                    }
                    answerThemes[answer] = entry
                }
            }

            // The units: respondents, or the free-text answers.
            var unitKeys: [(respondent: Int64, themes: [String: Int])] = []
            if request.unit == .respondents {
                var byRespondent: [Int64: [String: Int]] = [:]
                for (_, entry) in answerThemes {
                    for theme in entry.themes.keys { byRespondent[entry.respondent, default: [:]][theme] = 1 }
                }
                unitKeys = fields.keys.sorted().map { ($0, byRespondent[$0] ?? [:]) }
            } else {
                var sql = "SELECT a.id, a.respondentId FROM answer a JOIN question q ON q.key = a.questionKey WHERE a.isFreeText"
                var answerArguments: StatementArguments = []
                if let question = request.themeQuestion {
                    sql += " AND q.id = ?"
                    answerArguments += [question]
                }
                for row in try Row.fetchAll(db, sql: sql + " ORDER BY a.id", arguments: answerArguments) {
                    let respondent: Int64 = row["respondentId"]
                    guard fields[respondent] != nil else { continue }
                    unitKeys.append((respondent, answerThemes[row["id"]]?.themes ?? [:]))
                }
            }

            func values(_ dimension: CrossDimension, respondent: Int64, themes: [String: Int]) -> [String: Int]? {
                switch dimension {
                case .theme: return themes
                case .question(let id):
                    guard let answer = closed[id]?[respondent], !answer.isEmpty else {
                        return request.dropMissing ? nil : [CrossRequest.noAnswer: 1]
                    }
                    return Dictionary(answer.map { ($0, 1) }, uniquingKeysWith: { a, _ in a })
                default:
                    return fields[respondent]?[dimension].map { [$0: 1] }
                }
            }
            let filters = request.filters.mapValues { allowed in
                Set(allowed.map { registry.resolve($0)?.district ?? MatchKey.make($0) }.map(MatchKey.make))
            }
            var units: [(rows: [String: Int], cols: [String: Int])] = []
            units.reserveCapacity(unitKeys.count)
            unitLoop: for (respondent, themes) in unitKeys {
                for (dimension, allowed) in filters {
                    guard let present = values(dimension, respondent: respondent, themes: themes),
                        present.keys.contains(where: { allowed.contains(MatchKey.make($0)) })
                    else { continue unitLoop }
                }
                guard let rows = values(request.rows, respondent: respondent, themes: themes),
                    let cols = values(request.cols, respondent: respondent, themes: themes)
                else { continue }
                units.append((rows, cols))
            }

            func order(_ dimension: CrossDimension, seen: [String: Int]) throws -> [String] {
                let present = Set(units.flatMap { (dimension == request.rows ? $0.rows : $0.cols).keys })
                var ordered: [String]
                switch dimension {
                case .theme: ordered = Self.treeOrder(request.codebook!.codebook)
                case .district: ordered = try String.fetchAll(db, sql: "SELECT name FROM district ORDER BY position")
                case .kind: ordered = RespondentKind.builtIn
                case .sector: ordered = ["ideell", "privat", "offentlig", "(övrigt)"].filter(present.contains)
                case .question(let id): ordered = questions[id]!.values
                default: ordered = []
                }
                let extra = present.subtracting(ordered).subtracting([CrossRequest.unknown, CrossRequest.noAnswer]).sorted()
                if dimension == .kind { ordered = ordered.filter(present.contains) }
                ordered += extra
                for tail in [CrossRequest.unknown, CrossRequest.noAnswer] where present.contains(tail) { ordered.append(tail) }
                return ordered
            }
            let multiRows = Self.isMultiResponse(request.rows, questions)
            let multiCols = Self.isMultiResponse(request.cols, questions)
            return CrossData(
                units: units, rowValues: try order(request.rows, seen: [:]), colValues: try order(request.cols, seen: [:]),
                multiResponseRows: multiRows, multiResponseCols: multiCols)
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
        let parts = reference.split(separator: "/", maxSplits: 1).map(String.init)
        let rows: [Row]
        if parts.count == 2 {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM question WHERE surveyId = ? AND id = ?", arguments: [parts[0], parts[1]])
        } else {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM question WHERE id = ?", arguments: [reference])
        }
        guard let row = rows.first else {
            throw StoreError.crossTab(
                "\"\(reference)\" is neither a dimension (theme, district, service-town, kind, sector, survey, wave, interviewer) nor a question id"
            )
        }
        if rows.count > 1 {
            throw StoreError.crossTab(
                "several surveys have a question \"\(reference)\"; write survey/question: "
                    + rows.map { "\($0["surveyId"] as String)/\(reference)" }.joined(separator: ", "))
        }
        guard let type = QuestionType(rawValue: row["type"]) else { throw StoreError.crossTab("unknown question type") }
        var values: [String] = []
        switch type {
        case .choice, .multi:
            let json: String = row["options"] ?? "[]"
            values = (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
        case .boolean: values = ["ja", "nej"]
        case .scale:
            if let low: Int = row["scaleMin"], let high: Int = row["scaleMax"], low <= high { values = (low...high).map(String.init) }
        case .integer, .decimal:
            guard let bins, !bins.isEmpty else {
                throw StoreError.crossTab("\"\(reference)\" is a \(type.rawValue) question: give --bins, e.g. --bins 0,10,50,250")
            }
            values = Self.binLabels(bins)
        case .text, .date:
            throw StoreError.crossTab(
                "\"\(reference)\" is a \(type.rawValue) question; cross-tabs take choice, multi, scale, boolean, and integer or decimal with --bins"
            )
        }
        return ClosedQuestion(survey: row["surveyId"], key: row["key"], type: type, values: values, bins: bins?.sorted())
    }

    /// `[0, 10, 50]` → `<0`, `0–10`, `10–50`, `50+`; each bin holds its lower edge.
    static func binLabels(_ bins: [Double]) -> [String] {
        let edges = bins.sorted()
        func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
        var labels = ["<" + number(edges[0])]
        for (low, high) in zip(edges, edges.dropFirst()) { labels.append(number(low) + "–" + number(high)) }
        labels.append(number(edges.last!) + "+")
        return labels
    }

    static func values(of row: Row, question: ClosedQuestion) -> [String] {
        switch question.type {
        case .multi:
            let json: String = row["valueText"] ?? "[]"
            return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
        case .choice, .boolean:
            return (row["valueText"] as String?).map { [$0] } ?? []
        case .scale:
            return (row["valueNumber"] as Double?).map { [String(Int($0))] } ?? []
        case .integer, .decimal:
            guard let value = row["valueNumber"] as Double?, let edges = question.bins else { return [] }
            let labels = binLabels(edges)
            let index = edges.lastIndex { value >= $0 }.map { $0 + 1 } ?? 0
            return [labels[index]]
        case .text, .date:
            return []
        }
    }

    /// Each theme's ancestors, nearest first.
    static func ancestors(_ codebook: Codebook) -> [String: [String]] {
        var parents: [String: String] = [:]
        for theme in codebook.themes { parents[theme.id] = theme.parent }
        var result: [String: [String]] = [:]
        for theme in codebook.themes {
            var chain: [String] = []
            var current = theme.parent
            while let parent = current, !chain.contains(parent) {
                chain.append(parent)
                current = parents[parent]
            }
            result[theme.id] = chain
        }
        return result
    }

    /// Themes in tree order: each parent followed by its children.
    static func treeOrder(_ codebook: Codebook) -> [String] {
        var ordered: [String] = []
        func visit(_ parent: String?) {
            for theme in codebook.themes where theme.parent == parent {
                ordered.append(theme.id)
                visit(theme.id)
            }
        }
        visit(nil)
        return ordered + codebook.themes.map(\.id).filter { !ordered.contains($0) }
    }
}
