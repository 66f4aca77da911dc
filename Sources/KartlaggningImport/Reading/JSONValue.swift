/// A parsed JSON value. Numbers keep their literal text, so `007` … well, JSON has no `007`, but `1.50` stays `1.50`.
enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The scalar as cell text; nil for null, arrays and objects.
    var scalarText: String? {
        switch self {
        case .bool(let value): value ? "true" : "false"
        case .number(let text), .string(let text): text
        default: nil
        }
    }

    /// Flattens nested objects to dotted keys (`svar.bredband`); arrays of scalars stay lists (for multi
    /// questions), arrays holding objects get their index as a key part (`kontakter.0.roll`).
    func flattened(prefix: String = "", into cells: inout FlatCells) {
        switch self {
        case .object(let members):
            for (key, value) in members {
                value.flattened(prefix: prefix.isEmpty ? key : prefix + "." + key, into: &cells)
            }
        case .array(let items):
            if items.allSatisfy({ $0.scalarText != nil || $0 == .null }) {
                cells[prefix] = .list(items.compactMap(\.scalarText))
            } else {
                for (index, item) in items.enumerated() {
                    item.flattened(prefix: prefix + "." + String(index), into: &cells)
                }
            }
        case .null:
            cells[prefix] = JSONCell.null
        default:
            cells[prefix] = .value(scalarText ?? "")
        }
    }
}
