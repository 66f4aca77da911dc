import GRDB

/// How many respondents carry each pair of a codebook's themes (each pair both ways; a theme with itself is not
/// counted), or changes to those counts: what a theme report's related themes read (`themePair`, part of the theme
/// digest) instead of joining every respondent of a theme to the themes they carry (433,000 pairs for a theme of
/// 200,000 respondents).
struct ThemePairCounts {
    struct Pair: Hashable {
        var theme: String
        var other: String
    }

    private(set) var counts: [Pair: Int] = [:]

    /// Counts one respondent carrying `themes` (their respondent themes, ancestors included) in (`sign` 1) or out (-1).
    mutating func add(respondentThemes themes: [String], sign: Int = 1) {
        for theme in themes {
            for other in themes where other != theme { counts[Pair(theme: theme, other: other), default: 0] += sign }
        }
    }

    /// Counts `n` respondents carrying both `theme` and `other`, both ways.
    mutating func add(_ theme: String, _ other: String, n: Int) {
        guard theme != other, n != 0 else { return }
        counts[Pair(theme: theme, other: other), default: 0] += n
        counts[Pair(theme: other, other: theme), default: 0] += n
    }

    /// The pairs of `respondents` (their respondent themes as the file holds them now), each respondent counted once.
    static func of(_ codebookId: String, respondents: [Int64], db: Database) throws -> [Int64: [String]] {
        var themes: [Int64: [String]] = [:]
        let rows = try Row.fetchCursor(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT respondentId, themeId FROM main.respondentTheme WHERE codebookId = \(codebookId) AND respondentId IN \(respondents)
                    """))
        while let row = try rows.next() { themes[row[0], default: []].append(row[1]) }
        return themes
    }

    /// Every respondent's themes under `codebookId`, counted in: one pass over the respondent themes in respondent order.
    static func counted(_ codebookId: String, db: Database) throws -> ThemePairCounts {
        var pairs = ThemePairCounts()
        var respondent: Int64?
        var themes: [String] = []
        let rows = try Row.fetchCursor(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT respondentId, themeId FROM main.respondentTheme INDEXED BY respondentTheme_respondent
                    WHERE codebookId = \(codebookId) ORDER BY respondentId
                    """))
        while let row = try rows.next() {
            let id: Int64 = row[0]
            if id != respondent {
                pairs.add(respondentThemes: themes)
                (respondent, themes) = (id, [])
            }
            themes.append(row[1])
        }
        pairs.add(respondentThemes: themes)
        return pairs
    }

    /// Adds the counts to `codebookId`'s rows, dropping any left at zero.
    func apply(codebookId: String, db: Database) throws {
        let add = try DigestRowAdder("themePair", column: "otherId", codebookId: codebookId, db: db)
        for (pair, n) in counts { try add.add(theme: pair.theme, pair.other, n: n) }
    }
}
