import Foundation
import GRDB
import KartlaggningModel

// MARK: - District registry

extension KartlaggningStore {
    /// Replaces the district registry with `registry`, and its map with `map` (the areas' shapes, made from the
    /// registry's `map:` file; nil: no map).
    ///
    /// Districts and service towns that respondents refer to cannot be removed or moved away from:
    /// the load fails and the stored registry stays as it was.
    @discardableResult
    public func loadDistricts(_ registry: DistrictRegistry, map: AreaMap? = nil) throws -> DistrictLoadSummary {
        let conflicts = registry.conflicts()
        if let first = conflicts.first { throw StoreError.districtConflict(first) }
        let names = Set(registry.districts.map(\.name))
        let towns = Set(registry.districts.flatMap(\.serviceTowns))
        return try write { db in
            let stored = try String.fetchAll(db, sql: "SELECT name FROM district ORDER BY position")
            let removed = stored.filter { !names.contains($0) }
            for name in removed {
                let used = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM respondent WHERE district = ?", arguments: [name]) ?? 0
                if used > 0 {
                    throw StoreError.districtInUse(name: name, respondents: used)
                }
            }
            let usedTowns = try String.fetchAll(db, sql: "SELECT DISTINCT serviceTown FROM respondent WHERE serviceTown IS NOT NULL")
            for town in usedTowns where !towns.contains(town) {
                throw StoreError.serviceTownInUse(town)
            }
            try db.execute(sql: "DELETE FROM districtAlias")
            for (position, district) in registry.districts.enumerated() {
                // Upserts, never REPLACE: replacing an area would cascade to its aliases and service towns.
                try DistrictRecord(name: district.name, position: position, groupName: district.group, code: district.code).upsert(db)
                for alias in district.aliases {
                    try DistrictAliasRecord(alias: alias, district: district.name).insert(db, onConflict: .replace)
                }
                for town in district.serviceTowns {
                    try ServiceTownRecord(name: town, district: district.name).upsert(db)
                }
            }
            for town in try String.fetchAll(db, sql: "SELECT name FROM serviceTown") where !towns.contains(town) {
                try db.execute(literal: "DELETE FROM serviceTown WHERE name = \(town)")
            }
            for name in removed {
                try db.execute(literal: "DELETE FROM district WHERE name = \(name)")
            }
            _ = try AreaShapeRecord.deleteAll(db)
            _ = try AreaMapRecord.deleteAll(db)
            if let map, let file = registry.map {
                try AreaMapRecord(file: file.file, property: file.property, source: map.source, projection: map.projection).insert(db)
                for area in map.areas where names.contains(area.name) {
                    try AreaShapeRecord(district: area.name, polygons: Self.encodePolygons(area.polygons)).insert(db)
                }
            }
            return DistrictLoadSummary(
                districts: registry.districts.count, aliases: registry.districts.reduce(0) { $0 + $1.aliases.count },
                serviceTowns: towns.count, removed: removed)
        }
    }

    /// The stored district registry, in the order it was loaded.
    public func districtRegistry() throws -> DistrictRegistry {
        try read { db in
            let districts = try DistrictRecord.order(DistrictRecord.Columns.position).fetchAll(db)
            let aliases = try Row.fetchAll(db, sql: "SELECT alias, district FROM districtAlias ORDER BY rowid").map {
                (alias: $0[0] as String, district: $0[1] as String)
            }
            let towns = try Row.fetchAll(db, sql: "SELECT name, district FROM serviceTown ORDER BY rowid").map {
                (name: $0[0] as String, district: $0[1] as String)
            }
            let map = try AreaMapRecord.fetchOne(db)
            return DistrictRegistry(
                districts: districts.map { district in
                    District(
                        name: district.name,
                        aliases: aliases.filter { $0.district == district.name }.map(\.alias),
                        serviceTowns: towns.filter { $0.district == district.name }.map(\.name), group: district.groupName,
                        code: district.code)
                }, map: map.map { MapSource(file: $0.file, property: $0.property, source: $0.source) })
        }
    }

    /// The registry's map: every district that has a shape, in the registry's order; nil when the registry has no map.
    public func areaMap() throws -> AreaMap? {
        try read { db in
            guard let map = try AreaMapRecord.fetchOne(db) else { return nil }
            let order = try DistrictRecord.order(DistrictRecord.Columns.position).fetchAll(db).map(\.name)
            let shapes = Dictionary(try AreaShapeRecord.fetchAll(db).map { ($0.district, $0.polygons) }, uniquingKeysWith: { a, _ in a })
            let areas = try order.compactMap { name in
                try shapes[name].map { AreaMap.Area(name: name, polygons: try Self.decodePolygons($0)) }
            }
            return AreaMap(areas: areas, projection: map.projection, source: map.source)
        }
    }

    /// Polygons as stored: JSON of whole metres, each ring a flat list `[x, y, x, y, …]`.
    static func encodePolygons(_ polygons: [[[AreaMap.Point]]]) -> String {
        "["
            + polygons.map { polygon in
                "["
                    + polygon.map { ring in
                        "[" + ring.map { "\(Int($0.x.rounded())),\(Int($0.y.rounded()))" }.joined(separator: ",") + "]"
                    }.joined(separator: ",") + "]"
            }.joined(separator: ",") + "]"
    }

    static func decodePolygons(_ text: String) throws -> [[[AreaMap.Point]]] {
        let numbers = try JSONDecoder().decode([[[Double]]].self, from: Data(text.utf8))
        return numbers.map { polygon in
            polygon.map { ring in stride(from: 0, to: ring.count - 1, by: 2).map { AreaMap.Point(x: ring[$0], y: ring[$0 + 1]) } }
        }
    }
}
