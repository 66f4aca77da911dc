import GRDB

/// The answer themes of a codebook's first tagging run, gathered as the run goes and written theme by theme. The run
/// reads answers in id order, so each theme's answers arrive in the table's key order (`codebookId, themeId, answerId`):
/// written answer by answer, each row went to one of the codebook's themes' places in the key, a B-tree insertion
/// among 200 apart; held and written a theme at a time, the key grows at its end and only `answerTheme_answer` is
/// written out of order. Measured in `sqlite3` on the 939,176 answer themes of 200 themes over 600,000 texts: 2.5–2.7 s
/// of CPU in answer order, 1.2–1.7 s theme by theme (docs/benchmarks.md).
///
/// Memory: 16 bytes a row held, and at most `heldRows` are held (8 MB) before they are written: a run over more
/// writes several times, each theme by theme.
struct AnswerThemeRuns {
    /// Rows held at most before they are written, unless told otherwise (tests hold fewer).
    static let heldRows = 1 << 19

    private let codebookId: String
    private let heldRows: Int
    /// Each theme's answers with their matched words, in the order they came (answer ids ascending).
    private var rows: [String: [(answer: Int64, matched: Int)]] = [:]
    /// Rows held.
    private(set) var held = 0

    init(codebookId: String, heldRows: Int = Self.heldRows) {
        self.codebookId = codebookId
        self.heldRows = max(1, heldRows)
    }

    /// Whether the rows held should be written now.
    var isFull: Bool { held >= heldRows }

    /// Notes that `answer` has `theme`, with the words its auto tags matched. Answers come in ascending id order.
    mutating func add(theme: String, answer: Int64, matched words: Int) {
        rows[theme, default: []].append((answer, words))
        held += 1
    }

    /// Writes the rows held, theme by theme in SQLite's order of text, each theme's answers in id order, and lets them
    /// go. A row already there is left as it is (as the answer-by-answer writing did).
    mutating func write(_ db: Database) throws {
        guard held > 0 else { return }
        let insert = try BatchedInsert<AnswerThemeRecord>(db, onConflict: .ignore)
        for (theme, held) in rows.sorted(by: { $0.key.sortsBeforeInSQLite($1.key) }) {
            for row in held {
                try insert.add(AnswerThemeRecord(codebookId: codebookId, themeId: theme, answerId: row.answer, matched: row.matched))
            }
        }
        try insert.flush()
        rows = [:]
        held = 0
    }
}
