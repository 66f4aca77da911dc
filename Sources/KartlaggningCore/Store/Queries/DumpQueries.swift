import GRDB
import KartlaggningModel

// MARK: - Dump

extension KartlaggningStore {
    /// Every row of every table, as text, tables by name and rows by rowid: two equal dumps mean
    /// equal contents. Tests use it to prove that a failed import changed nothing.
    public func dump() throws -> String {
        try read { db in
            var out = ""
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                    """)
            for table in tables {
                out += "## \(table)\n"
                let quoted = table.replacingOccurrences(of: "\"", with: "\"\"")
                let withoutRowid =
                    try Bool.fetchOne(db, sql: "SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE name = ?", arguments: [table])
                    ?? false
                let order = withoutRowid ? "" : " ORDER BY rowid"
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(quoted)\"\(order)") {
                    out += row.description + "\n"
                }
            }
            return out
        }
    }
}
