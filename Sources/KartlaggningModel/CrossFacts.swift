/// What the store knows of a cross-tab: the counts where SQLite could count them, else the units to count, and the
/// values each dimension is declared to take (a registry's districts in order, a question's options or scale, bins).
/// Values come in no particular order and themes as tagged; `CrossEngine` (KartlaggningAnalysis) orders them, rolls
/// themes up their tree and counts units, the one way for every table.
public struct CrossFacts: Sendable {
    public enum Content: Sendable {
        /// Counted by SQLite: values are those seen (themes already rolled up, from `respondentTheme`).
        case counts(CrossCounts)
        /// Units to count: themes as tagged (not rolled up), closed answers as values.
        case units(CrossData)
    }

    public var content: Content
    /// The values the store declares for the row dimension (empty where it declares none: kinds, waves …).
    public var rowDeclared: [String]
    /// The same for the column dimension.
    public var colDeclared: [String]

    public init(_ content: Content, rowDeclared: [String] = [], colDeclared: [String] = []) {
        self.content = content
        self.rowDeclared = rowDeclared
        self.colDeclared = colDeclared
    }
}
