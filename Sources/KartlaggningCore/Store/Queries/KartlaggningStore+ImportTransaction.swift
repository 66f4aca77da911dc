import GRDB

extension KartlaggningStore {
    /// Runs one file's import in one write transaction.
    ///
    /// `body` writes through the session; the transaction commits only when `shouldCommit` says so for
    /// the result (a file with errors, or a dry run, rolls back and leaves the database as it was).
    public func importTransaction<T>(_ body: (ImportSession) throws -> T, shouldCommit: (T) -> Bool) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction {
                    let value = try body(ImportSession(db: db))
                    result = value
                    return shouldCommit(value) ? .commit : .rollback
                }
                guard let result else { throw StoreError.database("import transaction produced no result") }
                return result
            }
        } catch let error as DatabaseError {
            throw StoreError.database(Self.describe(error))
        }
    }
}
