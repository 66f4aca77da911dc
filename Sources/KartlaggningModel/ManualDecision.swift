/// A coder's decision on one answer and theme: the theme ("this theme") or not (`negative`: "not this theme"), with
/// the coder's note.
public struct ManualDecision: Sendable, Equatable {
    public var negative: Bool
    public var note: String?

    public init(negative: Bool, note: String?) {
        self.negative = negative
        self.note = note
    }
}
