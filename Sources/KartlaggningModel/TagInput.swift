/// One answer as a tagger sees it: its text and its question's id.
public struct TagInput: Sendable, Equatable {
    public var text: String
    public var question: String

    public init(text: String, question: String) {
        self.text = text
        self.question = question
    }
}
