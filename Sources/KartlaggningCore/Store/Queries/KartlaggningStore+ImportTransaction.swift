import GRDB
import KartlaggningModel

extension KartlaggningStore {
    /// Runs one file's import in one write transaction.
    ///
    /// `body` writes through the session; the transaction commits only when `shouldCommit` says so for
    /// the result (a file with errors, or a dry run, rolls back and leaves the database as it was).
    public func importTransaction<T>(_ body: (ImportSession) throws -> T, shouldCommit: (T) -> Bool) throws -> T {
        if isReadOnly { throw StoreError.readOnly(path: path ?? ":memory:") }
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction {
                    let before = db.totalChangesCount
                    let session = ImportSession(db: db)
                    let value = try body(session)
                    // The rows still waiting in the session's batches are written whatever follows: a dry run meets
                    // every refusal a real one would.
                    try session.flushPending()
                    result = value
                    guard shouldCommit(value) else { return .rollback }
                    // Derived tables are the writers' to keep current: readers never write.
                    try refreshStaleRespondentThemes(db)
                    session.countedFromTally = try noteChanges(db, since: before, added: session.tally)
                    return .commit
                }
                guard let result else { throw StoreError.database("import transaction produced no result") }
                return result
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error)
        }
    }
}
