import GRDB
import KartlaggningModel

/// A row of the `district` table: an area of the registry, its place in the registry's order and its group.
struct DistrictRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "district"

    enum Columns {
        static let name = Column(CodingKeys.name)
        static let position = Column(CodingKeys.position)
    }

    var name: String
    var position: Int
    var groupName: String?
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
