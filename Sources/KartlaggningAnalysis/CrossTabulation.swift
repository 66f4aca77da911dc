import KartlaggningCore

/// Counts units into a table and protects it: percentages of the chosen base, small cells suppressed with
/// enough further cells that no hidden value can be recovered from the totals shown, and χ² statistics.
public enum CrossTabulation {
    /// How one table is tabulated: what a `CrossSpec` says, with the multi-response flags its counts carry and the
    /// theme tree as parents. Tests set it directly to tabulate hand-made units.
    struct Options: Sendable {
        var rows = "rows"
        var cols = "cols"
        var unit = CountUnit.respondents
        var percent = PercentBase.col
        /// Cells with 0 < n < minCell are suppressed; 0 turns suppression off.
        var minCell = CrossSpec.defaultMinCell
        var stats = false
        var multiResponseRows = false
        var multiResponseCols = false
        /// Mentions: bases are sums of cells, not counts of units.
        var weighted: Bool { unit == .mentions }
        /// Each row value's parent (themes): a parent's cell counts its children's units too, so a cell hidden in a
        /// child is hidden in its ancestors, lest parent minus shown siblings give it away.
        var rowParents: [String: String] = [:]
        /// The same for column values.
        var colParents: [String: String] = [:]
        /// Keep each suppressed value's feasible range in the table (`crosstab --audit`).
        var audit = false
        /// Totals hidden because the table they sit in hides the same count (a filtered view's total is a cell of the
        /// unfiltered table): hidden to start with, and protected as hidden totals are.
        var linkedRowTotals: Set<String> = []
        var linkedColTotals: Set<String> = []
        /// Cells the unfiltered table hides (`row` and `col` joined by U+001F): a filtered view's cell is part of it,
        /// so showing it would bound the hidden one from below.
        var linkedCells: Set<String> = []
        /// What each number counts (`FactKeys`), to link it with what other outputs published; nil for hand-made tables.
        var keys: FactKeys?
        /// What outputs of the same data already published (the publication ledger, a report's earlier tables).
        var known = PublishedKnowledge()
        /// The table's name in the ledger.
        var title = ""
        /// Its dimensions whose values partition the units, with every value (`PublishedTable.partitions`).
        var partitions: [String: [String]] = [:]
        /// Pooled areas (`CrossSpec.districtPools`): the partition lists their districts, not the pool.
        var districtPools: [String: [String]] = [:]
        /// Pooled kinds (`CrossSpec.kindPools`), likewise.
        var kindPools: [String: [String]] = [:]

        init() {}

        init(_ spec: CrossSpec) {
            (rows, cols, unit, percent) = (spec.rows.description, spec.cols.description, spec.unit, spec.percent)
            (minCell, stats, audit) = (spec.minCell, spec.stats, spec.audit)
            let parents = spec.codebook?.codebook.parents ?? [:]
            if spec.rows == .theme { rowParents = parents }
            if spec.cols == .theme { colParents = parents }
            let filters = spec.filters.map { "\($0.key)=\($0.value.joined(separator: " or "))" }.sorted()
            title = "\(spec.rows) × \(spec.cols)" + (filters.isEmpty ? "" : ", " + filters.joined(separator: ", "))
            if spec.unit != .respondents { title += " (\(spec.unit.rawValue))" }
            for dimension in [spec.rows, spec.cols] where dimension != .theme { partitions[dimension.description] = [] }
            districtPools = spec.districtPools.pools
            kindPools = spec.kindPools.pools
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
        var options = Options(spec)
        (options.linkedRowTotals, options.linkedColTotals, options.linkedCells) = (linkedRowTotals, linkedColTotals, linkedCells)
        options.keys = FactKeys(spec: spec, rowValues: counted.rowValues, colValues: counted.colValues)
        options.known = known
        var table = tabulate(counted, options: options)
        table.districtPools = spec.districtPools
        table.kindPools = spec.kindPools
        return table
    }

    static func tabulate(_ units: [CrossUnit], rowValues: [String], colValues: [String], options: Options) -> CrossTable {
        tabulate(
            CrossCounts(
                units: units.map { ($0.rows, $0.cols) }, rowValues: rowValues, colValues: colValues, weighted: options.weighted),
            options: options)
    }

    /// Tabulates counts, their multi-response flags taken over.
    static func tabulate(_ counted: CrossCounts, options: Options) -> CrossTable {
        var options = options
        options.multiResponseRows = options.multiResponseRows || counted.multiResponseRows
        options.multiResponseCols = options.multiResponseCols || counted.multiResponseCols
        // A dimension partitions the units where each unit has one of its values (the table lists every value).
        func pooled(_ values: [String], _ dimension: String) -> [String] {
            switch dimension {
            case CrossDimension.district.description: values.flatMap { options.districtPools[$0] ?? [$0] }
            case CrossDimension.kind.description: values.flatMap { options.kindPools[$0] ?? [$0] }
            default: values
            }
        }
        if options.partitions[options.rows] != nil {
            options.partitions[options.rows] = options.multiResponseRows ? nil : pooled(counted.rowValues, options.rows)
        }
        if options.partitions[options.cols] != nil {
            options.partitions[options.cols] = options.multiResponseCols ? nil : pooled(counted.colValues, options.cols)
        }
        return tabulate(
            counts: counted.counts, rowBase: counted.rowBase, colBase: counted.colBase, grand: counted.grand,
            rowValues: counted.rowValues, colValues: counted.colValues, options: options)
    }

    /// Tabulates counts already made: `counts[row][col]`, the units with each row and column value, and all units.
    static func tabulate(
        counts: [[Int]], rowBase: [Int], colBase: [Int], grand: Int, rowValues: [String], colValues: [String], options: Options
    ) -> CrossTable {
        let rowIndex = Dictionary(rowValues.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let colIndex = Dictionary(colValues.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })

        // MARK: Suppression
        let minCell = max(0, options.minCell)
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
            && (grand < minCell || options.keys.map { options.known.hidden.contains($0.grand) } == true)
        if grandHidden {
            hidden = counts.map { $0.map { $0 > 0 } }
            hiddenRowTotal = rowBase.map { $0 > 0 }
            hiddenColTotal = colBase.map { $0 > 0 }
        }
        // A line adds up to its total where a reader knows it must: each unit in one value across it (or
        // mentions, whose bases are sums). Where units can have several values, cells that happen to add up
        // to the total are a coincidence no reader can count on, and no fact.
        let rowsSingle = options.weighted || !options.multiResponseCols
        let colsSingle = options.weighted || !options.multiResponseRows
        let rowAdditive = rowValues.indices.map { rowsSingle && counts[$0].reduce(0, +) == rowBase[$0] }
        let colAdditive = colValues.indices.map { c in colsSingle && counts.reduce(0) { $0 + $1[c] } == colBase[c] }
        let rowTotalsAdditive = colsSingle && rowBase.reduce(0, +) == grand
        let colTotalsAdditive = rowsSingle && colBase.reduce(0, +) == grand
        let rowParent = rowValues.map { options.rowParents[$0].flatMap { rowIndex[$0] } }
        let colParent = colValues.map { options.colParents[$0].flatMap { colIndex[$0] } }
        // Published without protection (--min-cell 0): recorded all the same, everything shown.
        if minCell == 0, let keys = options.keys {
            let none = counts.map { $0.map { _ in false } }
            publication = PublishedTable(
                title: options.title, minCell: 0, keys: keys.positions,
                table: SuppressionAudit.Table(
                    counts: counts, rowBase: rowBase, colBase: colBase, grand: grand, hidden: none,
                    hiddenRowTotal: rowBase.map { _ in false }, hiddenColTotal: colBase.map { _ in false }, rowAdditive: rowAdditive,
                    colAdditive: colAdditive, rowTotalsAdditive: rowTotalsAdditive, colTotalsAdditive: colTotalsAdditive,
                    rowParent: rowParent, colParent: colParent),
                partitions: options.partitions)
        }
        if minCell > 0 && !grandHidden {
            for r in rowValues.indices where hiddenRowTotal[r] { for c in colValues.indices where counts[r][c] > 0 { hidden[r][c] = true } }
            for c in colValues.indices where hiddenColTotal[c] { for r in rowValues.indices where counts[r][c] > 0 { hidden[r][c] = true } }
            for (r, row) in rowValues.enumerated() {
                for (c, col) in colValues.enumerated() where counts[r][c] > 0 && options.linkedCells.contains(row + "\u{1F}" + col) {
                    hidden[r][c] = true
                }
            }
            // Totals a linked table hides: hidden, their cells left to the protection below.
            for (r, value) in rowValues.enumerated() where options.linkedRowTotals.contains(value) && rowBase[r] > 0 {
                hiddenRowTotal[r] = true
            }
            for (c, value) in colValues.enumerated() where options.linkedColTotals.contains(value) && colBase[c] > 0 {
                hiddenColTotal[c] = true
            }
            // What other outputs hid is hidden here too; what they showed is known, and never hidden for another.
            var fixed = Set<Int>()
            if let keys = options.keys, !options.known.isEmpty {
                let cols = colValues.count
                for (position, key) in keys.positions.enumerated() {
                    if options.known.hidden.contains(key) {
                        // Zeros too: a zero another table hid is not known to be one.
                        switch position {
                        case ..<(rowValues.count * cols): hidden[position / cols][position % cols] = true
                        case ..<(rowValues.count * cols + rowValues.count): hiddenRowTotal[position - rowValues.count * cols] = true
                        default: hiddenColTotal[position - rowValues.count * cols - rowValues.count] = true
                        }
                    } else if options.known.shown.contains(key) {
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
            (hidden, hiddenRowTotal, hiddenColTotal) = (published.hidden, published.hiddenRowTotal, published.hiddenColTotal)
            unprotectable = protection.unprotectable
            if options.audit { ranges = SuppressionAudit.ranges(published) }
            if let keys = options.keys {
                publication = PublishedTable(
                    title: options.title, minCell: minCell, keys: keys.positions, table: published, partitions: options.partitions)
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
                switch options.percent {
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
        if options.stats {
            // From what may be shown only: χ² of the whole table would let hidden cells be worked out.
            stats = ProtectedStatistics.compute(
                counts: counts, rowBase: rowBase, colBase: colBase, rowValues: rowValues, colValues: colValues, hidden: hidden,
                hiddenRowTotal: hiddenRowTotal, hiddenColTotal: hiddenColTotal, multiResponseRows: options.multiResponseRows,
                multiResponseCols: options.multiResponseCols)
        }

        var notes: [String] = []
        if options.multiResponseRows || options.multiResponseCols {
            notes.append(
                "multi-response: a \(options.unit.rawValue.dropLast()) can count in several \(options.multiResponseRows ? "rows" : "columns"), so percentages do not sum to 100"
            )
        }
        if minCell > 0 && hidden.joined().contains(true) {
            notes.append(
                "cells with fewer than \(minCell) \(options.unit.rawValue), and enough others that none can be worked out from the totals, are suppressed"
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
            options.audit
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
            rows: options.rows, cols: options.cols, unit: options.unit, percentBase: options.percent, rowValues: rowValues,
            colValues: colValues, multiResponseRows: options.multiResponseRows, multiResponseCols: options.multiResponseCols,
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
