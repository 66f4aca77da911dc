/// One counted unit (a respondent or an answer) with its values on the row and column dimensions.
/// A multi-response dimension (themes, multi-choice) may give several values; each value carries a weight
/// (1, or the number of mentions when mentions are counted).
public struct CrossUnit: Sendable, Equatable {
    public var rows: [String: Int]
    public var cols: [String: Int]

    public init(rows: [String: Int], cols: [String: Int]) {
        self.rows = rows
        self.cols = cols
    }
}
