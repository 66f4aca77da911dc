/// The municipality's districts, as loaded from `districts.yaml` (`Schemas/districts.schema.json`).
public struct DistrictRegistry: Codable, Sendable, Equatable {
    public var districts: [District]
    /// The areas' boundaries (`map:`), for maps; nil: the registry has none.
    public var map: MapSource?

    public init(districts: [District], map: MapSource? = nil) {
        self.districts = districts
        self.map = map
    }

    /// Names that the registry gives to two different districts (after case, spacing and dashes are folded; å, ä and ö are letters of their own).
    public func conflicts() -> [String] {
        var owner: [String: String] = [:]
        var problems: [String] = []
        for district in districts {
            for name in [district.name] + district.aliases + district.serviceTowns {
                let key = MatchKey.place(name)
                if let existing = owner[key], existing != district.name {
                    problems.append("\"\(name)\" names both \(existing) and \(district.name)")
                }
                owner[key] = district.name
            }
        }
        return problems
    }

    /// Each district's group (`group:`), for the districts that have one.
    public var groups: [String: String] {
        Dictionary(districts.compactMap { district in district.group.map { (district.name, $0) } }, uniquingKeysWith: { first, _ in first })
    }

    /// A resolver with every name precomputed; build it once per import.
    public func index() -> DistrictIndex { DistrictIndex(registry: self) }

    /// The district (and service town) that `raw` names, or nil. Builds an index: for one-off lookups.
    public func resolve(_ raw: String) -> DistrictMatch? { index().resolve(raw) }
}
