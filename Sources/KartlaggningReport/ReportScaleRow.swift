/// A scale question's mean in one district beside the whole's: a district report's row.
public struct ReportScaleRow: Encodable, Sendable, Equatable {
    public var name: String
    public var district: String
    public var whole: String
}
