import GRDB

/// The publication ledger's one `ledger` row: when it was started, and whether on purpose (`fresh`).
struct LedgerRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "ledger"

    var id: Int64 = 1
    var startedAt: String
    var fresh: Bool
}
