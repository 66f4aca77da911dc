/// The mean of a scale question in one group (a district) with its n, or hidden.
public struct ScaleMean: Sendable, Equatable, Codable {
    public var group: String
    /// nil when hidden.
    public var n: Int?
    public var mean: Double?
    /// The middle answer (the mean of the two middle ones for an even n), where the answers were given; nil when
    /// hidden or not known.
    public var median: Double?

    public init(group: String, n: Int?, mean: Double?, median: Double? = nil) {
        self.group = group
        self.n = n
        self.mean = mean
        self.median = median
    }

    /// The median of answers given as counts per value.
    public static func median(of counts: [Double: Int]) -> Double? {
        let n = counts.values.reduce(0, +)
        guard n > 0 else { return nil }
        let sorted = counts.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        func value(at position: Int) -> Double {
            var seen = 0
            for (value, count) in sorted {
                seen += count
                if seen >= position { return value }
            }
            return sorted.last?.key ?? 0
        }
        return n % 2 == 1 ? value(at: (n + 1) / 2) : (value(at: n / 2) + value(at: n / 2 + 1)) / 2
    }

    /// Means and medians per group from each group's answers (counts per value), protected as `protected(_:…)`
    /// protects means: a hidden group shows neither.
    ///
    /// With `numbers` (integer and decimal questions: counts of people, members, kronor), two rules more: a group is
    /// hidden where one answer is more than half of the group's total (the dominance rule: the mean would show that
    /// respondent's number through), and a median is shown only from `numberMedianFrom` answers up (the median of a
    /// few numbers is one respondent's own answer). A scale's points tell no one's size: neither rule applies there.
    public static func protected(
        distributions: [(group: String, counts: [Double: Int])], minCell: Int, wholeLabel: String, numbers: Bool = false
    ) -> [ScaleMean] {
        let groups = distributions.map { group in
            (group: group.group, n: group.counts.values.reduce(0, +), sum: group.counts.reduce(0.0) { $0 + $1.key * Double($1.value) })
        }
        var whole: [Double: Int] = [:]
        for group in distributions { for (value, count) in group.counts { whole[value, default: 0] += count } }
        let dominated = distributions.map { group in
            numbers && (group.counts.keys.map(abs).max() ?? 0) > 0.5 * group.counts.reduce(0.0) { $0 + abs($1.key) * Double($1.value) }
        }
        let medianFrom = numbers ? max(numberMedianFrom, minCell) : 0
        let medians = (distributions.map(\.counts) + [whole]).map { counts in
            counts.values.reduce(0, +) >= medianFrom ? median(of: counts) : nil
        }
        return zip(protected(groups, minCell: minCell, wholeLabel: wholeLabel, alsoHidden: dominated), medians).map { mean, median in
            var mean = mean
            if mean.mean != nil { mean.median = median }
            return mean
        }
    }

    /// The fewest answers a number question's median is shown from.
    public static let numberMedianFrom = 10

    /// Means per group from each group's count and sum, protected like a cross-tab: a group with 0 < n < `minCell`
    /// is hidden (and so is one `alsoHidden` marks), and when exactly one group is hidden the smallest shown one is hidden
    /// too, so that its sum cannot be worked out from the whole's mean and the others'; where there is none to hide with
    /// it, the whole's mean is hidden instead. The whole comes last, under `wholeLabel`.
    public static func protected(
        _ groups: [(group: String, n: Int, sum: Double)], minCell: Int, wholeLabel: String, alsoHidden: [Bool] = []
    ) -> [ScaleMean] {
        var hidden = groups.indices.map { groups[$0].n > 0 && (groups[$0].n < minCell || ($0 < alsoHidden.count && alsoHidden[$0])) }
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
        // One hidden group with answers and no other to hide with it (the rest gave none): the whole's mean is its
        // mean, worked out from the others' (or equal to it), so the whole is hidden too.
        let alone = groups.indices.filter { hidden[$0] && groups[$0].n > 0 }.count == 1
        out.append(
            n > 0 && n >= minCell && !alone
                ? ScaleMean(group: wholeLabel, n: n, mean: sum / Double(n)) : ScaleMean(group: wholeLabel, n: nil, mean: nil))
        return out
    }
}
