import Foundation

#if canImport(Glibc)
    /// glibc's `malloc_trim` (malloc.h, which the Glibc module leaves out).
    @_silgen_name("malloc_trim") private func mallocTrim(_ pad: Int) -> Int32
#endif

/// Chooses the further numbers to hide so that no hidden count of people can be worked out to fewer than `minCell`
/// possibilities, hiding as little as it can — the hypercube method of τ-ARGUS, in two dimensions with totals and a
/// theme hierarchy:
///
/// A hidden number is safe when the hidden numbers can move together, keeping every fact the table shows
/// (`TableFacts`), far enough up and down: along a rectangle of hidden numbers (r, c) (r, c′) (r′, c′) (r′, c) —
/// with totals as the border of the table, the whole in the corner — or along a line that does not add up, with its
/// ancestors' numbers moving alike. Such a move is checked exactly against every fact, so a number it clears is
/// safe. What no move clears is asked of the linear program (`SuppressionAudit`) where its group is small enough to
/// solve quickly, else taken as weak. A weak number gets the cheapest rectangle of inner cells that clears it: the
/// fewest people newly hidden, a whole line of cells only when nothing else will do.
///
/// Totals and the whole are published facts: never chosen to protect a cell, so readers can rely on every margin of
/// at least `minCell`. A total is hidden where it is itself below `minCell` (before this starts); such a total is
/// worked out from the others of its margin unless one more of them goes, so only a hidden total may cost another.
struct SecondarySuppression {
    private(set) var facts: TableFacts
    let minCell: Int
    /// Hidden or not, by position (cells, row totals, column totals: `TableFacts`' order).
    private(set) var hidden: [Bool]
    /// A weak number nothing could clear.
    private(set) var unprotectable = false
    /// Hidden numbers a move of hidden numbers has shown safe, by position. Hiding more never closes that move, so
    /// they stay safe and are not searched again in later rounds.
    private var proven: [Bool]
    /// How many threads search for moves (the search of one number reads the table only), each given at least
    /// `smallestShare` numbers. At most four: every thread but the first holds a copy of the table.
    var workers = min(4, ProcessInfo.processInfo.activeProcessorCount)
    var smallestShare = 64
    /// Groups of at most this many hidden numbers go to the linear program when moves do not clear them.
    var largestProgram = 250
    /// How many of the cheapest shown numbers of a weak number's row and column are tried as its partners.
    var partners = 24

    private let table: SuppressionAudit.Table

    /// Numbers another output already showed (positions): hiding them protects nothing, so they are never chosen.
    private let fixed: Set<Int>

    init(_ table: SuppressionAudit.Table, minCell: Int, fixed: Set<Int> = []) {
        self.table = table
        self.fixed = fixed
        self.facts = TableFacts(table)
        self.minCell = minCell
        let facts = self.facts
        rowDescendants = (0..<facts.rows).map { a in (0..<facts.rows).filter { facts.rowAncestors[$0].contains(a) } }
        colDescendants = (0..<facts.cols).map { a in (0..<facts.cols).filter { facts.colAncestors[$0].contains(a) } }
        rowChains = facts.rowAncestors.contains { !$0.isEmpty } ? [false, true] : [false]
        colChains = facts.colAncestors.contains { !$0.isEmpty } ? [false, true] : [false]
        hidden = table.hidden.joined() + table.hiddenRowTotal + table.hiddenColTotal
        proven = Array(repeating: false, count: hidden.count)
    }

    /// The table as published with the current choice.
    var published: SuppressionAudit.Table {
        var published = table
        let (rows, cols) = (facts.rows, facts.cols)
        published.hidden = (0..<rows).map { r in (0..<cols).map { hidden[facts.position(cell: r, $0)] } }
        published.hiddenRowTotal = (0..<rows).map { hidden[facts.rowTotal($0)] }
        published.hiddenColTotal = (0..<cols).map { hidden[facts.colTotal($0)] }
        return published
    }

    /// Hides further numbers until every hidden count is safe, or nothing more helps (`unprotectable`).
    mutating func protect() {
        guard minCell > 1 else { return }
        for _ in 0..<(hidden.count + 1) {
            // Small totals first: a cell is protected only once the totals around it are, and only they may cost a
            // total.
            let weak = weakPositions().sorted { ($0 < facts.rows * facts.cols ? 1 : 0, $0) < ($1 < facts.rows * facts.cols ? 1 : 0, $1) }
            if weak.isEmpty { return }
            var widened = false
            var stuck: [Int] = []
            for position in weak {
                // Earlier widening in this round may have cleared it.
                let reach = reach(position)
                if reach.up + reach.down >= minCell {
                    proven[position] = true
                    continue
                }
                if widen(position, from: reach) { widened = true } else { stuck.append(position) }
            }
            if !widened {
                // Nothing more to hide: the linear program, however large, has the last word on what is left.
                unprotectable = !SuppressionAudit.weakValues(
                    published, facts: facts, minCell: minCell, among: stuck.map(facts.value(at:))
                ).isEmpty
                return
            }
        }
        unprotectable = true
    }

    /// This search with every array it reads in memory of its own (see `TableFacts.separateCopy`).
    private func separateCopy() -> SecondarySuppression {
        var copy = self
        copy.facts = facts.separateCopy()
        copy.hidden = hidden.map { $0 }
        copy.rowDescendants = rowDescendants.map { $0.map { $0 } }
        copy.colDescendants = colDescendants.map { $0.map { $0 } }
        return copy
    }

    /// The hidden counts of people that no move clears and the linear program (where asked) does not either. The
    /// moves are searched on `workers` threads, each taking every `workers`-th number (the slow ones come in runs).
    private mutating func weakPositions() -> [Int] {
        let open = hidden.indices.filter { hidden[$0] && facts.truth[$0] > 0 && !proven[$0] }
        let workers = max(1, min(workers, open.count / max(smallestShare, 1)))
        let dealt = (0..<workers).flatMap { worker in stride(from: worker, to: open.count, by: workers).map { open[$0] } }
        let search = self
        // The first thread reads the table itself, the others copies of their own.
        let copy: @Sendable (Int) -> SecondarySuppression = { $0 == 0 ? search : search.separateCopy() }
        let safe = ParallelMap.map(dealt, workers: workers, state: copy) { own, position in own.isSafe(position) }
        #if canImport(Glibc)
            // The other threads' allocator arenas keep what they freed: given back, so that it does not add to the peak.
            if workers > 1 { _ = mallocTrim(0) }
        #endif
        var doubtful: [Int] = []
        for (position, safe) in zip(dealt, safe) {
            if safe == true { proven[position] = true } else { doubtful.append(position) }
        }
        if doubtful.isEmpty { return [] }
        doubtful.sort()
        return SuppressionAudit.weakValues(
            published, facts: facts, minCell: minCell, among: doubtful.map(facts.value(at:)), largestProgram: largestProgram
        ).map(facts.position)
    }

    // MARK: The border grid

    /// A place in the table with its totals as the last row and column: (rows, cols) is the whole, never hidden.
    private struct Place: Hashable {
        var row: Int
        var col: Int
    }

    private func place(of position: Int) -> Place {
        switch facts.value(at: position) {
        case .cell(let r, let c): Place(row: r, col: c)
        case .rowTotal(let r): Place(row: r, col: facts.cols)
        case .colTotal(let c): Place(row: facts.rows, col: c)
        }
    }

    private func position(of place: Place) -> Int? {
        facts.grid.position(row: place.row, col: place.col)
    }

    /// A move given on the border grid, where every line sums to what it shows (a total counts negatively in its
    /// line), as changes of the numbers; with `ancestors`, each row's (column's) ancestors moving with it.
    /// Nil where it would move the whole.
    private func direction(_ moves: [(Place, Int)], rowAncestors: Bool, colAncestors: Bool) -> [Int: Int]? {
        let grid = facts.grid
        // Room for every number moved from the start: a dictionary grown a few entries at a time rehashes each time.
        var direction = [Int: Int](minimumCapacity: moves.count * (rowAncestors ? 4 : 1) * (colAncestors ? 4 : 1))
        for (place, change) in moves {
            let rowChain = rowAncestors && place.row < facts.rows ? facts.rowAncestors[place.row] : []
            let colChain = colAncestors && place.col < facts.cols ? facts.colAncestors[place.col] : []
            // The place itself (-1), then its ancestors.
            for i in -1..<rowChain.count {
                let row = i < 0 ? place.row : rowChain[i]
                for j in -1..<colChain.count {
                    let col = j < 0 ? place.col : colChain[j]
                    guard let position = grid.position(row: row, col: col) else { return nil }
                    let isTotal = row == facts.rows || col == facts.cols
                    direction[position, default: 0] += isTotal ? -change : change
                }
            }
        }
        if direction.values.contains(0) { direction = direction.filter { $0.value != 0 } }
        return direction.isEmpty ? nil : direction
    }

    /// The moves through `place`, one at a time until `body` says stop (false): alone, with one other number of its
    /// row or column, or around a rectangle. Made as they are tried: a search that stops early makes few.
    private func forEachMove(
        through place: Place, rows: [Int], cols: [Int], corner: (Int, Int) -> Bool, _ body: ([(Place, Int)]) -> Bool
    ) -> Bool {
        guard body([(place, 1)]) else { return false }
        for col in cols where col != place.col {
            guard body([(place, 1), (Place(row: place.row, col: col), -1)]) else { return false }
        }
        for row in rows where row != place.row {
            guard body([(place, 1), (Place(row: row, col: place.col), -1)]) else { return false }
        }
        for row in rows where row != place.row {
            for col in cols where col != place.col && corner(row, col) {
                let rectangle = [
                    (place, 1), (Place(row: place.row, col: col), -1), (Place(row: row, col: place.col), -1),
                    (Place(row: row, col: col), 1),
                ]
                guard body(rectangle) else { return false }
            }
        }
        return true
    }

    /// Whether moves are tried with ancestors moving alike: only where rows (columns) have any.
    private let rowChains: [Bool]
    private let colChains: [Bool]
    /// Each row's and column's descendants.
    private var rowDescendants: [[Int]]
    private var colDescendants: [[Int]]

    /// The move, plain and with ancestors moving alike, each with the equalities it breaks mended (`price`: what
    /// moving a position costs, nil where it may not move); none that moves a number which may not move.
    private func variants(_ move: [(Place, Int)], keeping position: Int, price: (Int) -> Int?) -> [[Int: Int]] {
        var result: [[Int: Int]] = []
        for rowChain in rowChains {
            for colChain in colChains {
                // A direction that moves a number which may not move is left out before it is mended: mending moves
                // only numbers that may, so that one would stay (and every caller drops such a direction).
                guard let direction = direction(move, rowAncestors: rowChain, colAncestors: colChain),
                    direction.keys.allSatisfy({ price($0) != nil })
                else { continue }
                // Alone or in pairs a move breaks its line wherever the line adds up, and the mended move is
                // another pair or rectangle, tried anyway: only rectangles (with their ancestors) are mended.
                result += move.count == 4 ? facts.mended(direction, fixed: position, price: price) : [direction]
            }
        }
        return result
    }

    private func isHidden(_ place: Place) -> Bool {
        position(of: place).map { hidden[$0] } ?? false
    }

    /// The places whose moves, with their ancestors moving alike, move `place` too: itself, and the same place
    /// in each descendant row or column (a parent theme's number rises only with one of its children's).
    private func origins(of place: Place) -> [Place] {
        let rows = [place.row] + (place.row < facts.rows ? rowDescendants[place.row] : [])
        let cols = [place.col] + (place.col < facts.cols ? colDescendants[place.col] : [])
        return rows.flatMap { row in cols.map { Place(row: row, col: $0) } }
    }

    /// Whether moves of hidden numbers alone take the number at `position` over at least `minCell` values.
    func isSafe(_ position: Int) -> Bool {
        let reach = reach(position)
        return reach.up + reach.down >= minCell
    }

    /// How far moves of hidden numbers alone take the number at `position` up and down (each the best of any move;
    /// the search stops once the two together reach `minCell`). Whether it gets there does not depend on the order
    /// the moves are tried in, nor, when it does not, how far it gets.
    private func reach(_ position: Int) -> (up: Int, down: Int) {
        let at = place(of: position)
        var (up, down) = (0, 0)
        // The closures below capture these, not `self`: a closure over `self` copies the whole search (every array
        // retained and released) each time it is made, once a move.
        let hidden = hidden
        let grid = facts.grid
        let isHidden = { (row: Int, col: Int) in grid.position(row: row, col: col).map { hidden[$0] } ?? false }
        let price = { (position: Int) -> Int? in hidden[position] ? 0 : nil }
        for origin in origins(of: at) where isHidden(origin.row, origin.col) {
            let rows = (0...facts.rows).filter { isHidden($0, origin.col) }
            let cols = (0...facts.cols).filter { isHidden(origin.row, $0) }
            let searched = forEachMove(through: origin, rows: rows, cols: cols, corner: isHidden) { move in
                // Every direction moves hidden numbers alone (`variants` leaves out what moves one that may not move).
                for direction in variants(move, keeping: position, price: price) {
                    let sign = direction[position] ?? 0
                    guard sign != 0 else { continue }
                    // Forward raises the number when its change is positive. A move whose numbers alone cannot
                    // take it further than the best so far need not be checked against the facts.
                    let room = facts.room(direction)
                    if (sign > 0 ? room.forward : room.backward) <= up && (sign > 0 ? room.backward : room.forward) <= down {
                        continue
                    }
                    let (forward, backward) = facts.steps(direction)
                    up = max(up, sign > 0 ? forward : backward)
                    down = max(down, sign > 0 ? backward : forward)
                    if up + down >= minCell { return false }
                }
                return true
            }
            if !searched { return (up, down) }
        }
        return (up, down)
    }

    /// What hiding `position` costs: the people no longer shown. A shown total is never hidden for a cell (nil), and
    /// for a hidden total costs far more than any cell.
    private func cost(_ position: Int, protectingTotal: Bool) -> Int? {
        if hidden[position] { return 0 }
        if fixed.contains(position) { return nil }
        if position < facts.rows * facts.cols { return facts.truth[position] + 1 }
        return protectingTotal ? facts.truth[position] + 1 + facts.grand + 1 : nil
    }

    /// Hides the cheapest set of further numbers that lets the number at `position` move `minCell` values;
    /// failing that its whole row or column (`reach`: how far moves already take it). False when nothing more can be
    /// hidden for it.
    private mutating func widen(_ position: Int, from reach: (up: Int, down: Int)) -> Bool {
        let at = place(of: position)
        let protectingTotal = position >= facts.rows * facts.cols
        func cost(_ position: Int) -> Int? { self.cost(position, protectingTotal: protectingTotal) }
        // What moves of hidden numbers already give it.
        var best: (cost: Int, room: Int, positions: [Int])?
        // Candidates that help without being enough alone: tried together with what they make possible below.
        var partial: [(cost: Int, positions: [Int])] = []
        let (up0, down0) = reach
        func placeCost(_ place: Place) -> Int { self.position(of: place).flatMap(cost) ?? Int.max / 4 }
        func consider(_ move: [(Place, Int)]) {
            // Every direction moves only numbers with a cost (`variants` leaves out the rest).
            for direction in variants(move, keeping: position, price: { cost($0) }) {
                guard let sign = direction[position], sign != 0 else { continue }
                let newly = direction.keys.filter { !hidden[$0] }
                let price = newly.reduce(0) { $0 + (cost($1) ?? 0) }
                if let best, price > best.cost { continue }
                let (forward, backward) = facts.steps(direction)
                let (up, down) = sign > 0 ? (forward, backward) : (backward, forward)
                let room = max(up, up0) + max(down, down0)
                let positions = newly.sorted()
                guard room >= minCell else {
                    if up + down > 0 && !positions.isEmpty { partial.append((price, positions)) }
                    continue
                }
                if best.map({
                    (price, -room) < ($0.cost, -$0.room)
                        || ((price, -room) == ($0.cost, -$0.room) && positions.lexicographicallyPrecedes($0.positions))
                }) ?? true {
                    best = (price, room, positions)
                }
            }
        }
        for origin in origins(of: at) {
            // The cheapest partners first, and no more than `partners` of them beyond the hidden ones.
            // Each line's costs worked out once, then sorted (a line can run the width of 3,000 areas).
            func cheapest(_ lines: [(cost: Int, line: Int)]) -> [Int] {
                lines.sorted { ($0.cost, $0.line) < ($1.cost, $1.line) }.enumerated()
                    .filter { $0.offset < partners || $0.element.cost == 0 }.map(\.element.line)
            }
            let rows = cheapest((0...facts.rows).filter { $0 != origin.row }.map { (placeCost(Place(row: $0, col: origin.col)), $0) })
            let cols = cheapest((0...facts.cols).filter { $0 != origin.col }.map { (placeCost(Place(row: origin.row, col: $0)), $0) })
            let own = placeCost(origin)
            if let best, own >= best.cost { continue }
            consider([(origin, 1)])
            for col in cols { consider([(origin, 1), (Place(row: origin.row, col: col), -1)]) }
            for row in rows { consider([(origin, 1), (Place(row: row, col: origin.col), -1)]) }
            for col in cols {
                let colCost = own + placeCost(Place(row: origin.row, col: col))
                if let best, colCost >= best.cost { break }
                for row in rows {
                    let rowCost = placeCost(Place(row: row, col: origin.col))
                    if let best, colCost + rowCost >= best.cost { break }
                    if row == facts.rows && col == facts.cols { continue }
                    consider([
                        (origin, 1), (Place(row: origin.row, col: col), -1), (Place(row: row, col: origin.col), -1),
                        (Place(row: row, col: col), 1),
                    ])
                }
            }
        }
        if best == nil {
            // Two moves, each too short alone, may do together: the cheapest helpers, hidden in turn, and checked.
            var tried = Set<[Int]>()
            for candidate in partial.sorted(by: {
                $0.cost != $1.cost ? $0.cost < $1.cost : $0.positions.lexicographicallyPrecedes($1.positions)
            })
            where tried.insert(candidate.positions).inserted {
                if tried.count > 8 { break }
                let before = hidden
                for p in candidate.positions { hidden[p] = true }
                let safe = isSafe(position)
                hidden = before
                if safe {
                    best = (candidate.cost, 0, candidate.positions)
                    break
                }
            }
        }
        if let best, !best.positions.isEmpty {
            for position in best.positions { hidden[position] = true }
            return true
        }
        // No rectangle will do: the cells of its row, else of its column (a cell's lines; a total's own); a hidden
        // total's margin as a last resort.
        let lines: [[Int]] = [
            at.row < facts.rows ? (0..<facts.cols).map { facts.position(cell: at.row, $0) } : [],
            at.col < facts.cols ? (0..<facts.rows).map { facts.position(cell: $0, at.col) } : [],
            protectingTotal && at.col == facts.cols ? (0..<facts.rows).map(facts.rowTotal) : [],
            protectingTotal && at.row == facts.rows ? (0..<facts.cols).map(facts.colTotal) : [],
        ]
        for line in lines {
            let newly = line.filter { !hidden[$0] && facts.truth[$0] > 0 && !fixed.contains($0) }
            if !newly.isEmpty {
                for position in newly { hidden[position] = true }
                return true
            }
        }
        return false
    }
}
