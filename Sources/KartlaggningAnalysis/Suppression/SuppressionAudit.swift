/// What an attacker can work out about each suppressed value from everything a table shows: the shown cells, the
/// row and column totals, the grand total, that a line's cells add up to its total (where they do), that a parent
/// theme's cell holds at least each child's and at most its children's together (`TableFacts`), and that no count
/// is negative. Each suppressed cell's and total's feasible range is the minimum and maximum of a linear program over
/// those facts.
///
/// The constraint matrix of a two-way table is totally unimodular, so the linear bounds are the integer bounds
/// there; with parent/child rows they are outer bounds.
struct SuppressionAudit {
    /// The table as published: which cells and totals are hidden, and which lines add up.
    struct Table: Codable, Sendable, Equatable {
        var counts: [[Int]]
        var rowBase: [Int]
        var colBase: [Int]
        var grand: Int
        var hidden: [[Bool]]
        var hiddenRowTotal: [Bool]
        var hiddenColTotal: [Bool]
        var rowAdditive: [Bool]
        var colAdditive: [Bool]
        var rowTotalsAdditive: Bool
        var colTotalsAdditive: Bool
        var rowParent: [Int?]
        var colParent: [Int?]
    }

    /// A hidden value: a cell, or a row's or a column's total.
    enum Value: Hashable, Comparable {
        case cell(Int, Int)
        case rowTotal(Int)
        case colTotal(Int)
    }

    /// The feasible range of every hidden value.
    static func ranges(_ table: Table) -> [Value: ClosedRange<Int>] {
        solve(table) { _, solver, j, grand in
            guard solver != nil else { return (0, grand) }
            let upper = solver?.maximise([j: 1]) ?? grand
            let lower = -(solver?.maximise([j: -1]) ?? 0)
            return (lower, upper)
        }
    }

    /// Of `among` (hidden values), those with a count of people that the table narrows to fewer than `minCell`
    /// possibilities. Quicker than `ranges`: only the groups holding one of them are solved, and a value whose
    /// maximum lies `minCell` above its true count is safe without its minimum. A group of more than
    /// `largestProgram` hidden values is not solved: its values are reported weak (the caller hides more).
    static func weakValues(
        _ table: Table, facts: TableFacts? = nil, minCell: Int, among: [Value], largestProgram: Int = .max
    ) -> [Value] {
        let facts = facts ?? TableFacts(table)
        let asked = Set(among)
        var weak: [Value] = []
        _ = solve(table, facts: facts, only: asked, largestProgram: largestProgram) { value, solver, j, grand in
            let count = facts.truth[facts.position(value)]
            guard count > 0 else { return (0, grand) }
            guard solver != nil else {
                weak.append(value)
                return (0, grand)
            }
            let upper = solver?.maximise([j: 1]) ?? grand
            if upper - Double(count) >= Double(minCell) - 1e-6 { return (0, upper) }
            let lower = -(solver?.maximise([j: -1]) ?? 0)
            if upper - lower < Double(minCell) - 1e-6 { weak.append(value) }
            return (lower, upper)
        }
        return weak.sorted()
    }

    /// Builds the program of each independent group of hidden values and asks `bounds` for each value's range
    /// (of the values in `only`, when given; a group too large to solve gets a nil solver).
    private static func solve(
        _ table: Table, facts: TableFacts? = nil, only: Set<Value>? = nil, largestProgram: Int = .max,
        bounds: (Value, inout LinearProgram.Solver?, Int, Double) -> (Double, Double)
    ) -> [Value: ClosedRange<Int>] {
        let facts = facts ?? TableFacts(table)
        var values: [Value] = []
        for r in table.counts.indices { for c in table.colBase.indices where table.hidden[r][c] { values.append(.cell(r, c)) } }
        for r in table.rowBase.indices where table.hiddenRowTotal[r] { values.append(.rowTotal(r)) }
        for c in table.colBase.indices where table.hiddenColTotal[c] { values.append(.colTotal(c)) }
        guard !values.isEmpty else { return [:] }
        let index = Dictionary(uniqueKeysWithValues: values.enumerated().map { (facts.position($1), $0) })
        let constraints = facts.constraints(over: index)
        // Values that share no constraint are independent: each group is its own, smaller program.
        var groups = UnionFind(count: values.count)
        var bounded = Set<Int>()
        for constraint in constraints {
            let members = Array(constraint.terms.keys)
            for member in members.dropFirst() { groups.union(members[0], member) }
            // An equality with only positive terms bounds each of them by its right-hand side.
            if constraint.relation == .equal && constraint.terms.values.allSatisfy({ $0 > 0 }) { bounded.formUnion(members) }
        }
        let grand = Double(max(table.grand, 0))
        var ranges: [Value: ClosedRange<Int>] = [:]
        for members in groups.sets() {
            if let only, !members.contains(where: { only.contains(values[$0]) }) { continue }
            var solver: LinearProgram.Solver?
            if members.count <= largestProgram {
                var program = LinearProgram(group: members, of: constraints)
                // A count is at most the grand total: every value is bounded, so no objective is unbounded.
                for (j, member) in members.enumerated() where !bounded.contains(member) { program.add([j: 1], .atMost, grand) }
                guard let prepared = program.prepared() else {
                    // The published table contradicts itself: nothing can be worked out, so report nothing as narrow.
                    for member in members { ranges[values[member]] = 0...max(table.grand, 0) }
                    continue
                }
                solver = prepared
            }
            for (j, member) in members.enumerated() where only?.contains(values[member]) ?? true {
                let (lower, upper) = bounds(values[member], &solver, j, grand)
                let low = max(0, Int((lower - 1e-6).rounded(.up)))
                let high = Int((upper + 1e-6).rounded(.down))
                ranges[values[member]] = low...max(low, high)
            }
        }
        return ranges
    }
}

/// Disjoint sets over 0..<count, for splitting a program into independent parts.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) {
        parent = Array(0..<count)
    }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var node = x
        while parent[node] != root {
            let next = parent[node]
            parent[node] = root
            node = next
        }
        return root
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }

    /// The sets, each in ascending order, ordered by their smallest member.
    mutating func sets() -> [[Int]] {
        var byRoot: [Int: [Int]] = [:]
        for x in parent.indices { byRoot[find(x), default: []].append(x) }
        return byRoot.values.sorted { $0[0] < $1[0] }
    }
}
