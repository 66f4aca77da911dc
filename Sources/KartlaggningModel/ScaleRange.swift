/// The closed range of a scale question, such as 1–5.
public struct ScaleRange: Codable, Sendable, Equatable {
    /// The lowest allowed value.
    public var min: Int
    /// The highest allowed value.
    public var max: Int

    public init(min: Int, max: Int) {
        self.min = min
        self.max = max
    }

    /// Whether `value` lies on the scale.
    public func contains(_ value: Int) -> Bool { value >= min && value <= max }

    /// `1–5`, with an en dash, as messages show it.
    public var description: String { "\(min)–\(max)" }
}
