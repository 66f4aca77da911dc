/// A difference worth a look, as a template row: the district, the subject, the district's share and the whole's,
/// the difference in points, χ² and p, whether it is significant and whether expected counts are low.
public struct ReportDifference: Encodable, Sendable, Equatable {
    public var district: String
    public var subject: String
    public var percent: String
    public var whole: String
    public var points: String
    /// The difference's 95 % interval, in points.
    public var interval: String
    public var chiSquare: String
    public var p: String
    public var significant: Bool
    public var uncertain: Bool

}
