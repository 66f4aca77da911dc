/// Resolves what people write for a district or service town to the registry's canonical names.
///
/// `nätra`, ` Nätraområdet`, `NÄTRA` and `Bjästa` (a service town in Nätra) all resolve to Nätra; `Natra` does not
/// (å, ä and ö are letters of their own: `Mora` is not `Möra`) unless the registry lists it as an alias.
public struct DistrictIndex: Sendable {
    /// The suffixes people add to a district's name ("Nätraområdet", "Anundsjö område").
    static let districtSuffixes = ["området", "område", "omradet", "omrade", "bygden"]

    private var districtsByKey: [String: String] = [:]
    private var townsByKey: [String: DistrictMatch] = [:]
    private var districtsByCompactKey: [String: String] = [:]

    public init(registry: DistrictRegistry) {
        for district in registry.districts {
            for name in [district.name] + district.aliases {
                districtsByKey[MatchKey.place(name)] = district.name
            }
            districtsByCompactKey[Self.compact(MatchKey.place(district.name))] = district.name
            for town in district.serviceTowns {
                townsByKey[MatchKey.place(town)] = DistrictMatch(district: district.name, serviceTown: town)
            }
        }
    }

    /// The district that `raw` names, with the service town when `raw` is one; nil when it names none.
    public func resolve(_ raw: String) -> DistrictMatch? {
        let key = MatchKey.place(raw)
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
        townsByKey[MatchKey.place(raw)]
    }

    private static func compact(_ key: String) -> String {
        key.filter { $0.isLetter || $0.isNumber }
    }
}
