import Foundation
import GRDB

/// Watches a writer connection for changes to tables kept counts are made from (`respondent`, `answer` and
/// `question`; rowid tables, whose row changes SQLite reports). The first change of a transaction
/// is noted and the rest of the transaction goes unobserved, so a write of a million answers pays for one callback
/// (until the counts are made: then it watches again). A
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

    /// The counts were made again after the transaction's last change: it may commit. The watch is put back on
    /// `db` afresh, so that a change after this point is seen: having noted the first change, it had stopped
    /// observing the rest of the transaction (GRDB's `stopObservingDatabaseChangesUntilNextTransaction`).
    func noteRecounted(_ db: Database) {
        lock.withLock { recounted = true }
        db.remove(transactionObserver: self)
        db.add(transactionObserver: self, extent: .databaseLifetime)
    }

    /// A change already noted and not yet recounted needs no more noting: the statements that follow are not
    /// observed, so GRDB installs no per-row hook for them (a million answers' callbacks, 3 % of an import's writer).
    /// After a recount they are observed again, so a change after it is never missed.
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        tables.contains(eventKind.tableName) && lock.withLock { !wasChanged || recounted }
    }

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
