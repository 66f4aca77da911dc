import KartlaggningModel

/// Areas with too few answers to a question to break out, reported together as statistics offices do: an area whose
/// base is below `minBase` is counted in its registry group (service town and hinterland), or where that is still
/// too small, in "Övriga områden". Where that too stays below `minBase`, the smallest column shown joins it, until it
/// reaches `minBase` — so every column shown rests on at least `minBase` answers, and no share of 100 % or 0 % of a
/// handful of people (which says something about each of them) is printed for an area.
///
/// Only an arrangement of columns: every count is still counted once, and a pool's numbers are named as counts of all
/// its areas (`CrossSpec.districtPools`, an `AreaPools`), so protection and the publication ledger know what they are.
public struct AreaPooling: Sendable, Equatable {
    /// An area needs at least this many answers to a question to be shown on its own; 0 or 1 turns pooling off.
    public var minBase: Int
    /// Each area's registry group, where it has one.
    public var groups: [String: String]
    /// The name of the pool of areas without a group large enough ("Övriga områden").
    public var other: String
    /// How a group's pool is named where some of its areas are shown on their own ("%@, övriga").
    public var groupRest: @Sendable (String) -> String

    public init(minBase: Int, groups: [String: String] = [:], other: String, groupRest: @escaping @Sendable (String) -> String) {
        self.minBase = minBase
        self.groups = groups
        self.other = other
        self.groupRest = groupRest
    }

    public static func == (a: AreaPooling, b: AreaPooling) -> Bool {
        (a.minBase, a.groups, a.other, a.groupRest("·")) == (b.minBase, b.groups, b.other, b.groupRest("·"))
    }

    /// The plan for areas with these bases (answers to the question), in the table's order. Areas with no answers are
    /// left as they are (a table drops empty columns).
    public func plan(_ bases: [(area: String, n: Int)]) -> AreaPools {
        guard minBase > 1 else { return AreaPools() }
        let answered = bases.filter { $0.n > 0 }
        let small = answered.filter { $0.n < minBase }
        guard !small.isEmpty else { return AreaPools() }
        let size = Dictionary(answered.map { ($0.area, $0.n) }, uniquingKeysWith: +)
        let names = Set(bases.map(\.area))
        /// A pool's name, told apart from every area's.
        func distinct(_ name: String) -> String {
            var candidate = name
            while names.contains(candidate) { candidate += " *" }
            return candidate
        }
        // Shown columns: (name, areas), in the table's order.
        var columns: [(name: String, areas: [String])] = []
        var rest: [String] = []
        // 1. Small areas into their group: where together they reach minBase, the group's pool is a column.
        var groupOf: [String: [String]] = [:]
        var groupOrder: [String] = []
        for (area, _) in small {
            guard let group = groups[area] else { continue }
            if groupOf[group] == nil { groupOrder.append(group) }
            groupOf[group, default: []].append(area)
        }
        var pooledIn: [String: String] = [:]
        for group in groupOrder {
            let members = groupOf[group] ?? []
            guard members.count > 1, members.reduce(0, { $0 + (size[$1] ?? 0) }) >= minBase else { continue }
            let whole = answered.filter { groups[$0.area] == group }.count == members.count
            let name = distinct(whole ? group : groupRest(group))
            for area in members { pooledIn[area] = name }
        }
        var placed = Set<String>()
        for (area, n) in answered {
            if n >= minBase {
                columns.append((area, [area]))
            } else if let pool = pooledIn[area] {
                if placed.insert(pool).inserted { columns.append((pool, [])) }
                if let i = columns.firstIndex(where: { $0.name == pool }) { columns[i].areas.append(area) }
            } else {
                rest.append(area)
            }
        }
        // 2. The rest in `other`; 3. while that is too small, the smallest column joins it (the last of equals).
        func total(_ areas: [String]) -> Int { areas.reduce(0) { $0 + (size[$1] ?? 0) } }
        while !rest.isEmpty && total(rest) < minBase && !columns.isEmpty {
            var smallest = 0
            for (i, column) in columns.enumerated() where total(column.areas) <= total(columns[smallest].areas) { smallest = i }
            rest += columns.remove(at: smallest).areas
        }
        var plan = AreaPools()
        for column in columns where column.areas.count > 1 || column.areas.first != column.name {
            plan.pools[column.name] = column.areas
            plan.order.append(column.name)
        }
        if !rest.isEmpty {
            let name = distinct(other)
            // Keep the areas in the table's order.
            let position = Dictionary(bases.enumerated().map { ($1.area, $0) }, uniquingKeysWith: { first, _ in first })
            plan.pools[name] = rest.sorted { (position[$0] ?? 0) < (position[$1] ?? 0) }
            plan.order.append(name)
            plan.rest = name
        }
        plan.nothingBrokenOut = columns.isEmpty
        plan.minBase = minBase
        return plan
    }
}

extension CrossCounts {
    /// The counts with each pool's areas (the columns, or the rows) added into one: a group's pool where its first
    /// area stood, the pool of the rest last. The other side's bases are unchanged: each unit is in one area.
    public func pooling(_ plan: AreaPools, areasAreColumns: Bool = true) -> CrossCounts {
        guard !plan.pools.isEmpty else { return self }
        let values = areasAreColumns ? colValues : rowValues
        var poolOf: [String: String] = [:]
        for (pool, areas) in plan.pools { for area in areas { poolOf[area] = pool } }
        var order: [String] = []
        var members: [[Int]] = []
        var rest: [Int] = []
        for (i, value) in values.enumerated() {
            let pool = poolOf[value]
            if let pool, pool == plan.rest {
                rest.append(i)
            } else if let pool, let at = order.firstIndex(of: pool) {
                members[at].append(i)
            } else {
                order.append(pool ?? value)
                members.append([i])
            }
        }
        if let name = plan.rest, !rest.isEmpty {
            order.append(name)
            members.append(rest)
        }
        var pooled = self
        if areasAreColumns {
            pooled.counts = counts.map { row in members.map { $0.reduce(0) { $0 + row[$1] } } }
            pooled.colBase = members.map { $0.reduce(0) { $0 + colBase[$1] } }
            pooled.colValues = order
        } else {
            pooled.counts = members.map { group in (0..<colValues.count).map { c in group.reduce(0) { $0 + counts[$1][c] } } }
            pooled.rowBase = members.map { $0.reduce(0) { $0 + rowBase[$1] } }
            pooled.rowValues = order
        }
        return pooled
    }
}
