/// One invariant `kartlagg status --verify` checks, and what it found.
/// Made by the store (its memberwise initialiser), read by commands.
public struct IntegrityCheck: Codable, Sendable, Equatable {
    public var name: String
    public var passed: Bool
    /// What was found: a count, or what is wrong.
    public var detail: String
}
