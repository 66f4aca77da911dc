import GRDB
import KartlaggningModel

// MARK: - Data version

extension KartlaggningStore {
    /// The data as it is now: a token that every write transaction changing anything replaces. The publication
    /// ledger keys what outputs showed by it, so what was published about other data is not taken for this.
    public func contentVersion() throws -> String {
        try read { db in try String.fetchOne(db, sql: "SELECT version FROM dataVersion WHERE id = 1") ?? "" }
    }

    /// Gives the data a new version when the transaction changed anything since `changesBefore`
    /// (`db.totalChangesCount` when it started), and brings the kept counts to it. Called by every writer before it
    /// commits; an import passes its tally of the rows it added. Returns whether that tally is what was counted.
    @discardableResult
    func noteChanges(_ db: Database, since changesBefore: Int, added tally: AddedRowTally? = nil) throws -> Bool {
        guard db.totalChangesCount != changesBefore else { return false }
        var tallied = false
        let wereCurrent = try Self.keptCountsAreCurrent(db)
        let before = try String.fetchOne(db, sql: "SELECT version FROM dataVersion WHERE id = 1")
        try db.execute(sql: "UPDATE dataVersion SET version = lower(hex(randomblob(16))) WHERE id = 1")
        // Texts, questions and the names redacted are unchanged when respondents, answers and questions are: a term
        // index complete before still is (a coder's decision leaves it so).
        if let counted, !counted.data.changed {
            try db.execute(
                sql:
                    "UPDATE termIndexState SET completeAt = (SELECT version FROM dataVersion WHERE id = 1) WHERE id = 1 AND completeAt = ?",
                arguments: [before])
        }
        // Respondents and answers only added (an import of new rows): their counts added. Rows rewritten or removed,
        // questions changed, or the counts behind already: all counted again. Otherwise only respondent themes can
        // have changed, and their rebuilds keep their counts.
        // The tagging figures are kept by the tagging run, and made again with everything else.
        if let counted, counted.data.changed {
            if wereCurrent && !counted.rewritten.happened {
                tallied = try Self.countAddedRows(db, tally: tally)
            } else {
                try Self.recountAll(db)
            }
        } else if !wereCurrent {
            try Self.recountAll(db)
        }
        try Self.stampKeptCounts(db)
        // The theme digests follow the tags through the writers that change them; rows rewritten or removed leave them
        // to be made again.
        if let counted, !counted.rewritten.happened { try Self.carryThemeDigests(from: before, db: db) }
        counted?.data.noteRecounted(db)
        return tallied
    }
}
