import Foundation
import GRDB
import KartlaggningModel

/// A row of the `question` table: one question of a stored survey (written by `addSurvey`).
struct QuestionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "question"

    enum Columns {
        static let key = Column(CodingKeys.key)
        static let surveyId = Column(CodingKeys.surveyId)
        static let id = Column(CodingKeys.id)
        static let position = Column(CodingKeys.position)
        static let type = Column(CodingKeys.type)
        static let technical = Column(CodingKeys.technical)
        static let identifying = Column(CodingKeys.identifying)
    }

    /// The row's key: nil until it is stored (SQLite assigns it); answers refer to it.
    var key: Int64?
    var surveyId: String
    var id: String
    var position: Int
    var sourceColumn: String
    var text: String
    var type: QuestionType
    /// The options of a choice or multi question, as a JSON array.
    var options: String?
    var scaleMin: Int?
    var scaleMax: Int?
    var identifying: Bool
    /// About the response, not an answer (a form tool's id, timing or IP address): in no report or cross-tab.
    var technical: Bool

    /// The options in the definition's order (none for other types, or when the stored list cannot be read).
    var optionList: [String] {
        guard let options, let list = try? JSONDecoder().decode([String].self, from: Data(options.utf8)) else { return [] }
        return list
    }

    /// The scale's range, where the question has one.
    var scale: ScaleRange? {
        guard let scaleMin, let scaleMax else { return nil }
        return ScaleRange(min: scaleMin, max: scaleMax)
    }
}
