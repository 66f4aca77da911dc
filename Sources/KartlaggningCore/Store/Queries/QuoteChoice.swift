/// The best few answers of each district for a report's quotes, chosen in one pass over every candidate: most matched
/// words first, then the lowest answer id, at most `perDistrict` a district.
struct QuoteChoice {
    /// One candidate: its answer, district and matched words.
    struct Pick: Equatable {
        var answer: Int64
        var district: String
        var matched: Int

        /// Whether this pick goes before `other` within a district.
        func isBetter(than other: Pick) -> Bool {
            matched != other.matched ? matched > other.matched : answer < other.answer
        }
    }

    let perDistrict: Int
    private var byDistrict: [String: [Pick]] = [:]
    /// How many districts have `perDistrict` picks.
    private var filled = 0

    init(perDistrict: Int) { self.perDistrict = perDistrict }

    /// Keeps the candidate if it is among its district's best so far.
    mutating func offer(answer: Int64, district: String, matched: Int) {
        let pick = Pick(answer: answer, district: district, matched: matched)
        let held = byDistrict[district]?.count ?? 0
        // Most candidates lose to a full district's worst: looked at without touching the district's list.
        if held == perDistrict, let worst = byDistrict[district]?.last, !pick.isBetter(than: worst) { return }
        byDistrict[district, default: []].insertKeepingBest(pick, limit: perDistrict)
        if held == perDistrict - 1 { filled += 1 }
    }

    /// Whether every one of `districts` has its `perDistrict` picks, and no other district has any: for candidates
    /// offered best first, nothing later can change the choice.
    func hasFilled(_ districts: Set<String>) -> Bool {
        filled == districts.count && byDistrict.count == districts.count && districts.allSatisfy { byDistrict[$0] != nil }
    }

    /// The picks, by district in SQLite's text order (its bytes), best first within each.
    var chosen: [Pick] {
        byDistrict.keys.sorted { $0.sortsBeforeInSQLite($1) }.flatMap { byDistrict[$0] ?? [] }
    }
}

extension [QuoteChoice.Pick] {
    /// Inserts `pick` in its place (best first), dropping the worst beyond `limit`.
    fileprivate mutating func insertKeepingBest(_ pick: QuoteChoice.Pick, limit: Int) {
        insert(pick, at: firstIndex { pick.isBetter(than: $0) } ?? count)
        if count > limit { removeLast() }
    }
}
