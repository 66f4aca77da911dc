/// What a person decides about a coder's tag whose answer text changed.
public enum ReviewDecision: String, Codable, Sendable {
    /// The tag still fits the new text: keep it, clear the flag.
    case accept
    /// The tag no longer fits: move it to the archive.
    case drop
}
