/// Which source columns hold the respondent's own fields.
///
/// Only `id` is required; the others are optional and fall back to the survey's defaults.
public struct RespondentMapping: Codable, Sendable, Equatable {
    /// The column with the respondent's external id (kept as text: `007` stays `007`), or `#row` for
    /// files without one: each data row (JSON record) is then a respondent numbered by its position.
    public var id: String

    /// The `id` that numbers respondents by their row.
    public static let rowNumber = "#row"

    /// Whether respondents are numbered by row rather than read from a column.
    public var idIsRowNumber: Bool { id == Self.rowNumber }
    /// The column with the respondent kind (företag, förening, …).
    public var kind: String?
    /// The column with the district (område); aliases and service towns are resolved.
    public var district: String?
    /// The column with the service town (serviceort).
    public var serviceTown: String?
    /// The column with the company's or association's name.
    public var organisation: String?
    /// The column with the interviewer's name.
    public var interviewer: String?
    /// The column with the interview date.
    public var date: String?
    /// The column with the survey wave, when one file holds several.
    public var wave: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, district
        case serviceTown = "service_town"
        case organisation, interviewer, date, wave
    }

    public init(
        id: String, kind: String? = nil, district: String? = nil, serviceTown: String? = nil,
        organisation: String? = nil, interviewer: String? = nil, date: String? = nil, wave: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.district = district
        self.serviceTown = serviceTown
        self.organisation = organisation
        self.interviewer = interviewer
        self.date = date
        self.wave = wave
    }

    /// The mapped fields in a fixed order, with the source column of each.
    public var mappedFields: [(field: RespondentField, column: String)] {
        var fields: [(RespondentField, String)] = idIsRowNumber ? [] : [(.id, id)]
        if let kind { fields.append((.kind, kind)) }
        if let district { fields.append((.district, district)) }
        if let serviceTown { fields.append((.serviceTown, serviceTown)) }
        if let organisation { fields.append((.organisation, organisation)) }
        if let interviewer { fields.append((.interviewer, interviewer)) }
        if let date { fields.append((.date, date)) }
        if let wave { fields.append((.wave, wave)) }
        return fields
    }
}
