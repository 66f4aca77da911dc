import Foundation
import GRDB
import KartlaggningModel

/// A respondent's stored fields, as `importChange` keeps them (JSON) to restore on undo.
struct RespondentState: Codable, Equatable, FetchableRecord {
    var kind: String
    var district: String?
    var serviceTown: String?
    var organisation: String?
    var interviewer: String?
    var date: String?
    var wave: String?
    var batchId: Int64
    var sourceLine: Int
    var sourceRecord: Int
    var rawFields: String

    /// The fields people see, by their names in a survey definition, for a change list.
    private var shownFields: [(RespondentField, String?)] {
        [
            (.kind, kind), (.district, district), (.serviceTown, serviceTown), (.organisation, organisation),
            (.interviewer, interviewer), (.date, date), (.wave, wave),
        ]
    }

    /// The fields that differ in `after`, as a change list shows them: an organisation's or interviewer's name never.
    func changes(to after: RespondentState, respondent: String) -> [ImportChange] {
        zip(shownFields, after.shownFields).compactMap { old, new in
            guard old.1 != new.1 else { return nil }
            let change = ImportChange(respondent: respondent, field: old.0.rawValue, isQuestion: false, before: old.1, after: new.1)
            return old.0 == .organisation || old.0 == .interviewer ? change.withValuesHidden : change
        }
    }
}

/// An answer's stored value, as `importChange` keeps it (JSON) to restore on undo.
struct AnswerState: Codable, Equatable {
    var raw: String
    var valueText: String?
    var valueNumber: Double?
    var isFreeText: Bool

    init(_ draft: AnswerDraft) {
        raw = draft.raw
        valueText = draft.isFreeText ? nil : draft.valueText
        valueNumber = draft.valueNumber
        isFreeText = draft.isFreeText
    }
}

/// JSON for the `before` and `after` columns of `importChange`: compact and with sorted keys, so equal states are
/// equal text.
enum ChangeJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
