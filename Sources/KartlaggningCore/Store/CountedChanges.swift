import Foundation
import GRDB

/// Watches a writer connection for changes to tables kept counts are made from (`respondent`, `answer` and
/// `question`; rowid tables, whose row changes SQLite reports). The first change of a transaction
/// is noted and the rest of the transaction goes unobserved, so a write of a million answers pays for one callback. A
/// transaction that changed them commits only after the counts were made again or brought along (`noteRecounted`):
/// one that did not is refused, so the kept counts can never fall behind the data without a word.
final class CountedChanges: TransactionObserver, @unchecked Sendable {
    /// The tables watched.
    let tables: Set<String>

    init(tables: Set<String>) { self.tables = tables }

    private let lock = NSLock()
    private var wasChanged = false
    private var recounted = false

    /// Whether this transaction changed a table watched.
    var changed: Bool { lock.withLock { wasChanged } }

    /// The counts were made again after the transaction's last change: it may commit.
    func noteRecounted() { lock.withLock { recounted = true } }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { tables.contains(eventKind.tableName) }

    func databaseDidChange(with event: DatabaseEvent) {
        note()
        stopObservingDatabaseChangesUntilNextTransaction()
    }

    func databaseDidChange() { note() }

    func databaseWillCommit() throws {
        let refused = lock.withLock { wasChanged && !recounted }
        if refused { throw StoreError.countsNotKept }
    }

    func databaseDidCommit(_ db: Database) { reset() }

    func databaseDidRollback(_ db: Database) { reset() }

    private func note() {
        lock.withLock {
            wasChanged = true
            recounted = false
        }
    }

    private func reset() {
        lock.withLock {
            wasChanged = false
            recounted = false
        }
    }
}
