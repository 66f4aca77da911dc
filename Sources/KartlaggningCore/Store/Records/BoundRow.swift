import CKartlaggSQLite
import GRDB
import GRDBSQLite

/// One row's values for a prepared statement, in parameter order: bound straight to SQLite's C parameters (text as
/// UTF-8, integers and reals as themselves), or collected as `StatementArguments` for GRDB's own `execute`. The hot
/// paths (`PreparedInsert`, `Statement.stepBound`) bind rows this way instead of boxing every value in a `DatabaseValue`
/// first: at 1.6 million rows an import spent longer building arguments than SQLite spent writing them. A batched
/// insert (`BatchedInsert`) appends them to its C row batch the same way.
struct BoundRow {
    /// The statement bound to; nil when collecting or appending.
    private let statement: SQLiteStatement?
    /// The row batch appended to.
    private let batch: OpaquePointer?
    private var collected: [(any DatabaseValueConvertible)?] = []
    private var index: Int32 = 1
    /// The first error appending to the batch gave (SQLITE_NOMEM).
    private(set) var failure: Int32?

    /// Binds to `statement`'s parameters, from the first.
    init(binding statement: SQLiteStatement) {
        self.statement = statement
        batch = nil
    }

    /// Appends the values to a row batch (`kartlagg_row_batch_add_…`).
    init(appendingTo batch: OpaquePointer) {
        statement = nil
        self.batch = batch
    }

    /// Collects the values as `arguments`.
    init() {
        statement = nil
        batch = nil
    }

    private mutating func note(_ code: Int32) {
        if code != SQLITE_OK && failure == nil { failure = code }
    }

    /// The values collected (empty when binding to a statement).
    var arguments: StatementArguments { StatementArguments(collected) }

    /// How many values were added.
    var count: Int { Int(index - 1) }

    mutating func add(_ value: String) {
        defer { index += 1 }
        var text = value
        if let batch {
            // An empty buffer may have no address: its length, 0, is what is read.
            let code = text.withUTF8 { utf8 in
                utf8.withMemoryRebound(to: CChar.self) { kartlagg_row_batch_add_text(batch, $0.baseAddress, Int32(utf8.count)) }
            }
            return note(code)
        }
        guard let statement else { return collected.append(value) }
        text.withUTF8 { utf8 in
            // An empty buffer may have no address, which SQLite would take for NULL: "" binds the empty text.
            guard let base = utf8.baseAddress, !utf8.isEmpty else {
                _ = sqlite3_bind_text(statement, index, "", 0, Self.transient)
                return
            }
            _ = base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                sqlite3_bind_text(statement, index, $0, Int32(utf8.count), Self.transient)
            }
        }
    }

    mutating func add(_ value: Int64) {
        defer { index += 1 }
        if let batch { return note(kartlagg_row_batch_add_int64(batch, value)) }
        guard let statement else { return collected.append(value) }
        _ = sqlite3_bind_int64(statement, index, value)
    }

    mutating func add(_ value: Int) { add(Int64(value)) }

    /// A boolean as GRDB writes one: 1 or 0.
    mutating func add(_ value: Bool) { add(Int64(value ? 1 : 0)) }

    mutating func add(_ value: Double) {
        defer { index += 1 }
        if let batch { return note(kartlagg_row_batch_add_double(batch, value)) }
        guard let statement else { return collected.append(value) }
        _ = sqlite3_bind_double(statement, index, value)
    }

    mutating func addNull() {
        defer { index += 1 }
        if let batch { return note(kartlagg_row_batch_add_null(batch)) }
        guard let statement else { return collected.append(nil) }
        _ = sqlite3_bind_null(statement, index)
    }

    mutating func add(_ value: String?) { if let value { add(value) } else { addNull() } }
    mutating func add(_ value: Int64?) { if let value { add(value) } else { addNull() } }
    mutating func add(_ value: Int?) { if let value { add(value) } else { addNull() } }
    mutating func add(_ value: Double?) { if let value { add(value) } else { addNull() } }

    /// SQLite copies the bytes before `bind` returns (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
