/// What a cross-tab's percentages are shares of: the column's base, the row's, the whole table's, or none.
public enum PercentBase: String, Sendable, CaseIterable, Codable {
    case col, row, total, none
}
