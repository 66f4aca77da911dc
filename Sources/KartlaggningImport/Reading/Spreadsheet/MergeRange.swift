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
        guard let column = XLSXReader.columnIndex(text), let row = Int(text.drop { $0.isLetter }) else { return nil }
        return (row, column)
    }
}

/// Fills every cell a merged block covers with the value of its top-left cell, as the block shows it: a group
/// header over three columns names all three, a district merged down a column names each of its rows.
struct MergeFiller {
    private var waiting: [MergeRange]
    private var active: [(range: MergeRange, value: String)] = []

    init(ranges: [MergeRange]) {
        waiting = ranges.sorted { ($0.top, $0.left) > ($1.top, $1.left) }
    }

    mutating func fill(_ cells: inout [String], row: Int) {
        active.removeAll { $0.range.bottom < row }
        while let next = waiting.last, next.top <= row {
            waiting.removeLast()
            guard next.bottom >= row else { continue }
            let value = next.top == row && next.left < cells.count ? cells[next.left] : ""
            active.append((next, value))
        }
        for (range, value) in active where !value.isEmpty {
            if cells.count <= range.right { cells.append(contentsOf: repeatElement("", count: range.right + 1 - cells.count)) }
            for column in range.left...range.right where cells[column].isEmpty { cells[column] = value }
        }
    }
}
