/// A flattened JSON record's cells by key, remembering the order keys first appeared in (the form's order, for a
/// draft's questions).
struct FlatCells: Sequence {
    private(set) var values: [String: JSONCell] = [:]
    /// Every key, in the order it was first set.
    private(set) var order: [String] = []

    subscript(key: String) -> JSONCell? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { order.append(key) }
            } else {
                removeValue(forKey: key)
            }
        }
    }

    @discardableResult
    mutating func removeValue(forKey key: String) -> JSONCell? {
        guard let old = values.removeValue(forKey: key) else { return nil }
        order.removeAll { $0 == key }
        return old
    }

    /// Adds `other`'s cells whose keys this has not, after its own.
    mutating func addMissing(_ other: FlatCells) {
        for key in other.order where values[key] == nil { self[key] = other.values[key] }
    }

    var isEmpty: Bool { values.isEmpty }

    /// Puts the keys in order of `rank`, keeping the present order among equals.
    mutating func reorder(by rank: (String) -> Int) {
        order = order.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    /// The cells in order.
    func makeIterator() -> AnyIterator<(key: String, value: JSONCell)> {
        var keys = order.makeIterator()
        let values = values
        return AnyIterator { keys.next().flatMap { key in values[key].map { (key, $0) } } }
    }
}
