/// Who tagged an answer: the codebook's matcher (``auto``) or a person, by name. The matcher's name is stated here
/// once; people may not take it (``isReserved(_:)``).
public struct Coder: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// The codebook's matcher: automatic tags, replaced on every run of a new revision.
    public static let auto = Coder(rawValue: "auto")

    /// Whether this is the matcher.
    public var isAuto: Bool { self == .auto }

    public var description: String { rawValue }

    /// Whether a person's name would read as the matcher's (case, accents and spacing aside): refused for people.
    public static func isReserved(_ name: String) -> Bool { MatchKey.make(name) == auto.rawValue }

    /// The matcher's name as an SQL literal, for the store's queries: the partial index of people's tags
    /// (`tag_manual … WHERE coder <> 'auto'`) is used only where a query states the same literal, not a bound value.
    public static let autoSQL = "'auto'"
}
