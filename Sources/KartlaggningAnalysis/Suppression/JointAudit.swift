/// The audit of several published tables together: what a reader holding all of them could work out about each
/// hidden count. A number is one unknown wherever it appears (its `FactKeys` key); where any table shows it, it is
/// known. Every table's facts (`TableFacts`: lines adding up, hierarchy, bounds) become constraints over the
/// unknowns, and each unknown's feasible range is the minimum and maximum of the linear program of its group — the
/// audit `crosstab --audit` runs on one table, over everything published.
public enum JointAudit {
    /// A small hidden count (0 < n < min-cell) a reader can narrow to fewer than min-cell possibilities.
    public struct Finding: Codable, Sendable, Equatable {
        /// What the count counts ("kind=förening, district=Nätra"), and its key (`FactKeys`).
        public var value: String
        public var key: String
        /// The tables that hide it.
        public var tables: [String]
        public var lower: Int
        public var upper: Int
        public var minCell: Int
        /// The shown numbers that share a fact with it (a line it adds up in, a parent or child), smallest count
        /// first: hiding one of them is what widens it.
        public var related: [String] = []
    }

    /// What was audited and what was found.
    public struct Result: Codable, Sendable, Equatable {
        public var tables: Int
        /// Distinct hidden counts of people (keys hidden in every table that has them, above zero); the small ones
        /// among them (below min-cell) are those audited.
        public var hiddenValues: Int
        /// Counts an earlier table showed and a later one hid: known, whatever the later table does.
        public var shownElsewhere: [String]
        public var shownElsewhereKeys: [String]
        /// Keys whose count differs between tables (should be none: it would mean two numbers share a name).
        public var inconsistent: [String]
        public var findings: [Finding]
    }

    /// The audit of `tables`; with `concerning`, only the groups of hidden counts that hold one of those keys (what
    /// one output hides, audited with everything it is linked to).
    public static func audit(_ given: [PublishedTable], concerning: Set<String>? = nil) -> Result {
        // The same table published twice states the same facts once.
        var signatures = Set<String>()
        let tables = given.filter { signatures.insert($0.signature).inserted }
        // Each key numbered once (`AuditKeys`): its count, whether any table shows it, the strictest rule over the
        // tables that have it.
        var keys = AuditKeys()
        var keyIds: [[Int32]] = []
        for table in tables {
            let truth = TableFacts.truth(of: table.table)
            var ids: [Int32] = []
            ids.reserveCapacity(table.keys.count)
            for (position, (key, hidden)) in table.published.enumerated() {
                let id = keys.id(key)
                ids.append(Int32(id))
                let truth = truth[position]
                if keys.count[id] >= 0, keys.count[id] != truth { keys.inconsistent[id] = true }
                keys.count[id] = truth
                keys.rule[id] = max(keys.rule[id], table.minCell)
                if hidden { keys.hidden[id] = true } else { keys.shown[id] = true }
            }
            keyIds.append(ids)
        }
        let tableKeys = keys.keyCount
        // Whether a key is one of `concerning` (hidden or shown).
        var concerned = [Bool](repeating: false, count: tableKeys)
        for key in concerning ?? [] { if let id = keys.existing(key) { concerned[id] = true } }
        func isConcerned(_ id: Int) -> Bool { id < tableKeys ? concerned[id] : concerning?.contains(keys.names[id]) == true }
        // The unknowns: hidden wherever they appear, and named consistently.
        let unknowns = (0..<tableKeys).filter { keys.hidden[$0] && !keys.shown[$0] && !keys.inconsistent[$0] }
            .sorted { keys.names[$0] < keys.names[$1] }
        for (j, id) in unknowns.enumerated() { keys.variable[id] = Int32(j) }
        var constraints: [LinearProgram.Constraint] = []
        // What readers know without a table saying it: a dimension whose values partition the units (kind, district,
        // a single-choice question — not themes) adds up across its values under any other conditions, published in
        // one table or not. Counts no table holds are unknowns of their own (never reported).
        var variables = unknowns.count
        // Counts no table holds, which partitions bring in (their truth is not known here), by variable.
        var freshKeys: [Int: Int] = [:]
        // Whether each constraint involves a number of `concerning` (hidden or shown).
        var touches: [Bool] = []
        // Which table each constraint states (-1: a partition spanning tables, or counts no table holds). A group of
        // hidden counts whose every constraint one table states is that table's own, which its protection audited.
        var sources: [Int] = []
        // The tables each key is in, ascending: `tablesOf[start[id]..<start[id + 1]]`.
        let (tablesStart, tablesOf) = Self.tablesHolding(keyIds, keys: tableKeys)
        func holding(_ id: Int) -> ArraySlice<Int32> {
            id < tableKeys ? tablesOf[Int(tablesStart[id])..<Int(tablesStart[id + 1])] : []
        }
        // The keys of each relation: a finding names the shown counts beside it. Kept as lists, not a set of siblings
        // per key: a partition of 300 areas would make 300 × 300 entries per relation.
        var relationGroups: [[Int32]] = []
        // The areas of pools (of two or more) that tables show: no table holds their own counts, and a pool's own
        // table bounds each only by the pool.
        var pooledMembers = Set<Int>()
        var partitions: [String: Set<String>] = [:]
        for table in tables { for (dimension, values) in table.partitions { partitions[dimension, default: []].formUnion(values) } }
        if !partitions.isEmpty {
            var groups: [String: [String: Int32]] = [:]
            var unions: [String: [String: Int32]] = [:]
            for id in 0..<tableKeys {
                let key = keys.names[id]
                let parts = key.split(separator: "\u{1E}", omittingEmptySubsequences: false).map(String.init)
                let conditions = parts.dropFirst().map { $0.split(separator: "=", maxSplits: 1).map(String.init) }
                for (i, condition) in conditions.enumerated() where condition.count == 2 && partitions[condition[0]] != nil {
                    guard conditions.filter({ $0.first == condition[0] }).count == 1 else { continue }
                    let base = ([parts[0]] + parts.dropFirst().enumerated().filter { $0.offset != i }.map(\.element))
                        .joined(separator: "\u{1E}")
                    if condition[1].contains("\u{1D}") {
                        // Several values at once (a pool of areas, `--where district=A --where district=B`).
                        unions[base + "\u{1F}" + condition[0], default: [:]][condition[1]] = Int32(id)
                    } else {
                        groups[base + "\u{1F}" + condition[0], default: [:]][condition[1]] = Int32(id)
                    }
                }
            }
            // Each relation: a count is the sum of its parts. A partition's values add up to the count without the
            // condition; a union of values (a pool of areas) is the sum of its values' counts.
            var relations: [(whole: Int, parts: [Int])] = []
            for (group, members) in groups.sorted(by: { $0.key < $1.key }) {
                let split = group.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard split.count == 2, let values = partitions[split[1]], let whole = keys.existing(split[0]), keys.count[whole] >= 0
                else { continue }
                relations.append(
                    (whole, values.sorted().map { members[$0].map(Int.init) ?? keys.id(FactKeys.adding(split[1], $0, to: split[0])) }))
            }
            // A union none of whose areas a table holds says nothing the tables' own lines do not (its parts are free
            // unknowns): left out, so a pool of every area (a battery item's whole) joins no tables into one program.
            for (group, pools) in unions.sorted(by: { $0.key < $1.key }) {
                let split = group.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard split.count == 2 else { continue }
                let members = groups[group] ?? [:]
                for (pool, key) in pools.sorted(by: { $0.key < $1.key }) {
                    let values = pool.split(separator: "\u{1D}").map(String.init)
                    let parts = values.map { members[$0].map(Int.init) ?? keys.id(FactKeys.adding(split[1], $0, to: split[0])) }
                    pooledMembers.formUnion(parts)
                    guard parts.contains(where: { keys.count[$0] >= 0 }) else { continue }
                    relations.append((Int(key), parts))
                }
            }
            groups = [:]
            unions = [:]
            for (whole, parts) in relations {
                var terms: [Int: Double] = [:]
                var bound = 0.0
                var touching = false
                func add(_ id: Int, _ coefficient: Double) {
                    if keys.variable[id] >= 0 {
                        terms[Int(keys.variable[id]), default: 0] += coefficient
                    } else if keys.count[id] >= 0, !keys.inconsistent[id] {
                        bound -= coefficient * Double(keys.count[id])
                    } else {
                        let j = variables
                        variables += 1
                        keys.variable[id] = Int32(j)
                        freshKeys[j] = id
                        terms[j, default: 0] += coefficient
                    }
                    if isConcerned(id) { touching = true }
                }
                if keys.inconsistent[whole] || parts.contains(where: { keys.inconsistent[$0] }) { continue }
                let together = Set(parts).union([whole])
                relationGroups.append(together.map(Int32.init))
                for id in parts { add(id, 1) }
                add(whole, -1)
                terms = terms.filter { $0.value != 0 }
                if !terms.isEmpty {
                    constraints.append(.init(terms: terms, relation: .equal, bound: bound))
                    touches.append(touching)
                    var common: [Int32]?
                    // Counts no table holds are free unknowns: a relation among one table's numbers and such counts
                    // states what that table's own lines state (its columns are the partition, its pools unions of
                    // it), so it is the table's own.
                    for id in together where !holding(id).isEmpty {
                        let those = holding(id)
                        common = (common ?? Array(those)).filter { those.contains($0) }
                    }
                    sources.append(common?.min().map(Int.init) ?? -1)
                }
            }
        }
        for (t, table) in tables.enumerated() {
            // Made again here, one table at a time: every table's facts held at once cost more than the audit's keys.
            let tableFacts = TableFacts(table.table)
            let hiddenHere = table.published.map(\.hidden)
            for fact in tableFacts.facts {
                var terms: [Int: Double] = [:]
                var bound = Double(fact.bound)
                var skip = false
                var touching = false
                for term in fact.terms {
                    let id = Int(keyIds[t][term.position])
                    if isConcerned(id) { touching = true }
                    if keys.variable[id] >= 0 {
                        terms[Int(keys.variable[id]), default: 0] += Double(term.coefficient)
                    } else if keys.inconsistent[id] && hiddenHere[term.position] {
                        skip = true  // a fact over a number named twice for different counts is left out: it only widens
                    } else {
                        // Shown here, or shown by another table: known.
                        bound -= Double(term.coefficient * tableFacts.truth[term.position])
                    }
                }
                if skip { continue }
                terms = terms.filter { $0.value != 0 }
                if !terms.isEmpty {
                    constraints.append(.init(terms: terms, relation: fact.relation, bound: bound))
                    touches.append(touching)
                    sources.append(t)
                }
            }
        }
        let grand = Double(tables.map(\.table.grand).max() ?? 0)
        var groups = UnionFind(count: variables)
        for constraint in constraints {
            let members = Array(constraint.terms.keys)
            for member in members.dropFirst() { groups.union(members[0], member) }
        }
        var findings: [Finding] = []
        // Each finding's key, and whether it is a count no table holds (such a finding names no tables).
        var foundIds: [(id: Int, fresh: Bool)] = []
        // The groups an output has a part in: a constraint of theirs involves one of its numbers.
        var relevant = Set<Int>()
        if concerning != nil {
            for (constraint, touching) in zip(constraints, touches) where touching {
                if let member = constraint.terms.keys.first { relevant.insert(groups.find(member)) }
            }
        }
        let maxRule = tables.map(\.minCell).max() ?? 0
        var groupSources: [Int: Set<Int>] = [:]
        for (constraint, source) in zip(constraints, sources) {
            if let member = constraint.terms.keys.first { groupSources[groups.find(member), default: []].insert(source) }
        }
        for members in groups.sets() {
            if !members.contains(where: { $0 < unknowns.count || freshKeys[$0] != nil }) { continue }
            guard let first = members.first else { continue }
            if concerning != nil, !relevant.contains(groups.find(first)) { continue }
            // One table's own group: its protection has audited it (`SecondarySuppression`).
            if let own = groupSources[groups.find(first)], own.count == 1, let only = own.first, only >= 0,
                !members.contains(where: { freshKeys[$0].map { !pooledMembers.contains($0) } ?? false })
            {
                continue
            }
            var program = LinearProgram(group: members, of: constraints)
            for j in members.indices { program.add([j: 1], .atMost, grand) }
            // Published tables that contradict each other: nothing can be worked out from them.
            guard var solver = program.prepared() else { continue }
            // A count no table holds, worked out to fewer than min-cell possibilities that may hold a small one.
            for (j, member) in members.enumerated() {
                guard let id = freshKeys[member], maxRule > 1 else { continue }
                let upper = solver.maximise([j: 1]) ?? grand
                guard upper >= 1 - 1e-6 else { continue }
                let lower = -(solver.maximise([j: -1]) ?? 0)
                let low = max(0, Int((lower - 1e-6).rounded(.up)))
                let high = max(low, Int((upper + 1e-6).rounded(.down)))
                if high - low < maxRule && low < maxRule {
                    let key = keys.names[id]
                    findings.append(
                        Finding(value: FactKeys.describe(key), key: key, tables: [], lower: low, upper: high, minCell: maxRule))
                    foundIds.append((id, true))
                }
            }
            for (j, member) in members.enumerated() where member < unknowns.count {
                let id = unknowns[member]
                let truth = max(keys.count[id], 0)
                let minCell = keys.rule[id]
                // Only the small counts the rule is for: a hidden count of min-cell or more worked out exactly tells no
                // more than showing it would (and where it protects a small one, the small one is found narrowed).
                guard truth > 0, truth < minCell else { continue }
                let upper = solver.maximise([j: 1]) ?? grand
                if upper - Double(truth) >= Double(minCell) - 1e-6 { continue }
                let lower = -(solver.maximise([j: -1]) ?? 0)
                let low = max(0, Int((lower - 1e-6).rounded(.up)))
                let high = max(low, Int((upper + 1e-6).rounded(.down)))
                if high - low < minCell {
                    let key = keys.names[id]
                    findings.append(
                        Finding(value: FactKeys.describe(key), key: key, tables: [], lower: low, upper: high, minCell: minCell))
                    foundIds.append((id, false))
                }
            }
        }
        let found = Set(foundIds.map(\.id))
        if !found.isEmpty {
            // The tables that hide each finding's count, each named once in a row, in the tables' order.
            var hiddenIn: [Int: [String]] = [:]
            for (t, table) in tables.enumerated() {
                for (position, (_, hidden)) in table.published.enumerated() where hidden {
                    let id = Int(keyIds[t][position])
                    if found.contains(id), hiddenIn[id]?.last != table.title { hiddenIn[id, default: []].append(table.title) }
                }
            }
            // What each finding shares a fact with, among the shown numbers.
            var related: [Int: [Int: Int]] = [:]
            for (t, table) in tables.enumerated() {
                let tableFacts = TableFacts(table.table)
                for fact in tableFacts.facts {
                    let ids = fact.terms.map { Int(keyIds[t][$0.position]) }
                    for id in ids where found.contains(id) {
                        for (term, other) in zip(fact.terms, ids) where other != id && keys.shown[other] {
                            let n = tableFacts.truth[term.position]
                            if n > 0 { related[id, default: [:]][other] = n }
                        }
                    }
                }
            }
            for group in relationGroups {
                for member in group where found.contains(Int(member)) {
                    for sibling in group.map(Int.init) where sibling != Int(member) && keys.shown[sibling] {
                        if keys.count[sibling] > 0 { related[Int(member), default: [:]][sibling] = keys.count[sibling] }
                    }
                }
            }
            for (i, (id, fresh)) in foundIds.enumerated() {
                if !fresh { findings[i].tables = hiddenIn[id] ?? [] }
                findings[i].related = (related[id] ?? [:]).map { (n: $0.value, key: keys.names[$0.key]) }
                    .sorted { ($0.n, $0.key) < ($1.n, $1.key) }.map(\.key)
            }
        }
        // Hidden here, shown there: the count is out, whatever protected it.
        let leaked = (0..<tableKeys).filter { id in
            keys.hidden[id] && keys.shown[id] && keys.count[id] > 0 && keys.count[id] < keys.rule[id]
                && (concerning == nil || concerned[id])
        }.map { keys.names[$0] }.sorted()
        return Result(
            tables: tables.count, hiddenValues: unknowns.filter { keys.count[$0] > 0 }.count,
            shownElsewhere: leaked.map(FactKeys.describe), shownElsewhereKeys: leaked,
            inconsistent: (0..<tableKeys).filter { keys.inconsistent[$0] }.map { FactKeys.describe(keys.names[$0]) }.sorted(),
            findings: findings.sorted { ($0.value, $0.lower) < ($1.value, $1.lower) })
    }

    /// The tables each key is in (by its number, below `keys`), ascending and each once, as one list with where each
    /// key's part starts: a set per key cost more than the keys themselves.
    private static func tablesHolding(_ keyIds: [[Int32]], keys: Int) -> (start: [Int32], tables: [Int32]) {
        var last = [Int32](repeating: -1, count: keys)
        var counts = [Int32](repeating: 0, count: keys + 1)
        for (t, ids) in keyIds.enumerated() {
            for id in ids where last[Int(id)] != Int32(t) {
                last[Int(id)] = Int32(t)
                counts[Int(id) + 1] += 1
            }
        }
        for i in 0..<keys { counts[i + 1] += counts[i] }
        var next = counts
        var tables = [Int32](repeating: 0, count: Int(counts[keys]))
        last = [Int32](repeating: -1, count: keys)
        for (t, ids) in keyIds.enumerated() {
            for id in ids where last[Int(id)] != Int32(t) {
                last[Int(id)] = Int32(t)
                tables[Int(next[Int(id)])] = Int32(t)
                next[Int(id)] += 1
            }
        }
        return (counts, tables)
    }
}
