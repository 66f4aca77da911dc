import KartlaggningCore
import KartlaggningModel

/// How `kartlagg serve` runs: which database, where it listens, and what the page may show.
public struct WorkbenchOptions: Sendable {
    public var database: String
    /// 127.0.0.1 unless `--host` asks for another address (a LAN at a meeting: an access token is then required).
    public var host = "127.0.0.1"
    /// 0: any free port (the URL printed says which).
    public var port = 8080
    /// A projector's view: no coding, larger type, quotes stepped through one by one.
    public var meeting = false
    /// `--identifying`: the page may offer "show names"; without it every quote is pseudonymised.
    public var identifying = false
    /// Counts below this are hidden (and what would let them be worked out), as in `crosstab` and the reports.
    public var minCell = CrossSpec.defaultMinCell
    /// The codebook whose themes are shown (nil: the only one loaded).
    public var codebook: String?
    /// Required of every request when set (`?token=` once, then a cookie); set whenever the host is not loopback.
    public var accessToken: String?
    /// Answers per page.
    public var pageSize = 50
    /// Record what pages show in the publication ledger beside the database (the default), and protect each page with
    /// what it holds.
    public var publish = true
    /// Start a new ledger when the workbench starts (`--fresh`).
    public var freshLedger = false

    public init(database: String) {
        self.database = database
    }

    /// The names of this machine: a host it listens on, and the only ones a request may name when it does.
    static let loopbackNames: Set<String> = ["127.0.0.1", "::1", "localhost"]

    /// Whether `host` is this machine only.
    public var isLoopback: Bool { Self.loopbackNames.contains(host) }
}
