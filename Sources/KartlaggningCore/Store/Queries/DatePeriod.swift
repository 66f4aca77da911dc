/// The first and last of some interview dates, compared as SQLite compares text (by their UTF-8 bytes), so a kept
/// period is what `MIN(date)` and `MAX(date)` over the same respondents give.
struct DatePeriod: Equatable {
    private(set) var first: String?
    private(set) var last: String?

    /// Widens the period to `date` (nil: no date, nothing changes).
    mutating func include(_ date: String?) {
        guard let date else { return }
        if first.map({ date.sortsBeforeInSQLite($0) }) ?? true { first = date }
        if last.map({ $0.sortsBeforeInSQLite(date) }) ?? true { last = date }
    }
}
