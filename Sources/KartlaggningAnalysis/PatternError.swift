import Foundation

/// A codebook pattern that cannot be compiled.
public struct PatternError: Error, Equatable, Sendable, LocalizedError {
    public var pattern: String
    public var message: String
    /// The theme the pattern belongs to, when known.
    public var theme: String?

    public init(pattern: String, message: String, theme: String? = nil) {
        self.pattern = pattern
        self.message = message
        self.theme = theme
    }

    public var errorDescription: String? {
        (theme.map { "theme \"\($0)\": " } ?? "") + "pattern \"\(pattern)\": \(message)"
    }
}
