/// A merged block of cells (`B1:D3`), rows and columns from 1 and 0 as the readers count them.
struct MergeRange: Equatable {
    var top: Int
    var left: Int
    var bottom: Int
    var right: Int

    init(top: Int, left: Int, bottom: Int, right: Int) {
        self.top = top
        self.left = left
        self.bottom = bottom
        self.right = right
    }

    /// Reads `B1:D3`; nil for anything else.
    init?(_ reference: String) {
        let corners = reference.split(separator: ":")
        guard corners.count == 2, let from = Self.cell(String(corners[0])), let to = Self.cell(String(corners[1])) else { return nil }
        self.init(
            top: min(from.row, to.row), left: min(from.column, to.column), bottom: max(from.row, to.row), right: max(from.column, to.column)
        )
    }

    private static func cell(_ text: String) -> (row: Int, column: Int)? {
        guard let column = XLSXReader.columnIndex(text), let row = Int(text.drop { $0.isLetter }), row >= 1 else { return nil }
        return (row, column)
    }
}
