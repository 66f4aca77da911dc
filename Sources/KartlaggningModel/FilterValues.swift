/// The values a cross-tab filter asks for (`--where district=natra`), as every path compares them with what is
/// stored: a district or service town resolved through the registry, then place names folded (case, spacing and
/// dashes; å, ä and ö kept).
public struct FilterValues: Sendable {
    private let keys: Set<String>

    public init(_ asked: [String], registry: DistrictIndex) {
        keys = Set(asked.map { MatchKey.place(registry.resolve($0)?.district ?? $0) })
    }

    /// Whether a stored value is one asked for.
    public func contains(_ stored: String) -> Bool {
        keys.contains(MatchKey.place(stored))
    }
}
