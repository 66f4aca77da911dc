/// How a table's areas are shown where some have too few answers to break out (`AreaPooling` decides): pools of
/// areas, each shown as one column and counting all its areas. Areas in no pool are shown on their own.
public struct AreaPools: Sendable, Equatable {
    /// Each pool's name → the areas it counts, in the table's order.
    public var pools: [String: [String]] = [:]
    /// The pools in the order they are shown: group pools where their first area was, `rest` last.
    public var order: [String] = []
    /// The pool of the areas no group took ("Övriga områden"), nil when there is none.
    public var rest: String?
    /// Whether every area went into one pool: nothing is broken out below the whole.
    public var nothingBrokenOut = false
    /// The fewest answers an area is shown on its own with (`--min-base`).
    public var minBase = 0
    /// The members too small to show on their own, where the plan names them (`KindPooling`: the kinds below
    /// min-cell; the others joined so that the pool reaches it).
    public var small: [String] = []

    public init() {}

    /// No pools: every area on its own.
    public var isEmpty: Bool { pools.isEmpty }

    /// The areas counted in pools, pool by pool.
    public var pooledAreas: [String] { order.flatMap { pools[$0] ?? [] } }
}
