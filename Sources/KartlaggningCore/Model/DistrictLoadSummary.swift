/// What loading a district registry changed.
public struct DistrictLoadSummary: Codable, Sendable, Equatable {
    public var districts: Int
    public var aliases: Int
    public var serviceTowns: Int
    /// Districts that were in the database and are not in the new registry.
    public var removed: [String]
}
