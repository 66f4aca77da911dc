/// A respondent's own fields, whether read from a file or from the database.
public protocol RespondentFieldValues {
    var externalId: String { get }
    var kind: String { get }
    var district: String? { get }
    var serviceTown: String? { get }
    var organisation: String? { get }
    var interviewer: String? { get }
    var date: String? { get }
    var wave: String? { get }
}

extension RespondentFieldValues {
    /// The stored value of `field`.
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
