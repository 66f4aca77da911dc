/// One table an output published, as the publication ledger keeps it: its name, an identity for the table and what
/// it showed (`signature`), and the whole record (JSON: every number's key, count and whether it was hidden, and how
/// the numbers add up) that later outputs and `kartlagg audit` read back.
public struct LedgerEntry: Sendable, Equatable {
    public var title: String
    public var signature: String
    public var body: String

    public init(title: String, signature: String, body: String) {
        self.title = title
        self.signature = signature
        self.body = body
    }
}

/// One output recorded in the ledger: what it was, when, for which data, and how many tables it published.
public struct LedgerPublication: Codable, Sendable, Equatable {
    public init(id: Int64, output: String, at: String, dataVersion: String, tables: Int) {
        self.id = id
        self.output = output
        self.at = at
        self.dataVersion = dataVersion
        self.tables = tables
    }

    public var id: Int64
    public var output: String
    public var at: String
    public var dataVersion: String
    public var tables: Int
}

/// The ledger's state for the data as it is now.
public struct LedgerSummary: Codable, Sendable, Equatable {
    public init(path: String, startedAt: String? = nil, startedFresh: Bool, current: [LedgerPublication], earlier: Int) {
        self.path = path
        self.startedAt = startedAt
        self.startedFresh = startedFresh
        self.current = current
        self.earlier = earlier
    }

    /// The ledger's file.
    public var path: String
    /// When the ledger was started, and whether on purpose (`--fresh`) rather than by the first output.
    public var startedAt: String?
    public var startedFresh: Bool
    /// Outputs of the current data, and of earlier data (not audited: the data they describe is gone).
    public var current: [LedgerPublication]
    public var earlier: Int
}
