import KartlaggningModel

/// Counts units into a table and protects it: percentages of the chosen base, small cells suppressed with
/// enough further cells that no hidden value can be recovered from the totals shown, and χ² statistics.
public enum CrossTabulation {
    /// What other outputs of the same data mean for one table: totals and cells a linked table hides (a filtered view's
    /// totals and cells are the unfiltered table's), and what outputs already published (the publication ledger).
    public struct Links: Sendable {
        /// Totals hidden because the table they sit in hides the same count: hidden to start with, and protected as
        /// hidden totals are.
        public var rowTotals: Set<String> = []
        public var colTotals: Set<String> = []
        /// Cells the unfiltered table hides (`row` and `col` joined by U+001F): a filtered view's cell is part of it,
        /// so showing it would bound the hidden one from below.
        public var cells: Set<String> = []
        /// What outputs of the same data already published.
        public var known = PublishedKnowledge()

        public init(
            rowTotals: Set<String> = [], colTotals: Set<String> = [], cells: Set<String> = [],
            known: PublishedKnowledge = PublishedKnowledge()
        ) {
            self.rowTotals = rowTotals
            self.colTotals = colTotals
            self.cells = cells
            self.known = known
        }
    }

    /// The table `spec` asks for, from its counts (`CrossEngine.counts`): percentages, protection and statistics.
    /// `linkedRowTotals` and `linkedColTotals` are totals another published table hides (a filtered view's totals
    /// are the unfiltered table's cells): hidden here too, and protected.
    /// `known` is what other outputs of the same data published (`PublishedKnowledge`): numbers they hid are hidden
    /// here too, numbers they showed are never hidden to protect another. The table carries what it published
    /// (`CrossTable.publication`) for the ledger.
    public static func tabulate(
        _ counted: CrossCounts, spec: CrossSpec, linkedRowTotals: Set<String> = [], linkedColTotals: Set<String> = [],
        linkedCells: Set<String> = [], known: PublishedKnowledge = PublishedKnowledge()
    ) -> CrossTable {
        tabulate(
            counted, spec: spec,
            links: Links(rowTotals: linkedRowTotals, colTotals: linkedColTotals, cells: linkedCells, known: known))
    }

    /// The table `spec` asks for, from its counts, protected together with what `links` names.
    public static func tabulate(_ counted: CrossCounts, spec: CrossSpec, links: Links) -> CrossTable {
        var table = tabulate(
            counts: counted.counts, rowBase: counted.rowBase, colBase: counted.colBase, grand: counted.grand,
            rowValues: counted.rowValues, colValues: counted.colValues, multiResponseRows: counted.multiResponseRows,
            multiResponseCols: counted.multiResponseCols, spec: spec, links: links,
            keys: FactKeys(spec: spec, rowValues: counted.rowValues, colValues: counted.colValues))
        table.districtPools = spec.districtPools
        table.kindPools = spec.kindPools
        return table
    }

    /// The table's name in the ledger: its dimensions, filters and unit.
    static func title(_ spec: CrossSpec) -> String {
        let filters = spec.filters.map { "\($0.key)=\($0.value.joined(separator: " or "))" }.sorted()
        var title = "\(spec.rows) × \(spec.cols)" + (filters.isEmpty ? "" : ", " + filters.joined(separator: ", "))
        if spec.unit != .respondents { title += " (\(spec.unit.rawValue))" }
        return title
    }

    /// The dimensions whose values partition the units, with every value (`PublishedTable.partitions`): not themes,
    /// not a multi-response dimension; pooled areas and kinds listed as their members.
    static func partitions(_ spec: CrossSpec, rowValues: [String], colValues: [String], multiResponseRows: Bool, multiResponseCols: Bool)
        -> [String: [String]]
    {
        func pooled(_ values: [String], _ dimension: CrossDimension) -> [String] {
            switch dimension {
            case .district: values.flatMap { spec.districtPools.pools[$0] ?? [$0] }
            case .kind: values.flatMap { spec.kindPools.pools[$0] ?? [$0] }
            default: values
            }
        }
        var partitions: [String: [String]] = [:]
        if spec.rows != .theme && !multiResponseRows { partitions[spec.rows.description] = pooled(rowValues, spec.rows) }
        if spec.cols != .theme && !multiResponseCols { partitions[spec.cols.description] = pooled(colValues, spec.cols) }
        return partitions
    }

    /// Tabulates counts already made: `counts[row][col]`, the units with each row and column value, and all units.
    /// `keys` names each number for the ledger (nil: nothing is recorded).
    static func tabulate(
        counts: [[Int]], rowBase: [Int], colBase: [Int], grand: Int, rowValues: [String], colValues: [String],
        multiResponseRows: Bool, multiResponseCols: Bool, spec: CrossSpec, links: Links, keys: FactKeys?
    ) -> CrossTable {
        let parents = spec.codebook?.codebook.parents ?? [:]
        let rowParents = spec.rows == .theme ? parents : [:]
        let colParents = spec.cols == .theme ? parents : [:]
        let title = Self.title(spec)
        let partitions = Self.partitions(
            spec, rowValues: rowValues, colValues: colValues, multiResponseRows: multiResponseRows,
            multiResponseCols: multiResponseCols)
        let rowIndex = Dictionary(rowValues.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let colIndex = Dictionary(colValues.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })

        // MARK: Suppression
        let minCell = max(0, spec.minCell)
        var hidden = counts.map { $0.map { $0 > 0 && $0 < minCell } }
        var hiddenRowTotal = rowBase.map { $0 > 0 && $0 < minCell }
        var hiddenColTotal = colBase.map { $0 > 0 && $0 < minCell }
        var ranges: [SuppressionAudit.Value: ClosedRange<Int>] = [:]
        var unprotectable = false
        var publication: PublishedTable?
        // Numbers hidden here that an earlier output of the same data showed.
        var shownBefore = 0
        // A selection whose own size is hidden (below min-cell, or hidden in another table: a filtered view's whole is
        // a total of the unfiltered table) is withheld whole: its N would give that total away, and every number in it
        // would bound it. Nothing of it is published, so nothing is recorded.
        let grandHidden =
            minCell > 0 && grand > 0
            && (grand < minCell || keys.map { links.known.hidden.contains($0.grand) } == true)
        if grandHidden {
            hidden = counts.map { $0.map { $0 > 0 } }
            hiddenRowTotal = rowBase.map { $0 > 0 }
            hiddenColTotal = colBase.map { $0 > 0 }
        }
        // A line adds up to its total where a reader knows it must: each unit in one value across it (or
        // mentions, whose bases are sums). Where units can have several values, cells that happen to add up
        // to the total are a coincidence no reader can count on, and no fact.
        let rowsSingle = spec.weighted || !multiResponseCols
        let colsSingle = spec.weighted || !multiResponseRows
        let rowAdditive = rowValues.indices.map { rowsSingle && counts[$0].reduce(0, +) == rowBase[$0] }
        let colAdditive = colValues.indices.map { c in colsSingle && counts.reduce(0) { $0 + $1[c] } == colBase[c] }
        let rowTotalsAdditive = colsSingle && rowBase.reduce(0, +) == grand
        let colTotalsAdditive = rowsSingle && colBase.reduce(0, +) == grand
        let rowParent = rowValues.map { rowParents[$0].flatMap { rowIndex[$0] } }
        let colParent = colValues.map { colParents[$0].flatMap { colIndex[$0] } }
        // Published without protection (--min-cell 0): recorded all the same, everything shown.
        if minCell == 0, let keys = keys {
            let none = counts.map { $0.map { _ in false } }
            publication = PublishedTable(
                title: title, minCell: 0, keys: keys.positions,
                table: SuppressionAudit.Table(
                    counts: counts, rowBase: rowBase, colBase: colBase, grand: grand, hidden: none,
                    hiddenRowTotal: rowBase.map { _ in false }, hiddenColTotal: colBase.map { _ in false }, rowAdditive: rowAdditive,
                    colAdditive: colAdditive, rowTotalsAdditive: rowTotalsAdditive, colTotalsAdditive: colTotalsAdditive,
                    rowParent: rowParent, colParent: colParent),
                partitions: partitions)
        }
        if minCell > 0 && !grandHidden {
            for r in rowValues.indices where hiddenRowTotal[r] { for c in colValues.indices where counts[r][c] > 0 { hidden[r][c] = true } }
            for c in colValues.indices where hiddenColTotal[c] { for r in rowValues.indices where counts[r][c] > 0 { hidden[r][c] = true } }
            for (r, row) in rowValues.enumerated() {
                for (c, col) in colValues.enumerated() where counts[r][c] > 0 && links.cells.contains(row + "\u{1F}" + col) {
                    hidden[r][c] = true
                }
            }
            // Totals a linked table hides: hidden, their cells left to the protection below.
            for (r, value) in rowValues.enumerated() where links.rowTotals.contains(value) && rowBase[r] > 0 {
                hiddenRowTotal[r] = true
            }
            for (c, value) in colValues.enumerated() where links.colTotals.contains(value) && colBase[c] > 0 {
                hiddenColTotal[c] = true
            }
            // What other outputs hid is hidden here too; what they showed is known, and never hidden for another.
            var fixed = Set<Int>()
            if let keys = keys, !links.known.isEmpty {
                let cols = colValues.count
                for (position, key) in keys.positions.enumerated() {
                    if links.known.hidden.contains(key) {
                        // Zeros too: a zero another table hid is not known to be one.
                        switch position {
                        case ..<(rowValues.count * cols): hidden[position / cols][position % cols] = true
                        case ..<(rowValues.count * cols + rowValues.count): hiddenRowTotal[position - rowValues.count * cols] = true
                        default: hiddenColTotal[position - rowValues.count * cols - rowValues.count] = true
                        }
                    } else if links.known.shown.contains(key) {
                        fixed.insert(position)
                    }
                }
            }
            // Secondary suppression: the fewest further people hidden so that no hidden count can be worked out
            // from what the table shows (SecondarySuppression).
            let table = SuppressionAudit.Table(
                counts: counts, rowBase: rowBase, colBase: colBase, grand: grand, hidden: hidden, hiddenRowTotal: hiddenRowTotal,
                hiddenColTotal: hiddenColTotal, rowAdditive: rowAdditive, colAdditive: colAdditive,
                rowTotalsAdditive: rowTotalsAdditive, colTotalsAdditive: colTotalsAdditive, rowParent: rowParent, colParent: colParent)
            // Chosen on the canonical orientation, so the table turned the other way hides the same numbers.
            let turned = table.prefersTransposed
            var protection = SecondarySuppression(
                turned ? table.transposed : table, minCell: minCell, fixed: turned ? Set(fixed.map(table.transposedPosition)) : fixed)
            protection.protect()
            let published = turned ? protection.published.transposed : protection.published
            hidden = published.hidden
            hiddenRowTotal = published.hiddenRowTotal
            hiddenColTotal = published.hiddenColTotal
            unprotectable = protection.unprotectable
            if spec.audit { ranges = SuppressionAudit.ranges(published) }
            if let keys = keys {
                publication = PublishedTable(
                    title: title, minCell: minCell, keys: keys.positions, table: published, partitions: partitions)
                let hiddenNow = Array(published.hidden.joined()) + published.hiddenRowTotal + published.hiddenColTotal
                shownBefore = fixed.filter { hiddenNow[$0] }.count
            }
        }

        // MARK: Cells
        var cells: [CrossTable.Cell] = []
        for (r, row) in rowValues.enumerated() {
            for (c, col) in colValues.enumerated() {
                let base: Int?
                let baseHidden: Bool
                switch spec.percent {
                case .col: (base, baseHidden) = (colBase[c], hiddenColTotal[c])
                case .row: (base, baseHidden) = (rowBase[r], hiddenRowTotal[r])
                case .total: (base, baseHidden) = (grand, grandHidden)
                case .none: (base, baseHidden) = (nil, false)
                }
                let suppressed = hidden[r][c]
                var percent: Double?
                if !suppressed && !baseHidden, let base, base > 0 { percent = Double(counts[r][c]) / Double(base) * 100 }
                cells.append(
                    .init(
                        row: row, col: col, n: suppressed ? nil : counts[r][c], base: baseHidden ? nil : base, percent: percent,
                        suppressed: suppressed))
            }
        }

        // MARK: Statistics
        var stats: CrossTable.Stats?
        if spec.stats {
            // From what may be shown only: χ² of the whole table would let hidden cells be worked out.
            stats = ProtectedStatistics.compute(
                counts: counts, rowBase: rowBase, colBase: colBase, rowValues: rowValues, colValues: colValues, hidden: hidden,
                hiddenRowTotal: hiddenRowTotal, hiddenColTotal: hiddenColTotal, multiResponseRows: multiResponseRows,
                multiResponseCols: multiResponseCols)
        }

        var notes: [String] = []
        if multiResponseRows || multiResponseCols {
            notes.append(
                "multi-response: a \(spec.unit.rawValue.dropLast()) can count in several \(multiResponseRows ? "rows" : "columns"), so percentages do not sum to 100"
            )
        }
        if minCell > 0 && hidden.joined().contains(true) {
            notes.append(
                "cells with fewer than \(minCell) \(spec.unit.rawValue), and enough others that none can be worked out from the totals, are suppressed"
            )
        }
        if shownBefore > 0 {
            notes.append(
                "\(shownBefore) of the hidden values were shown by an earlier output of the same data (publication ledger): hiding them here protects nothing"
            )
        }
        if unprotectable {
            notes.append("some suppressed values can be narrowed to fewer than \(minCell) possibilities from what the table shows")
        }
        let audit: [CrossTable.Range]? =
            spec.audit
            ? ranges.keys.sorted().map { value in
                let range = ranges[value] ?? 0...0
                switch value {
                case .cell(let r, let c):
                    return .init(row: rowValues[r], col: colValues[c], lower: range.lowerBound, upper: range.upperBound)
                case .rowTotal(let r): return .init(row: rowValues[r], col: nil, lower: range.lowerBound, upper: range.upperBound)
                case .colTotal(let c): return .init(row: nil, col: colValues[c], lower: range.lowerBound, upper: range.upperBound)
                }
            } : nil
        var table = CrossTable(
            rows: spec.rows.description, cols: spec.cols.description, unit: spec.unit, percentBase: spec.percent, rowValues: rowValues,
            colValues: colValues, multiResponseRows: multiResponseRows, multiResponseCols: multiResponseCols,
            cells: cells,
            rowTotals: rowValues.indices.map {
                .init(value: rowValues[$0], n: hiddenRowTotal[$0] ? nil : rowBase[$0], suppressed: hiddenRowTotal[$0])
            },
            colTotals: colValues.indices.map {
                .init(value: colValues[$0], n: hiddenColTotal[$0] ? nil : colBase[$0], suppressed: hiddenColTotal[$0])
            },
            total: grand, minCell: minCell, stats: stats, notes: notes, audit: audit)
        table.publication = publication
        if grandHidden {
            table.totalSuppressed = true
            table.notes.append(
                "the selection's own size is hidden (below \(minCell), or hidden in another table of the same data), so nothing of it is shown"
            )
        }
        return table
    }
}
