import KartlaggningCore
import KartlaggningModel

/// `kartlagg districts load` as a library call: the registry read and checked, its map (if it has a `map:`) read,
/// matched to the districts, projected and simplified, and both stored in one transaction; a bad registry or map
/// changes nothing.
///
/// ```swift
/// let summary = try DistrictLoad.run(file: "SampleSurveys/districts.yaml", opening: { store })
/// print(summary.summary)   // districts: 4 loaded, 9 aliases, 10 service towns; map: 4 areas, …
/// ```
public enum DistrictLoad {
    /// Reads `file` (and its map), then opens the store and replaces its registry.
    public static func run(file: String, opening open: () throws -> KartlaggningStore) throws -> DistrictLoadSummary {
        let registry = try DefinitionLoader.districts(at: file)
        let map = try AreaMapLoader.load(registry, registryPath: file)
        var summary = try open().loadDistricts(registry, map: map)
        if let map {
            summary.mapAreas = map.areas.count
            summary.mapPoints = map.areas.reduce(0) { $0 + $1.polygons.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } }
            summary.projection = map.projection
        }
        return summary
    }
}
