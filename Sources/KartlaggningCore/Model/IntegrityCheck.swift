/// One invariant `kartlagg status --verify` checks, and what it found.
public struct IntegrityCheck: Codable, Sendable, Equatable {
    public var name: String
    public var passed: Bool
    /// What was found: a count, or what is wrong.
    public var detail: String

    public init(name: String, passed: Bool, detail: String) {
        self.name = name
        self.passed = passed
        self.detail = detail
    }
}
