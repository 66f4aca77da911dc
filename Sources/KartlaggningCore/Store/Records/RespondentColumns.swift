import Foundation
import GRDB
import KartlaggningModel

/// A respondent's fields as queries read them from `respondent` (the columns by their own names, `id` as `rid`
/// where answers are joined).
struct RespondentColumns: Decodable, FetchableRecord {
    /// The row id, where the query selects it.
    var id: Int64?
    var externalId: String
    var kind: String
    var district: String?
    var serviceTown: String?
    var organisation: String?
    var interviewer: String?
    var date: String?
    var wave: String?
    /// The source row's cells as JSON.
    var rawFields: String

    var fields: RespondentFields {
        RespondentFields(
            externalId: externalId, kind: kind, district: district, serviceTown: serviceTown, organisation: organisation,
            interviewer: interviewer, date: date, wave: wave)
    }

    /// The source row's cells (empty when the stored JSON cannot be read).
    var rawFieldValues: [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(rawFields.utf8))) ?? [:]
    }
}
