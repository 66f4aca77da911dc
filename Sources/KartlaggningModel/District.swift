/// A district (område) with the other names people use for it and its service towns.
public struct District: Codable, Sendable, Equatable {
    /// The canonical name (`Nätra`).
    public var name: String
    /// Other spellings and names (`Nätraområdet`).
    public var aliases: [String]
    /// Service towns (serviceorter) that lie in the district (`Bjästa`, `Köpmanholmen`).
    public var serviceTowns: [String]
    /// A larger area the district belongs to (`Norra kustlandet`): reports with many areas list them under it.
    public var group: String?
    /// The area's code in the registry's map file (`code:`), where the file names areas by code (`2284`).
    public var code: String?

    enum CodingKeys: String, CodingKey {
        case name, aliases
        case serviceTowns = "service_towns"
        case group, code
    }

    public init(name: String, aliases: [String] = [], serviceTowns: [String] = [], group: String? = nil, code: String? = nil) {
        self.name = name
        self.aliases = aliases
        self.serviceTowns = serviceTowns
        self.group = group
        self.code = code
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
        serviceTowns = try container.decodeIfPresent([String].self, forKey: .serviceTowns) ?? []
        group = try container.decodeIfPresent(String.self, forKey: .group).map(\.trimmedCell).flatMap { $0.isEmpty ? nil : $0 }
        code = try container.decodeIfPresent(String.self, forKey: .code).map(\.trimmedCell).flatMap { $0.isEmpty ? nil : $0 }
    }
}
