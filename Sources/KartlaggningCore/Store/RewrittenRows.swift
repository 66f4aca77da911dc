import Foundation
import GRDB

/// Watches a writer connection for the changes the kept counts cannot follow by adding rows: a respondent or an answer
/// updated or deleted, or any change to the questions. A transaction without them only added respondents and answers
/// (an import of new rows), whose counts are added to the kept ones instead of counting everything again. Like
/// `CountedChanges`, it notes the first such change of a transaction and then stops observing it.
final class RewrittenRows: TransactionObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var rewritten = false

    /// Whether this transaction updated or deleted respondents or answers, or changed questions.
    var happened: Bool { lock.withLock { rewritten } }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        // Once noted, nothing more this transaction can change the answer: its statements go unobserved.
        if happened { return false }
        return switch eventKind {
        case .insert(let table): table == "question"
        case .update(let table, _), .delete(let table): KeptCountWatch.dataTables.contains(table)
        }
    }

    func databaseDidChange(with event: DatabaseEvent) {
        lock.withLock { rewritten = true }
        stopObservingDatabaseChangesUntilNextTransaction()
    }

    func databaseDidChange() { lock.withLock { rewritten = true } }

    func databaseWillCommit() throws {}

    func databaseDidCommit(_ db: Database) { lock.withLock { rewritten = false } }

    func databaseDidRollback(_ db: Database) { lock.withLock { rewritten = false } }
}
