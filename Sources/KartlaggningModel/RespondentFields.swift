/// A respondent's own fields, as read from a file and as stored.
public struct RespondentFields: Sendable, Equatable {
    public var externalId: String
    public var kind: String
    public var district: String?
    public var serviceTown: String?
    public var organisation: String?
    public var interviewer: String?
    /// ISO 8601 date.
    public var date: String?
    public var wave: String?

    public init(
        externalId: String, kind: String, district: String? = nil, serviceTown: String? = nil,
        organisation: String? = nil, interviewer: String? = nil, date: String? = nil, wave: String? = nil
    ) {
        self.externalId = externalId
        self.kind = kind
        self.district = district
        self.serviceTown = serviceTown
        self.organisation = organisation
        self.interviewer = interviewer
        self.date = date
        self.wave = wave
    }

    /// The value of `field`.
    public func value(of field: RespondentField) -> String? {
        switch field {
        case .id: externalId
        case .kind: kind
        case .district: district
        case .serviceTown: serviceTown
        case .organisation: organisation
        case .interviewer: interviewer
        case .date: date
        case .wave: wave
        }
    }
}
