/// What loading a district registry changed.
public struct DistrictLoadSummary: Codable, Sendable, Equatable {
    public init(
        districts: Int, aliases: Int, serviceTowns: Int, removed: [String], mapAreas: Int? = nil, mapPoints: Int? = nil,
        projection: String? = nil
    ) {
        self.districts = districts
        self.aliases = aliases
        self.serviceTowns = serviceTowns
        self.removed = removed
        self.mapAreas = mapAreas
        self.mapPoints = mapPoints
        self.projection = projection
    }

    public var districts: Int
    public var aliases: Int
    public var serviceTowns: Int
    /// Districts that were in the database and are not in the new registry.
    public var removed: [String]
    /// With a `map:`: the areas drawn, their points after simplification, and the projection.
    public var mapAreas: Int?
    public var mapPoints: Int?
    public var projection: String?

    /// One line for the terminal.
    public var summary: String {
        "districts: \(districts) loaded, \(aliases) aliases, \(serviceTowns) service towns"
            + (removed.isEmpty ? "" : "; removed \(removed.joined(separator: ", "))")
            + (mapAreas.map { "; map: \($0) areas, \(mapPoints ?? 0) points, \(projection ?? "")" } ?? "")
    }
}
