/// One stored answer: the raw cell and its typed value.
public struct StoredAnswer: Sendable, Equatable {
    public var raw: String
    public var valueText: String?
    public var valueNumber: Double?

    public init(raw: String, valueText: String? = nil, valueNumber: Double? = nil) {
        self.raw = raw
        self.valueText = valueText
        self.valueNumber = valueNumber
    }
}
