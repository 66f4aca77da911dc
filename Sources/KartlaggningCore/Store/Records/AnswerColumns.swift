import GRDB
import KartlaggningModel

/// An answer as queries read it, joined to its question's id: `SELECT a.id, q.id AS questionId, a.raw, a.valueText,
/// a.valueNumber, a.isFreeText …`. A free text's value is its trimmed raw text (what the import stored it from).
struct AnswerColumns: Decodable, FetchableRecord {
    var id: Int64?
    var questionId: String
    var raw: String
    var valueText: String?
    var valueNumber: Double?
    var isFreeText: Bool

    var draft: AnswerDraft {
        AnswerDraft(
            questionId: questionId, raw: raw, valueText: isFreeText ? raw.trimmedCell : valueText, valueNumber: valueNumber,
            isFreeText: isFreeText)
    }

    var stored: StoredAnswer {
        StoredAnswer(raw: raw, valueText: isFreeText ? raw.trimmedCell : valueText, valueNumber: valueNumber)
    }
}
