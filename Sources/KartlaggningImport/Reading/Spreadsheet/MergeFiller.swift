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
