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
        // Each key's count, whether any table shows it, the strictest rule over the tables that have it.
        var count: [String: Int] = [:]
        var shown = Set<String>()
        var hiddenIn: [String: [String]] = [:]
        var rule: [String: Int] = [:]
        var inconsistent = Set<String>()
        let facts = tables.map { TableFacts($0.table) }
        for (table, tableFacts) in zip(tables, facts) {
            for (position, (key, hidden)) in table.published.enumerated() {
                let truth = tableFacts.truth[position]
                if let known = count[key], known != truth { inconsistent.insert(key) }
                count[key] = truth
                rule[key] = max(rule[key] ?? 0, table.minCell)
                if hidden {
                    if hiddenIn[key]?.last != table.title { hiddenIn[key, default: []].append(table.title) }
                } else {
                    shown.insert(key)
                }
            }
        }
        // The unknowns: hidden wherever they appear, and named consistently.
        let unknowns = hiddenIn.keys.filter { !shown.contains($0) && !inconsistent.contains($0) }.sorted()
        var index = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
        var constraints: [LinearProgram.Constraint] = []
        // What readers know without a table saying it: a dimension whose values partition the units (kind, district,
        // a single-choice question — not themes) adds up across its values under any other conditions, published in
        // one table or not. Counts no table holds are unknowns of their own (never reported).
        var variables = unknowns.count
        // Counts no table holds, which partitions bring in (their truth is not known here).
        var freshKeys: [Int: String] = [:]
        // Whether each constraint involves a number of `concerning` (hidden or shown).
        var touches: [Bool] = []
        // Which table each constraint states (-1: a partition spanning tables, or counts no table holds). A group of
        // hidden counts whose every constraint one table states is that table's own, which its protection audited.
        var sources: [Int] = []
        var tablesOf: [String: Set<Int>] = [:]
        for (t, table) in tables.enumerated() { for key in table.keys { tablesOf[key, default: []].insert(t) } }
        // The relations each key is in (indices into `related`): a finding names the shown counts beside it. Kept as
        // lists, not a set of siblings per key: a partition of 300 areas would make 300 × 300 entries per relation.
        var relationGroups: [[String]] = []
        var groupsOf: [String: [Int]] = [:]
        // The areas of pools (of two or more) that tables show: no table holds their own counts, and a pool's own
        // table bounds each only by the pool.
        var pooledMembers = Set<String>()
        var partitions: [String: Set<String>] = [:]
        for table in tables { for (dimension, values) in table.partitions { partitions[dimension, default: []].formUnion(values) } }
        if !partitions.isEmpty {
            var groups: [String: [String: String]] = [:]
            var unions: [String: [String: String]] = [:]
            for key in count.keys {
                let parts = key.split(separator: "\u{1E}", omittingEmptySubsequences: false).map(String.init)
                let conditions = parts.dropFirst().map { $0.split(separator: "=", maxSplits: 1).map(String.init) }
                for (i, condition) in conditions.enumerated() where condition.count == 2 && partitions[condition[0]] != nil {
                    guard conditions.filter({ $0.first == condition[0] }).count == 1 else { continue }
                    let base = ([parts[0]] + parts.dropFirst().enumerated().filter { $0.offset != i }.map(\.element))
                        .joined(separator: "\u{1E}")
                    if condition[1].contains("\u{1D}") {
                        // Several values at once (a pool of areas, `--where district=A --where district=B`).
                        unions[base + "\u{1F}" + condition[0], default: [:]][condition[1]] = key
                    } else {
                        groups[base + "\u{1F}" + condition[0], default: [:]][condition[1]] = key
                    }
                }
            }
            // Each relation: a count is the sum of its parts. A partition's values add up to the count without the
            // condition; a union of values (a pool of areas) is the sum of its values' counts.
            var relations: [(whole: String, parts: [String])] = []
            for (group, members) in groups.sorted(by: { $0.key < $1.key }) {
                let split = group.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard split.count == 2, let values = partitions[split[1]], count[split[0]] != nil else { continue }
                relations.append((split[0], values.sorted().map { members[$0] ?? FactKeys.adding(split[1], $0, to: split[0]) }))
            }
            // A union none of whose areas a table holds says nothing the tables' own lines do not (its parts are free
            // unknowns): left out, so a pool of every area (a battery item's whole) joins no tables into one program.
            for (group, pools) in unions.sorted(by: { $0.key < $1.key }) {
                let split = group.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard split.count == 2 else { continue }
                let members = groups[group] ?? [:]
                for (pool, key) in pools.sorted(by: { $0.key < $1.key }) {
                    let values = pool.split(separator: "\u{1D}").map(String.init)
                    let parts = values.map { members[$0] ?? FactKeys.adding(split[1], $0, to: split[0]) }
                    pooledMembers.formUnion(parts)
                    guard parts.contains(where: { count[$0] != nil }) else { continue }
                    relations.append((key, parts))
                }
            }
            for (whole, parts) in relations {
                var terms: [Int: Double] = [:]
                var bound = 0.0
                var touching = false
                func add(_ key: String, _ coefficient: Double) {
                    if let j = index[key] {
                        terms[j, default: 0] += coefficient
                    } else if let known = count[key], !inconsistent.contains(key) {
                        bound -= coefficient * Double(known)
                    } else {
                        let j = variables
                        variables += 1
                        index[key] = j
                        freshKeys[j] = key
                        terms[j, default: 0] += coefficient
                    }
                    if concerning?.contains(key) == true { touching = true }
                }
                if inconsistent.contains(whole) || parts.contains(where: { inconsistent.contains($0) }) { continue }
                let together = Set(parts).union([whole])
                for key in together { groupsOf[key, default: []].append(relationGroups.count) }
                relationGroups.append(Array(together))
                for key in parts { add(key, 1) }
                add(whole, -1)
                terms = terms.filter { $0.value != 0 }
                if !terms.isEmpty {
                    constraints.append(.init(terms: terms, relation: .equal, bound: bound))
                    touches.append(touching)
                    var common: Set<Int>?
                    // Counts no table holds are free unknowns: a relation among one table's numbers and such counts
                    // states what that table's own lines state (its columns are the partition, its pools unions of
                    // it), so it is the table's own.
                    for key in together where tablesOf[key] != nil {
                        common = (common ?? tablesOf[key] ?? []).intersection(tablesOf[key] ?? [])
                    }
                    sources.append(common?.min() ?? -1)
                }
            }
        }
        for (t, (table, tableFacts)) in zip(tables, facts).enumerated() {
            for fact in tableFacts.facts {
                var terms: [Int: Double] = [:]
                var bound = Double(fact.bound)
                var skip = false
                var touching = false
                for term in fact.terms {
                    let key = table.keys[term.position]
                    if concerning?.contains(key) == true { touching = true }
                    if let j = index[key] {
                        terms[j, default: 0] += Double(term.coefficient)
                    } else if inconsistent.contains(key) && table.published[term.position].hidden {
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
                guard let key = freshKeys[member], maxRule > 1 else { continue }
                let upper = solver.maximise([j: 1]) ?? grand
                guard upper >= 1 - 1e-6 else { continue }
                let lower = -(solver.maximise([j: -1]) ?? 0)
                let low = max(0, Int((lower - 1e-6).rounded(.up)))
                let high = max(low, Int((upper + 1e-6).rounded(.down)))
                if high - low < maxRule && low < maxRule {
                    findings.append(
                        Finding(value: FactKeys.describe(key), key: key, tables: [], lower: low, upper: high, minCell: maxRule))
                }
            }
            for (j, member) in members.enumerated() where member < unknowns.count {
                let key = unknowns[member]
                let truth = count[key] ?? 0
                let minCell = rule[key] ?? 0
                // Only the small counts the rule is for: a hidden count of min-cell or more worked out exactly tells no
                // more than showing it would (and where it protects a small one, the small one is found narrowed).
                guard truth > 0, truth < minCell else { continue }
                let upper = solver.maximise([j: 1]) ?? grand
                if upper - Double(truth) >= Double(minCell) - 1e-6 { continue }
                let lower = -(solver.maximise([j: -1]) ?? 0)
                let low = max(0, Int((lower - 1e-6).rounded(.up)))
                let high = max(low, Int((upper + 1e-6).rounded(.down)))
                if high - low < minCell {
                    findings.append(
                        Finding(
                            value: FactKeys.describe(key), key: key, tables: hiddenIn[key] ?? [], lower: low, upper: high,
                            minCell: minCell))
                }
            }
        }
        // What each finding shares a fact with, among the shown numbers.
        let found = Set(findings.map(\.key))
        if !found.isEmpty {
            var related: [String: [String: Int]] = [:]
            for (table, tableFacts) in zip(tables, facts) {
                for fact in tableFacts.facts {
                    let keys = fact.terms.map { table.keys[$0.position] }
                    for key in keys where found.contains(key) {
                        for (term, other) in zip(fact.terms, keys) where other != key && shown.contains(other) {
                            let n = tableFacts.truth[term.position]
                            if n > 0 { related[key, default: [:]][other] = n }
                        }
                    }
                }
            }
            for key in found {
                for sibling in (groupsOf[key] ?? []).flatMap({ relationGroups[$0] }) where sibling != key && shown.contains(sibling) {
                    if let n = count[sibling], n > 0 { related[key, default: [:]][sibling] = n }
                }
            }
            for i in findings.indices {
                findings[i].related = (related[findings[i].key] ?? [:]).sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
            }
        }
        // Hidden here, shown there: the count is out, whatever protected it.
        let leaked = hiddenIn.keys.filter { key in
            shown.contains(key) && (count[key] ?? 0) > 0 && (count[key] ?? 0) < (rule[key] ?? 0) && (concerning?.contains(key) ?? true)
        }.sorted()
        return Result(
            tables: tables.count, hiddenValues: unknowns.filter { (count[$0] ?? 0) > 0 }.count,
            shownElsewhere: leaked.map(FactKeys.describe), shownElsewhereKeys: leaked,
            inconsistent: inconsistent.map(FactKeys.describe).sorted(),
            findings: findings.sorted { ($0.value, $0.lower) < ($1.value, $1.lower) })
    }
}
