import GRDB
import KartlaggningModel

/// A row of the `district` table: an area of the registry, its place in the registry's order, its group and its code
/// in the map file.
struct DistrictRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "district"

    enum Columns {
        static let name = Column(CodingKeys.name)
        static let position = Column(CodingKeys.position)
    }

    var name: String
    var position: Int
    var groupName: String?
    var code: String?
}

/// A row of the `areaShape` table: a district's polygons for maps, as JSON of whole metres.
struct AreaShapeRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "areaShape"

    var district: String
    var polygons: String
}

/// The one row of the `areaMap` table: where the registry's map came from and how it was projected.
struct AreaMapRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "areaMap"

    var id = 1
    var file: String
    var property: String
    var source: String?
    var projection: String
}

/// A row of the `districtAlias` table: another name for an area.
struct DistrictAliasRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "districtAlias"

    var alias: String
    var district: String
}

/// A row of the `serviceTown` table: a service town and the area it lies in.
struct ServiceTownRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "serviceTown"

    enum Columns {
        static let name = Column(CodingKeys.name)
    }

    var name: String
    var district: String
}
