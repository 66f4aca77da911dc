/// What loading a district registry changed.
public struct DistrictLoadSummary: Codable, Sendable, Equatable {
    public init(districts: Int, aliases: Int, serviceTowns: Int, removed: [String]) {
        self.districts = districts
        self.aliases = aliases
        self.serviceTowns = serviceTowns
        self.removed = removed
    }

    public var districts: Int
    public var aliases: Int
    public var serviceTowns: Int
    /// Districts that were in the database and are not in the new registry.
    public var removed: [String]
}
