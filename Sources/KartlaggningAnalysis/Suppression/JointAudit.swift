/// The audit of several published tables together: what a reader holding all of them could work out about each
/// hidden count. A number is one unknown wherever it appears (its `FactKeys` key); where any table shows it, it is
/// known. Every table's facts (`TableFacts`: lines adding up, hierarchy, bounds) become constraints over the
/// unknowns, and each unknown's feasible range is the minimum and maximum of the linear program of its group — the
/// audit `crosstab --audit` runs on one table, over everything published.
public enum JointAudit {
    /// A hidden count a reader can narrow below the rule.
    public struct Finding: Codable, Sendable, Equatable {
        /// What the count counts ("kind=förening, district=Nätra").
        public var value: String
        /// The tables that hide it.
        public var tables: [String]
        public var lower: Int
        public var upper: Int
        public var minCell: Int
    }

    /// What was audited and what was found.
    public struct Result: Codable, Sendable, Equatable {
        public var tables: Int
        /// Distinct hidden counts of people (keys hidden in every table that has them, above zero).
        public var hiddenValues: Int
        /// Counts an earlier table showed and a later one hid: known, whatever the later table does.
        public var shownElsewhere: [String]
        /// Keys whose count differs between tables (should be none: it would mean two numbers share a name).
        public var inconsistent: [String]
        public var findings: [Finding]
    }

    public static func audit(_ tables: [PublishedTable]) -> Result {
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
        let index = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
        var constraints: [LinearProgram.Constraint] = []
        for (table, tableFacts) in zip(tables, facts) {
            for fact in tableFacts.facts {
                var terms: [Int: Double] = [:]
                var bound = Double(fact.bound)
                var skip = false
                for term in fact.terms {
                    let key = table.keys[term.position]
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
                if !terms.isEmpty { constraints.append(.init(terms: terms, relation: fact.relation, bound: bound)) }
            }
        }
        let grand = Double(tables.map(\.table.grand).max() ?? 0)
        var groups = UnionFind(count: unknowns.count)
        for constraint in constraints {
            let members = Array(constraint.terms.keys)
            for member in members.dropFirst() { groups.union(members[0], member) }
        }
        var findings: [Finding] = []
        for members in groups.sets() {
            let local = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
            var program = LinearProgram(variables: members.count)
            for constraint in constraints where constraint.terms.keys.contains(where: { local[$0] != nil }) {
                program.add(
                    Dictionary(uniqueKeysWithValues: constraint.terms.compactMap { key, value in local[key].map { ($0, value) } }),
                    constraint.relation, constraint.bound)
            }
            for j in members.indices { program.add([j: 1], .atMost, grand) }
            // Published tables that contradict each other: nothing can be worked out from them.
            guard var solver = program.prepared() else { continue }
            for (j, member) in members.enumerated() {
                let key = unknowns[member]
                let truth = count[key] ?? 0
                let minCell = rule[key] ?? 0
                guard truth > 0, minCell > 1 else { continue }
                let upper = solver.maximise([j: 1]) ?? grand
                if upper - Double(truth) >= Double(minCell) - 1e-6 { continue }
                let lower = -(solver.maximise([j: -1]) ?? 0)
                let low = max(0, Int((lower - 1e-6).rounded(.up)))
                let high = max(low, Int((upper + 1e-6).rounded(.down)))
                if high - low < minCell {
                    findings.append(
                        Finding(
                            value: FactKeys.describe(key), tables: hiddenIn[key] ?? [], lower: low, upper: high, minCell: minCell))
                }
            }
        }
        // Hidden here, shown there: the count is out, whatever protected it.
        let leaked = hiddenIn.keys.filter { shown.contains($0) && (count[$0] ?? 0) > 0 }.map(FactKeys.describe).sorted()
        return Result(
            tables: tables.count, hiddenValues: unknowns.filter { (count[$0] ?? 0) > 0 }.count, shownElsewhere: leaked,
            inconsistent: inconsistent.map(FactKeys.describe).sorted(),
            findings: findings.sorted { ($0.value, $0.lower) < ($1.value, $1.lower) })
    }
}
