extension String {
    /// Whether this text sorts before `other` as SQLite's default (BINARY) collation sorts text: by its UTF-8 bytes.
    /// What Swift-side counting and choosing use, so their order is the one `ORDER BY` gave.
    func sortsBeforeInSQLite(_ other: String) -> Bool {
        utf8.lexicographicallyPrecedes(other.utf8)
    }
}
