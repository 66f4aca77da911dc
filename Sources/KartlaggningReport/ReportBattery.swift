/// A rating battery as the overview's template writes it: its title (and as alt text), how many items, its heatmap
/// parts (items × areas, the mean in each cell) and the chart of its answers in the whole municipality.
public struct ReportBattery: Encodable, Sendable, Equatable {
    public var title: String
    public var alt: String
    public var items: String
    public var figures: [String]
    public var spread: String
    public var hasSpread: Bool
}
