/// A word of a free text as keyness counts it: its lemma, the form it had, and how often it stands there.
public struct TermCount: Sendable, Hashable {
    public var lemma: String
    public var surface: String
    public var count: Int

    public init(lemma: String, surface: String, count: Int) {
        self.lemma = lemma
        self.surface = surface
        self.count = count
    }
}
