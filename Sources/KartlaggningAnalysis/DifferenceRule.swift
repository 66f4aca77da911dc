/// Which differences between a district and the rest a report shows: both groups of at least `minGroup`
/// respondents, and holding after `correction` over every difference compared.
public struct DifferenceRule: Sendable, Equatable, Codable {
    public var minGroup: Int
    public var correction: MultipleComparison

    public init(minGroup: Int = 30, correction: MultipleComparison = .holm) {
        self.minGroup = minGroup
        self.correction = correction
    }
}
