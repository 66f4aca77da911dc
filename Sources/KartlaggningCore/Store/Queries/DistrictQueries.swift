import GRDB
import KartlaggningModel

// MARK: - District registry

extension KartlaggningStore {
    /// Replaces the district registry with `registry`.
    ///
    /// Districts and service towns that respondents refer to cannot be removed or moved away from:
    /// the load fails and the stored registry stays as it was.
    @discardableResult
    public func loadDistricts(_ registry: DistrictRegistry) throws -> DistrictLoadSummary {
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
                try DistrictRecord(name: district.name, position: position, groupName: district.group).upsert(db)
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
            return DistrictLoadSummary(
                districts: registry.districts.count, aliases: registry.districts.reduce(0) { $0 + $1.aliases.count },
                serviceTowns: towns.count, removed: removed)
        }
    }

    /// The stored district registry, in the order it was loaded.
    public func districtRegistry() throws -> DistrictRegistry {
        try read { db in
            let districts = try Row.fetchAll(db, sql: "SELECT name, groupName FROM district ORDER BY position").map {
                (name: $0[0] as String, group: $0[1] as String?)
            }
            let aliases = try Row.fetchAll(db, sql: "SELECT alias, district FROM districtAlias ORDER BY rowid").map {
                (alias: $0[0] as String, district: $0[1] as String)
            }
            let towns = try Row.fetchAll(db, sql: "SELECT name, district FROM serviceTown ORDER BY rowid").map {
                (name: $0[0] as String, district: $0[1] as String)
            }
            return DistrictRegistry(
                districts: districts.map { district in
                    District(
                        name: district.name,
                        aliases: aliases.filter { $0.district == district.name }.map(\.alias),
                        serviceTowns: towns.filter { $0.district == district.name }.map(\.name), group: district.group)
                })
        }
    }
}
