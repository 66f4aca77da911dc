/// Bin edges for an integer or decimal question in a cross-tab: `[0, 10, 50]` makes `<0`, `0–10`, `10–50`, `50+`;
/// each bin holds its lower edge.
public struct Bins: Sendable, Equatable {
    public let edges: [Double]

    public init(_ edges: [Double]) {
        self.edges = edges.sorted()
    }

    /// The bins' labels, in order.
    public var labels: [String] {
        func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
        guard let first = edges.first, let last = edges.last else { return [] }
        var labels = ["<" + number(first)]
        for (low, high) in zip(edges, edges.dropFirst()) { labels.append(number(low) + "–" + number(high)) }
        labels.append(number(last) + "+")
        return labels
    }

    /// The label of the bin `value` falls in.
    public func label(of value: Double) -> String? {
        let labels = self.labels
        let index = edges.lastIndex { value >= $0 }.map { $0 + 1 } ?? 0
        return labels.indices.contains(index) ? labels[index] : nil
    }
}
