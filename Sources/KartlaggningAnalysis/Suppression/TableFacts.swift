/// Everything a reader of a published table knows, as linear facts over all its numbers — every cell and every row
/// and column total, hidden or not: lines that add up to their totals, totals that add up to the whole, a cell at
/// most its line's total where a line does not add up (multi-response), a parent theme at least each child and at
/// most its children together (where the data bears that out), no count negative or above the whole.
///
/// Which numbers are hidden is not part of the facts: the audit substitutes the shown ones (`constraints(over:)`),
/// and a move of hidden numbers that keeps every fact (`step(_:)`) proves how far they can go without a solver.
struct TableFacts {
    /// One linear fact: `Σ coefficient · number  relation  bound`, over positions.
    struct Fact {
        var terms: [(position: Int, coefficient: Int)]
        var relation: LinearProgram.Relation
        var bound: Int
        /// `bound − Σ terms` at the true numbers (≥ 0 for ≤ facts, 0 for equalities, ≤ 0 for ≥ facts).
        var slack: Int
    }

    let rows: Int
    let cols: Int
    let grand: Int
    /// The true number at each position (cells row by row, then row totals, then column totals).
    private(set) var truth: [Int]
    private(set) var facts: [Fact] = []
    /// The facts each position appears in, with its coefficient there.
    private(set) var factsOf: [[(fact: Int, coefficient: Int)]]
    /// Each row's and each column's ancestors (nearest first).
    private(set) var rowAncestors: [[Int]]
    private(set) var colAncestors: [[Int]]

    /// The true number at each position of `table`, in the facts' order (what `truth` holds).
    static func truth(of table: SuppressionAudit.Table) -> [Int] {
        table.counts.joined() + table.rowBase + table.colBase
    }

    init(_ table: SuppressionAudit.Table) {
        rows = table.rowBase.count
        cols = table.colBase.count
        grand = max(table.grand, 0)
        truth = Self.truth(of: table)
        factsOf = Array(repeating: [], count: truth.count)
        func ancestors(_ parent: [Int?]) -> [[Int]] {
            parent.indices.map { start in
                var chain: [Int] = []
                var next = parent[start]
                while let p = next, !chain.contains(p), p != start {
                    chain.append(p)
                    next = parent[p]
                }
                return chain
            }
        }
        rowAncestors = ancestors(table.rowParent)
        colAncestors = ancestors(table.colParent)
        let (rows, cols) = (rows, cols)
        for r in 0..<rows {
            let cells = (0..<cols).map { (position(cell: r, $0), 1) }
            if table.rowAdditive[r] {
                add(cells + [(rowTotal(r), -1)], .equal, 0)
            } else {
                for cell in cells { add([cell, (rowTotal(r), -1)], .atMost, 0) }
            }
        }
        for c in 0..<cols {
            let cells = (0..<rows).map { (position(cell: $0, c), 1) }
            if table.colAdditive[c] {
                add(cells + [(colTotal(c), -1)], .equal, 0)
            } else {
                for cell in cells { add([cell, (colTotal(c), -1)], .atMost, 0) }
            }
        }
        if table.rowTotalsAdditive { add((0..<rows).map { (rowTotal($0), 1) }, .equal, table.grand) }
        if table.colTotalsAdditive { add((0..<cols).map { (colTotal($0), 1) }, .equal, table.grand) }
        // A parent theme holds at least what each child holds, cell by cell and in total; and, where no unit has the
        // parent without one of the children, at most what the children hold together.
        addHierarchy(parents: table.rowParent, lines: cols) { member, line in line.map { member * cols + $0 } ?? rows * cols + member }
        addHierarchy(parents: table.colParent, lines: rows) { member, line in
            line.map { $0 * cols + member } ?? rows * cols + rows + member
        }
    }

    /// The hierarchy's facts for rows or columns (`parents`), in each of the `lines` across them and in total
    /// (`number(member, line)`: the position of a member's number in a line, or its total for nil).
    private mutating func addHierarchy(parents: [Int?], lines: Int, number: (Int, Int?) -> Int) {
        for p in parents.indices {
            let children = parents.indices.filter { parents[$0] == p && $0 != p }
            guard !children.isEmpty else { continue }
            for line in Array(0..<lines).map(Optional.some) + [nil] {
                let parent = number(p, line)
                let kids = children.map { number($0, line) }
                for kid in kids { add([(parent, 1), (kid, -1)], .atLeast, 0) }
                if truth[parent] <= kids.reduce(0, { $0 + truth[$1] }) { add([(parent, 1)] + kids.map { ($0, -1) }, .atMost, 0) }
            }
        }
    }

    /// The same facts in memory of their own (every array copied): threads that each read their own copy do not
    /// contend for the arrays' shared reference counts, which costs more than the copy.
    func separateCopy() -> TableFacts {
        var copy = self
        copy.truth = truth.map { $0 }
        copy.facts = facts.map { Fact(terms: $0.terms.map { $0 }, relation: $0.relation, bound: $0.bound, slack: $0.slack) }
        copy.factsOf = factsOf.map { $0.map { $0 } }
        copy.rowAncestors = rowAncestors.map { $0.map { $0 } }
        copy.colAncestors = colAncestors.map { $0.map { $0 } }
        return copy
    }

    /// How the positions are numbered.
    var grid: BorderGrid { BorderGrid(rows: rows, cols: cols) }

    func position(cell r: Int, _ c: Int) -> Int { grid.cell(r, c) }
    func rowTotal(_ r: Int) -> Int { grid.rowTotal(r) }
    func colTotal(_ c: Int) -> Int { grid.colTotal(c) }

    /// The position of a value, and back.
    func position(_ value: SuppressionAudit.Value) -> Int {
        switch value {
        case .cell(let r, let c): position(cell: r, c)
        case .rowTotal(let r): rowTotal(r)
        case .colTotal(let c): colTotal(c)
        }
    }

    func value(at position: Int) -> SuppressionAudit.Value {
        if position < rows * cols { return .cell(position / cols, position % cols) }
        if position < rows * cols + rows { return .rowTotal(position - rows * cols) }
        return .colTotal(position - rows * cols - rows)
    }

    private mutating func add(_ terms: [(Int, Int)], _ relation: LinearProgram.Relation, _ bound: Int) {
        var merged: [Int: Int] = [:]
        for (position, coefficient) in terms { merged[position, default: 0] += coefficient }
        let kept = merged.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { (position: $0.key, coefficient: $0.value) }
        guard !kept.isEmpty else { return }
        let slack = bound - kept.reduce(0) { $0 + $1.coefficient * truth[$1.position] }
        for term in kept { factsOf[term.position].append((facts.count, term.coefficient)) }
        facts.append(Fact(terms: kept, relation: relation, bound: bound, slack: slack))
    }

    /// The facts over the hidden positions (`index`: position → variable), the shown numbers moved into the bound.
    func constraints(over index: [Int: Int]) -> [LinearProgram.Constraint] {
        facts.compactMap { fact in
            var terms: [Int: Double] = [:]
            var bound = Double(fact.bound)
            for term in fact.terms {
                if let j = index[term.position] {
                    terms[j, default: 0] += Double(term.coefficient)
                } else {
                    bound -= Double(term.coefficient * truth[term.position])
                }
            }
            return terms.isEmpty ? nil : LinearProgram.Constraint(terms: terms, relation: fact.relation, bound: bound)
        }
    }

    /// How much each fact `direction` touches moves per step (facts that do not move left out), in the order met.
    private func moves(_ direction: [Int: Int]) -> [(fact: Int, moved: Int)] {
        let changes = direction.sorted { $0.key < $1.key }
        let met = changes.reduce(0) { $0 + factsOf[$1.key].count }
        var moved: [(fact: Int, moved: Int)] = []
        moved.reserveCapacity(met)
        // Each fact's place in `moved`, found by an open-addressing table on the stack at most half full: a parent
        // theme's number is in a fact with each child, and a search along `moved` for each grew with the square.
        var capacity = 16
        while capacity < met * 2 { capacity *= 2 }
        let mask = capacity - 1
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: capacity) { slots in
            slots.initialize(repeating: -1)
            for (position, change) in changes {
                for (fact, coefficient) in factsOf[position] {
                    var slot = (fact &* 0x9E37_79B1) & mask
                    while true {
                        let at = Int(slots[slot])
                        if at < 0 {
                            slots[slot] = Int32(moved.count)
                            moved.append((fact, coefficient * change))
                            break
                        }
                        if moved[at].fact == fact {
                            moved[at].moved += coefficient * change
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        moved.removeAll { $0.moved == 0 }
        return moved
    }

    /// `direction` with each equality it breaks mended by moving one more number of that equality (`price` says
    /// what moving a position costs, nil where it may not move; `fixed` never moves): a line that adds up by
    /// coincidence, say, needs its total to move with both a child and its parent. The few cheapest ways, tried in
    /// turn (a number that cannot go down makes a way useless one way round); none where nothing mends it.
    func mended(_ direction: [Int: Int], fixed: Int, price: (Int) -> Int?, depth: Int = 4) -> [[Int: Int]] {
        guard let broken = moves(direction).first(where: { facts[$0.fact].relation == .equal }) else { return [direction] }
        guard depth > 0 else { return [] }
        let choices = facts[broken.fact].terms.compactMap { term -> (cost: Int, position: Int, coefficient: Int)? in
            guard term.position != fixed, broken.moved % term.coefficient == 0, let cost = price(term.position) else { return nil }
            // A number not moving yet is preferred to one that is: mending should not undo the move.
            return (cost * 2 + (direction[term.position] == nil ? 0 : 1), term.position, term.coefficient)
        }
        // The three cheapest, picked in one pass (an equality can run the width of the table).
        var cheapest: [(cost: Int, position: Int, coefficient: Int)] = []
        for choice in choices {
            let index = cheapest.firstIndex { ($0.cost, $0.position) > (choice.cost, choice.position) } ?? cheapest.count
            if index < 3 {
                cheapest.insert(choice, at: index)
                if cheapest.count > 3 { cheapest.removeLast() }
            }
        }
        var results: [[Int: Int]] = []
        for choice in cheapest {
            var next = direction
            next[choice.position, default: 0] -= broken.moved / choice.coefficient
            if next[choice.position] == 0 { next[choice.position] = nil }
            results += mended(next, fixed: fixed, price: price, depth: depth - 1)
            if results.count >= 6 { break }
        }
        return results
    }

    /// How far the numbers can move from the truth along `direction` (position → change per step) and still keep
    /// every fact: the largest whole t ≥ 0 with truth + t · direction a possible table. Every point between is
    /// possible too (the facts are linear), so each hidden number in the direction takes t + 1 values at least.
    func step(_ direction: [Int: Int]) -> Int { steps(direction).forward }

    /// How far `direction` can go each way before one of its numbers falls below zero or rises above the whole, in
    /// steps of its change (`Int.max` where nothing moves): what `steps` gives at most.
    func room(_ direction: [Int: Int]) -> (forward: Int, backward: Int) {
        var (forward, backward) = (Int.max, Int.max)
        for (position, change) in direction where change != 0 {
            let down = truth[position] / abs(change)
            let up = max(0, grand - truth[position]) / abs(change)
            forward = min(forward, change < 0 ? down : up)
            backward = min(backward, change < 0 ? up : down)
        }
        return (forward, backward)
    }

    /// `step` along `direction` and against it, from one pass over the facts it moves (a move is always tried both
    /// ways).
    func steps(_ direction: [Int: Int]) -> (forward: Int, backward: Int) {
        var (forward, backward) = room(direction)
        for (f, moved) in moves(direction) {
            let fact = facts[f]
            switch fact.relation {
            case .equal: return (0, 0)
            case .atMost:
                if moved > 0 { forward = min(forward, max(0, fact.slack) / moved) }
                if moved < 0 { backward = min(backward, max(0, fact.slack) / -moved) }
            case .atLeast:
                if moved < 0 { forward = min(forward, max(0, -fact.slack) / -moved) }
                if moved > 0 { backward = min(backward, max(0, -fact.slack) / moved) }
            }
            if forward == 0 && backward == 0 { return (0, 0) }
        }
        return (forward == Int.max ? 0 : forward, backward == Int.max ? 0 : backward)
    }
}
