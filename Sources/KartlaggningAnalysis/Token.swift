/// A word of an answer: its lowercased text and where it stands, in Unicode scalars from 0
/// (the unit SQLite's `substr` counts in).
public struct Token: Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}
