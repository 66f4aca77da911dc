import GRDB

/// Adds to the counts of one of a codebook's theme digest tables (`themeTerm`, `themeSource`, `themePair`: a codebook,
/// a theme, one more key column and `n`), a row made where there is none and dropped where it comes to zero.
struct DigestRowAdder {
    private let upsert: Statement
    private let drop: Statement
    private let codebookId: String

    /// For `table`, whose key is `codebookId`, `themeId` and `column`.
    init(_ table: String, column: String, codebookId: String, db: Database) throws {
        self.codebookId = codebookId
        upsert = try db.makeStatement(
            sql: """
                INSERT INTO \(table) (codebookId, themeId, \(column), n) VALUES (?, ?, ?, ?)
                ON CONFLICT (codebookId, themeId, \(column)) DO UPDATE SET n = n + excluded.n RETURNING n
                """)
        drop = try db.makeStatement(sql: "DELETE FROM \(table) WHERE codebookId = ? AND themeId = ? AND \(column) = ?")
    }

    /// Adds `n` to the row of `theme` and `key`.
    func add(theme: String, _ key: some DatabaseValueConvertible, n: Int) throws {
        guard n != 0 else { return }
        if try Int.fetchOne(upsert, arguments: [codebookId, theme, key, n]) == 0 {
            try drop.execute(arguments: [codebookId, theme, key])
        }
    }
}
