/// A district report's row: a value's share in the district, in the whole, and the difference in points.
public struct ReportComparedRow: Encodable, Sendable, Equatable {
    public var name: String
    public var district: String
    public var whole: String
    public var points: String
}
