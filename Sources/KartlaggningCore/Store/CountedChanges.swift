import Foundation
import GRDB

/// Watches a writer connection for changes to the tables the kept counts are made from (`respondent`, `answer`,
/// `question`). The first change of a transaction is noted and the rest of the transaction goes unobserved, so a
/// write of a million answers pays for one callback. A transaction that changed them commits only after the counts
/// were made again (`KartlaggningStore.noteChanges` does it): one that did not is refused, so the kept counts can
/// never fall behind the data without a word.
final class CountedChanges: TransactionObserver, @unchecked Sendable {
    /// The tables the kept counts are made from.
    static let tables: Set<String> = ["respondent", "answer", "question"]

    /// Whether the transaction also rewrote rows (registered beside this one).
    let rewritten = RewrittenRows()

    private let lock = NSLock()
    private var changed = false
    private var recounted = false

    /// Whether this transaction changed respondents, answers or questions.
    var dataChanged: Bool { lock.withLock { changed } }

    /// The counts were made again after the transaction's last change: it may commit.
    func noteRecounted() { lock.withLock { recounted = true } }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { Self.tables.contains(eventKind.tableName) }

    func databaseDidChange(with event: DatabaseEvent) {
        note()
        stopObservingDatabaseChangesUntilNextTransaction()
    }

    func databaseDidChange() { note() }

    func databaseWillCommit() throws {
        let refused = lock.withLock { changed && !recounted }
        if refused { throw StoreError.countsNotKept }
    }

    func databaseDidCommit(_ db: Database) { reset() }

    func databaseDidRollback(_ db: Database) { reset() }

    private func note() {
        lock.withLock {
            changed = true
            recounted = false
        }
    }

    private func reset() {
        lock.withLock {
            changed = false
            recounted = false
        }
    }
}
