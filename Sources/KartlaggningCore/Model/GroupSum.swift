/// The count and sum of a numeric answer in one group (a district), for means.
public struct GroupSum: Sendable, Equatable {
    public var group: String
    public var n: Int
    public var sum: Double
}
