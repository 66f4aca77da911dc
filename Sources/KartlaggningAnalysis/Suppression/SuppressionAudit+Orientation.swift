/// A table and its transpose are one table: protection is chosen on one canonical orientation, so the same counts,
/// dimensions and rule hide the same cells whichever way a reader turns the table (`crosstab --rows kön --cols
/// district` and `--rows district --cols kön`), in every output.
extension SuppressionAudit.Table {
    /// Rows as columns and columns as rows, with everything the table knows about them.
    var transposed: SuppressionAudit.Table {
        let rows = counts.count
        let cols = colBase.count
        return SuppressionAudit.Table(
            counts: (0..<cols).map { c in (0..<rows).map { counts[$0][c] } }, rowBase: colBase, colBase: rowBase, grand: grand,
            hidden: (0..<cols).map { c in (0..<rows).map { hidden[$0][c] } }, hiddenRowTotal: hiddenColTotal,
            hiddenColTotal: hiddenRowTotal, rowAdditive: colAdditive, colAdditive: rowAdditive, rowTotalsAdditive: colTotalsAdditive,
            colTotalsAdditive: rowTotalsAdditive, rowParent: colParent, colParent: rowParent)
    }

    /// Where the number at `position` (`TableFacts`' order) sits in the transpose.
    func transposedPosition(_ position: Int) -> Int {
        let (rows, cols) = (counts.count, colBase.count)
        if position < rows * cols { return (position % cols) * rows + position / cols }
        if position < rows * cols + rows { return rows * cols + cols + (position - rows * cols) }
        return rows * cols + (position - rows * cols - rows)
    }

    /// Whether the transpose is the canonical orientation: the one whose description (sizes, counts, totals,
    /// hierarchy, additivity, what is hidden to start with) comes first. A table equal to its transpose is canonical
    /// as it stands.
    var prefersTransposed: Bool {
        transposed.orientationKey.lexicographicallyPrecedes(orientationKey)
    }

    private var orientationKey: [Int] {
        var key = [counts.count, colBase.count, grand]
        key += counts.joined() + rowBase + colBase
        key += rowParent.map { $0 ?? -1 } + colParent.map { $0 ?? -1 }
        key += (rowAdditive + colAdditive + [rowTotalsAdditive, colTotalsAdditive]).map { $0 ? 1 : 0 }
        key += (Array(hidden.joined()) + hiddenRowTotal + hiddenColTotal).map { $0 ? 1 : 0 }
        return key
    }
}
