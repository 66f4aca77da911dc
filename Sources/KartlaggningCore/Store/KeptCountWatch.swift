import GRDB

/// A writer's watch on what the kept counts are made from, registered after the migrations (which make the counts
/// themselves):
/// - `data`: changes to respondents, answers and questions, which `noteChanges` brings the counts by respondent fields
///   along with before the transaction commits;
/// - `rewritten`: whether those changes rewrote or removed rows (else the rows added are counted in).
///
/// The tagging figures (`tagRunCount`) cannot be watched so: SQLite reports no row changes of a `WITHOUT ROWID` table
/// such as `tagRun`. The tagging run, the one writer that adds to `tagRun`, keeps them; the writers that remove from it
/// (a re-import that changes an answer, undo, forget) change answers too, so everything is counted again.
struct KeptCountWatch: Sendable {
    /// The tables the counts by respondent fields are made from.
    static let dataTables: Set<String> = ["respondent", "answer", "question"]

    let data = CountedChanges(tables: dataTables)
    let rewritten = RewrittenRows()

    /// Watches `writer`'s transactions for as long as it is open.
    init(_ writer: any DatabaseWriter) {
        writer.add(transactionObserver: data, extent: .databaseLifetime)
        writer.add(transactionObserver: rewritten, extent: .databaseLifetime)
    }
}
