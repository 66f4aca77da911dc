/// One invariant `kartlagg status --verify` checks, and what it found.
/// Made by the store (its memberwise initialiser), read by commands.
public struct IntegrityCheck: Codable, Sendable, Equatable {
    public init(name: String, passed: Bool, detail: String) {
        self.name = name
        self.passed = passed
        self.detail = detail
    }

    public var name: String
    public var passed: Bool
    /// What was found: a count, or what is wrong.
    public var detail: String
}
