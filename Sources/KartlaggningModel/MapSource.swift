/// Where a district registry's boundaries come from (`map:` in `districts.yaml`).
public struct MapSource: Codable, Sendable, Equatable {
    /// The GeoJSON or TopoJSON file, relative to the registry file.
    public var file: String
    /// The feature property that names each area (its name, an alias or the district's `code:`).
    public var property: String
    /// The credit printed under every map (`Kartdata: Lantmäteriet`).
    public var source: String?

    public init(file: String, property: String, source: String? = nil) {
        self.file = file
        self.property = property
        self.source = source
    }
}
