import Foundation
import GRDB
import KartlaggningModel

// MARK: - Surveys

extension KartlaggningStore {
    /// Adds a survey definition, or replaces the stored one with the same id.
    ///
    /// A replacement may add questions and change texts, but may not drop or retype a question that
    /// already has answers: that would orphan or misread stored work.
    /// - Throws: `StoreError.surveyConflict` when the replacement would do that.
    @discardableResult
    public func addSurvey(_ survey: SurveyDefinition) throws -> SurveyAddOutcome {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(survey), as: UTF8.self)
        return try write { db in
            if let stored = try String.fetchOne(db, sql: "SELECT definition FROM survey WHERE id = ?", arguments: [survey.id]) {
                if stored == json { return .unchanged }
                let answered = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT q.id, q.type FROM question q
                        WHERE q.surveyId = ? AND EXISTS (SELECT 1 FROM answer a WHERE a.questionKey = q.key)
                        """, arguments: [survey.id])
                for row in answered {
                    let (id, type): (String, String) = (row[0], row[1])
                    guard let question = survey.questions.first(where: { $0.id == id }) else {
                        throw StoreError.surveyConflict(survey: survey.id, reason: "question \"\(id)\" has answers and cannot be removed")
                    }
                    if question.type.rawValue != type {
                        throw StoreError.surveyConflict(
                            survey: survey.id,
                            reason: "question \"\(id)\" has answers of type \(type) and cannot become \(question.type.rawValue)")
                    }
                }
                try db.execute(
                    literal: """
                        UPDATE survey SET title = \(survey.title), wave = \(survey.wave), defaultKind = \(survey.kind),
                            definition = \(json) WHERE id = \(survey.id)
                        """)
                try db.execute(
                    literal: """
                        DELETE FROM question WHERE surveyId = \(survey.id)
                            AND NOT EXISTS (SELECT 1 FROM answer a WHERE a.questionKey = question.key)
                        """)
                try insertQuestions(survey, db: db)
                return .replaced
            }
            try SurveyRecord(
                id: survey.id, title: survey.title, wave: survey.wave, defaultKind: survey.kind, definition: json,
                addedAt: Self.timestamp()
            ).insert(db)
            try insertQuestions(survey, db: db)
            return .added
        }
    }

    private func insertQuestions(_ survey: SurveyDefinition, db: Database) throws {
        for (position, question) in survey.questions.enumerated() {
            let options = question.options.map(JSONText.array)
            // An upsert keeps a stored question's key, which its answers refer to.
            try QuestionRecord(
                key: nil, surveyId: survey.id, id: question.id, position: position, sourceColumn: question.column,
                text: question.text ?? question.column, type: question.type, options: options, scaleMin: question.scale?.min,
                scaleMax: question.scale?.max, identifying: survey.isIdentifying(question.column),
                technical: survey.isTechnical(question.column)
            ).upsert(db)
        }
    }

    /// The stored definition of survey `id`.
    /// - Throws: `StoreError.surveyNotFound` when there is none.
    public func survey(id: String) throws -> SurveyDefinition {
        let json = try read { db in
            try String.fetchOne(db, sql: "SELECT definition FROM survey WHERE id = ?", arguments: [id])
        }
        guard let json else { throw StoreError.surveyNotFound(id) }
        do {
            return try JSONDecoder().decode(SurveyDefinition.self, from: Data(json.utf8))
        } catch {
            throw StoreError.storedDefinitionUnreadable(what: "survey", id: id, reason: "\(error)")
        }
    }

    /// Every survey with its question, respondent and answer counts, by id.
    public func surveys() throws -> [SurveySummary] {
        try read { db in
            // Respondents and answers from the kept counts when they are current, else from the rows.
            let counted: SQL =
                try Self.keptCountsAreCurrent(db)
                ? """
                (SELECT COALESCE(SUM(k.n), 0) FROM respondentCount k WHERE k.surveyId = s.id) AS respondents,
                (SELECT COALESCE(SUM(k.answers), 0) FROM respondentCount k WHERE k.surveyId = s.id) AS answers
                """
                : """
                (SELECT COUNT(*) FROM respondent r WHERE r.surveyId = s.id) AS respondents,
                (SELECT COUNT(*) FROM answer a JOIN respondent r ON r.id = a.respondentId WHERE r.surveyId = s.id) AS answers
                """
            return try SurveySummary.fetchAll(
                db,
                SQLRequest<SurveySummary>(
                    literal: """
                        SELECT s.id, s.title, s.wave, s.defaultKind AS kind,
                            (SELECT COUNT(*) FROM question q WHERE q.surveyId = s.id) AS questions, \(counted)
                        FROM survey s ORDER BY s.id
                        """))
        }
    }

    static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
