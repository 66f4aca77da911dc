/// What a district cell resolved to: the district and, when the cell named one, the service town.
public struct DistrictMatch: Sendable, Equatable {
    public var district: String
    public var serviceTown: String?

    public init(district: String, serviceTown: String? = nil) {
        self.district = district
        self.serviceTown = serviceTown
    }
}
