/// Why one pattern does or does not match one word (`kartlagg codebook test --why`).
public struct PatternExplanation: Codable, Sendable, Equatable {
    public var theme: String
    /// The pattern as the codebook writes it.
    public var pattern: String
    /// For a phrase, which of its words this is about (1-based); nil for a one-word pattern.
    public var part: Int?
    public var matches: Bool
    /// In words: the form, compound split, stem or affix that decides it.
    public var reason: String
}
