/// Resolves what people write for a district or service town to the registry's canonical names.
///
/// `nätra`, ` Nätraområdet`, `NATRA` and `Bjästa` (a service town in Nätra) all resolve to Nätra.
public struct DistrictIndex: Sendable {
    /// The suffixes people add to a district's name ("Nätraområdet", "Anundsjö område").
    static let districtSuffixes = ["omradet", "omrade", "bygden"]

    private var districtsByKey: [String: String] = [:]
    private var townsByKey: [String: DistrictMatch] = [:]
    private var districtsByCompactKey: [String: String] = [:]

    public init(registry: DistrictRegistry) {
        for district in registry.districts {
            for name in [district.name] + district.aliases {
                districtsByKey[MatchKey.make(name)] = district.name
            }
            districtsByCompactKey[Self.compact(MatchKey.make(district.name))] = district.name
            for town in district.serviceTowns {
                townsByKey[MatchKey.make(town)] = DistrictMatch(district: district.name, serviceTown: town)
            }
        }
    }

    /// The district that `raw` names, with the service town when `raw` is one; nil when it names none.
    public func resolve(_ raw: String) -> DistrictMatch? {
        let key = MatchKey.make(raw)
        guard !key.isEmpty else { return nil }
        if let name = districtsByKey[key] { return DistrictMatch(district: name) }
        if let town = townsByKey[key] { return town }
        let compactKey = Self.compact(key)
        for suffix in Self.districtSuffixes where compactKey.hasSuffix(suffix) && compactKey.count > suffix.count {
            if let name = districtsByCompactKey[String(compactKey.dropLast(suffix.count))] {
                return DistrictMatch(district: name)
            }
        }
        return nil
    }

    /// The service town that `raw` names, with its district; nil when it names none.
    public func resolveServiceTown(_ raw: String) -> DistrictMatch? {
        townsByKey[MatchKey.make(raw)]
    }

    private static func compact(_ key: String) -> String {
        key.filter { $0.isLetter || $0.isNumber }
    }
}
