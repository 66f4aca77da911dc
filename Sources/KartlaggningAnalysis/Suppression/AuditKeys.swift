/// The keys (`FactKeys`) a joint audit meets, each numbered once, with what the audit knows of each number in arrays
/// by that number instead of one string-keyed table per fact: at 3,000 areas a ledger holds hundreds of thousands of
/// keys, and a set or dictionary of strings per property cost the audit tens of megabytes.
struct AuditKeys {
    /// The key of each number, and the number of each key.
    private(set) var names: [String] = []
    private var ids: [String: Int32] = [:]
    /// The count each key stands for (-1: no table holds it).
    var count: [Int] = []
    /// Whether a table shows it, whether one hides it, whether two tables give it different counts.
    var shown: [Bool] = []
    var hidden: [Bool] = []
    var inconsistent: [Bool] = []
    /// The strictest minimum cell over the tables that hold it.
    var rule: [Int] = []
    /// The unknown (variable) each key is in the linear program (-1: none, the count known or not in it).
    var variable: [Int32] = []

    var keyCount: Int { names.count }

    /// The number of `key`, numbered now if it is new (a count no table holds: what a partition brings in).
    mutating func id(_ key: String) -> Int {
        if let id = ids[key] { return Int(id) }
        let id = names.count
        ids[key] = Int32(id)
        names.append(key)
        count.append(-1)
        shown.append(false)
        hidden.append(false)
        inconsistent.append(false)
        rule.append(0)
        variable.append(-1)
        return id
    }

    /// The number of `key`, if it has one.
    func existing(_ key: String) -> Int? { ids[key].map(Int.init) }
}
