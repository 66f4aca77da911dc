import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel

/// `kartlagg audit`: everything the publication ledger holds for the data as it is now, audited as one set of facts
/// (`JointAudit`) — what a reader holding every report, published cross-tab and workbench page could work out.
public enum PublicationAudit {
    public struct Outcome: Codable, Sendable, Equatable {
        public var ledger: LedgerSummary
        public var audit: JointAudit.Result

        /// Whether some hidden value can be narrowed below the rule, or was shown elsewhere.
        public var failed: Bool { !audit.findings.isEmpty || !audit.shownElsewhere.isEmpty }
    }

    /// Audits the ledger beside `store`'s database. Reads only: the ledger is not created where there is none.
    public static func run(store: KartlaggningStore) throws -> Outcome {
        guard let path = store.path else { throw StoreError.ledger(path: ":memory:", reason: "a database in memory has no ledger") }
        let version = try store.contentVersion()
        let ledger = try PublicationLedger(beside: path, appending: false)
        let tables = try Publication.decode(try ledger.tables(dataVersion: version), ledger: ledger.path)
        return Outcome(ledger: try ledger.summary(dataVersion: version), audit: JointAudit.audit(tables))
    }
}
