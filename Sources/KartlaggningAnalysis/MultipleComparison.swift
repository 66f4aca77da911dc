/// How p-values of many comparisons in one report are corrected, so that a difference shown "holds" for the report
/// as a whole and not by the chance of testing many: Holm's step-down (the family-wise error rate, default) or
/// Benjamini–Hochberg (the false discovery rate), or none.
public enum MultipleComparison: String, Sendable, Codable, CaseIterable {
    case holm, bh, none

    /// The adjusted p-values, in the order given (as R's `p.adjust`): Holm — the i-th smallest times (m − i + 1),
    /// made non-decreasing; Benjamini–Hochberg — the i-th smallest times m / i, made non-increasing from the
    /// largest; each at most 1.
    public func adjust(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        guard m > 0, self != .none else { return pValues }
        let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        var adjusted = [Double](repeating: 1, count: m)
        switch self {
        case .holm:
            var running = 0.0
            for (rank, index) in order.enumerated() {
                running = max(running, min(1, pValues[index] * Double(m - rank)))
                adjusted[index] = running
            }
        case .bh:
            var running = 1.0
            for (rank, index) in order.enumerated().reversed() {
                running = min(running, min(1, pValues[index] * Double(m) / Double(rank + 1)))
                adjusted[index] = running
            }
        case .none:
            return pValues
        }
        return adjusted
    }
}
