/// The mean of a scale question in one group (a district) with its n, or hidden.
public struct ScaleMean: Sendable, Equatable, Codable {
    public var group: String
    /// nil when hidden.
    public var n: Int?
    public var mean: Double?

    public init(group: String, n: Int?, mean: Double?) {
        self.group = group
        self.n = n
        self.mean = mean
    }

    /// Means per group from each group's count and sum, protected like a cross-tab: a group with 0 < n < `minCell`
    /// is hidden, and when exactly one group is hidden the smallest shown one is hidden too, so that its sum
    /// cannot be worked out from the whole's mean and the others'. The whole comes last, under `wholeLabel`.
    public static func protected(
        _ groups: [(group: String, n: Int, sum: Double)], minCell: Int, wholeLabel: String
    ) -> [ScaleMean] {
        var hidden = groups.map { $0.n > 0 && $0.n < minCell }
        if hidden.filter({ $0 }).count == 1,
            let next = groups.indices.filter({ !hidden[$0] && groups[$0].n > 0 }).min(by: {
                (groups[$0].n, groups[$0].group) < (groups[$1].n, groups[$1].group)
            })
        {
            hidden[next] = true
        }
        var out = groups.enumerated().map { index, group in
            hidden[index] || group.n == 0
                ? ScaleMean(group: group.group, n: hidden[index] ? nil : 0, mean: nil)
                : ScaleMean(group: group.group, n: group.n, mean: group.sum / Double(group.n))
        }
        let n = groups.reduce(0) { $0 + $1.n }
        let sum = groups.reduce(0) { $0 + $1.sum }
        out.append(
            n > 0 && n >= minCell
                ? ScaleMean(group: wholeLabel, n: n, mean: sum / Double(n)) : ScaleMean(group: wholeLabel, n: nil, mean: nil))
        return out
    }
}
