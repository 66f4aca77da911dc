import KartlaggningCore
import KartlaggningModel

/// Browser sessions: each has a random id (its cookie), a random token its forms carry (CSRF), and the coder name
/// given once. Held in memory: a restart asks for the name again.
actor Sessions {
    struct Session: Sendable, Equatable {
        var id: String
        var token: String
        var coder: String?
        /// The coder's last decision: the next page says what it did, with a way to take it back (until the next).
        var lastDecision: Decision?
    }

    /// A decision as the page after it reports it: which answer, which theme, added or said not to be, what the coder
    /// had decided there before (nil: nothing), and whether it has been taken back.
    struct Decision: Sendable, Equatable {
        var answer: Int64
        var theme: String
        var negative: Bool
        var previous: ManualDecision?
        var undone = false
        /// Whether a page has said so (each decision is told once).
        var told = false
    }

    private var sessions: [String: Session] = [:]
    /// Sessions kept at most; the oldest go first.
    private let limit = 10_000
    private var order: [String] = []

    /// The session of a cookie's id, or a new one (`isNew`: the response sets its cookie).
    func session(for id: String?) -> (session: Session, isNew: Bool) {
        if let id, let known = sessions[id] { return (known, false) }
        let made = Session(id: Self.random(), token: Self.random(), coder: nil, lastDecision: nil)
        sessions[made.id] = made
        order.append(made.id)
        if order.count > limit {
            sessions[order.removeFirst()] = nil
        }
        return (made, true)
    }

    /// The session of `id` when `token` is its form token (compared in constant time).
    func verified(id: String?, token: String?) -> Session? {
        guard let id, let token, let session = sessions[id], Self.same(session.token, token) else { return nil }
        return session
    }

    func setCoder(_ coder: String, for id: String) {
        sessions[id]?.coder = coder
    }

    func setLastDecision(_ decision: Decision?, for id: String) {
        sessions[id]?.lastDecision = decision
    }

    /// The last decision, to tell the coder about: once.
    func untoldDecision(for id: String) -> Decision? {
        guard let decision = sessions[id]?.lastDecision, !decision.told else { return nil }
        sessions[id]?.lastDecision?.told = true
        return decision
    }

    /// 32 random bytes as hex, from the system's generator.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte >> 4, radix: 16) + String(byte & 0x0f, radix: 16)
        }.joined()
    }

    /// Whether two strings are equal, looking at every byte whatever the first difference.
    static func same(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
