/// A free text the term index does not hold yet: its answer's id and its text.
public struct IndexedText: Sendable, Equatable {
    public var answerId: Int64
    public var text: String

    public init(answerId: Int64, text: String) {
        self.answerId = answerId
        self.text = text
    }
}
