import KartlaggningModel

/// Respondent kinds with too few respondents to show on their own, counted with another as statistics offices do: a
/// kind fewer than `minCell` respondents in all (two public bodies among 170 interviews) can never show its own total,
/// and hiding it costs another kind's total too, since the whole is shown. So such kinds are counted together, and
/// where together they are still below `minCell`, with the smallest other kind, until the pool reaches `minCell`: the
/// table then shows every kind's total (a pool's among them) and hides no figure of the whole municipality.
///
/// Only an arrangement of rows, as `AreaPooling` is of columns: every respondent is counted once, and a pool's numbers
/// are named as counts of all its kinds (`CrossSpec.kindPools`), so protection and the publication ledger know them.
public enum KindPooling {
    /// A pool's name: its kinds, "förening + offentlig".
    public static func joined(_ kinds: [String]) -> String { kinds.joined(separator: " + ") }

    /// The plan for kinds with these totals, in the table's order; no pools where every kind reaches `minCell`.
    /// - Parameter name: the pool's name from its kinds in the table's order ("förening + offentlig").
    public static func plan(_ totals: [(kind: String, n: Int)], minCell: Int, name: ([String]) -> String = joined) -> AreaPools {
        guard minCell > 1 else { return AreaPools() }
        let counted = totals.filter { $0.n > 0 }
        var members = counted.filter { $0.n < minCell }
        guard !members.isEmpty else { return AreaPools() }
        let small = members.map(\.kind)
        var others = counted.filter { $0.n >= minCell }.sorted { $0.n < $1.n }
        while members.map(\.n).reduce(0, +) < minCell, !others.isEmpty {
            members.append(others.removeFirst())
        }
        let position = Dictionary(totals.enumerated().map { ($1.kind, $0) }, uniquingKeysWith: { first, _ in first })
        let kinds = members.map(\.kind).sorted { (position[$0] ?? 0) < (position[$1] ?? 0) }
        guard kinds.count > 1 else { return AreaPools() }
        var pool = name(kinds)
        while position[pool] != nil { pool += " *" }
        var plan = AreaPools()
        plan.pools[pool] = kinds
        plan.order = [pool]
        plan.nothingBrokenOut = others.isEmpty
        plan.minBase = minCell
        plan.small = small
        return plan
    }
}
