import GRDB
import KartlaggningModel

/// The respondent themes of a codebook's first tagging run, gathered from the run itself: a bit per respondent for each
/// theme, set for the themes of a respondent's answers and their ancestors — what `rebuildRespondentThemes` otherwise
/// works out in SQL from `answerTheme` (joining 900,000 answer themes to their answers and sorting them to drop
/// repeats). Written in the table's key order, a batch at a time (`write`).
///
/// Memory: one bit per respondent id for each theme that occurs (200 themes over 2 million respondents: 50 MB).
struct RespondentThemeBits {
    private let codebookId: String
    /// Each theme with itself and its ancestors, as indexes into `themes`.
    private let closure: [String: [Int]]
    /// The codebook's themes in SQLite's order of text (the table's key order).
    private let themes: [String]
    private var bits: [[UInt64]]
    private let words: Int

    /// For `codebook`'s themes over respondent ids up to `maxRespondentId`.
    init(_ codebook: Codebook, maxRespondentId: Int64) {
        codebookId = codebook.id
        themes = codebook.themes.map(\.id).sorted { $0.sortsBeforeInSQLite($1) }
        let index = Dictionary(themes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        closure = Dictionary(
            codebook.rollUp.map { theme, counted in (theme, counted.compactMap { index[$0] }) }, uniquingKeysWith: { first, _ in first })
        words = Int(max(maxRespondentId, 0) / 64) + 1
        bits = Array(repeating: [], count: themes.count)
    }

    /// Notes that `respondent` has `theme` (and its ancestors); a theme not in the codebook adds nothing (as in SQL).
    mutating func add(theme: String, respondent: Int64) {
        guard let indexes = closure[theme], respondent >= 0, Int(respondent / 64) < words else { return }
        let word = Int(respondent / 64)
        let bit = UInt64(1) << UInt64(respondent % 64)
        for index in indexes {
            if bits[index].isEmpty { bits[index] = Array(repeating: 0, count: words) }
            bits[index][word] |= bit
        }
    }

    /// Each row, as (theme, respondent id), in the table's key order: theme by theme, respondent by respondent.
    func forEachRow(_ body: (_ theme: String, _ respondent: Int64) throws -> Void) rethrows {
        for (index, theme) in themes.enumerated() where !bits[index].isEmpty {
            for (word, value) in bits[index].enumerated() where value != 0 {
                var rest = value
                while rest != 0 {
                    let bit = rest.trailingZeroBitCount
                    rest &= rest - 1
                    try body(theme, Int64(word * 64 + bit))
                }
            }
        }
    }

    /// How many respondents carry each pair of themes: the bits of the two ANDed and counted (for 200 themes over
    /// 200,000 respondents, 20,000 pairs of 3,000 words: a few tens of milliseconds).
    func pairCounts() -> ThemePairCounts {
        var pairs = ThemePairCounts()
        let present = themes.indices.filter { !bits[$0].isEmpty }
        for (i, first) in present.enumerated() {
            for second in present[(i + 1)...] {
                var n = 0
                bits[first].withUnsafeBufferPointer { a in
                    bits[second].withUnsafeBufferPointer { b in
                        for word in 0..<min(a.count, b.count) { n += (a[word] & b[word]).nonzeroBitCount }
                    }
                }
                pairs.add(themes[first], themes[second], n: n)
            }
        }
        return pairs
    }

    /// Writes the rows (after the codebook's old ones were deleted), in the table's key order, a batch at a time.
    func write(_ db: Database) throws {
        // No row can conflict (the codebook has none left, and each pair is one bit): should one fail, the statement
        // fails and the run with it (its transaction is rolled back), so SQLite keeps no statement journal of the
        // pages each batch changes that the batches before it wrote (with foreign keys off: a first run).
        let insert = try BatchedInsert<RespondentThemeRecord>(db, onConflict: .fail)
        try forEachRow { theme, respondent in
            try insert.add(RespondentThemeRecord(codebookId: codebookId, themeId: theme, respondentId: respondent))
        }
        try insert.flush()
    }
}
