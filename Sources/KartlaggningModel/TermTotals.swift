/// Term counts from the term index over the texts a report reads: every lemma's count over them all (`whole`), the
/// forms each lemma had, and each group's counts (a theme's texts), by lemma.
public struct TermTotals: Sendable, Equatable {
    public var whole: [String: Int]
    public var surfaces: [String: [String: Int]]
    public var groups: [[String: Int]]

    public init(whole: [String: Int] = [:], surfaces: [String: [String: Int]] = [:], groups: [[String: Int]] = []) {
        self.whole = whole
        self.surfaces = surfaces
        self.groups = groups
    }
}
