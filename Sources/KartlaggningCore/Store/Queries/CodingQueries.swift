import GRDB
import KartlaggningModel

// MARK: - Coding, for agreement and terms

extension KartlaggningStore {
    /// A coder's themes per answer, for every answer the coder coded: for `auto`, the answers the codebook's
    /// latest revision tagged (its own tags, before any coder overrules them); for a person, the answers with
    /// any decision of theirs (an answer they said "not" to every theme of has an empty set).
    public func coding(by coder: String, codebook stored: StoredCodebook) throws -> [Int64: Set<String>] {
        try read { db in
            var coding: [Int64: Set<String>] = [:]
            let id = stored.codebook.id
            if coder == Coder.auto.rawValue {
                for answer in try Int64.fetchAll(
                    db, sql: "SELECT answerId FROM tagRun WHERE codebookId = ? AND revision = ?", arguments: [id, stored.revision])
                {
                    coding[answer] = []
                }
                for row in try Row.fetchAll(
                    db, sql: "SELECT answerId, themeId FROM tag WHERE codebookId = ? AND coder = \(Coder.autoSQL) AND revision = ?",
                    arguments: [id, stored.revision])
                {
                    coding[row[0], default: []].insert(row[1])
                }
                return coding
            }
            // A person's decisions through the partial index on manual tags, not a scan of every auto tag.
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT answerId, themeId, negative FROM tag INDEXED BY tag_manual
                    WHERE coder <> \(Coder.autoSQL) AND codebookId = ? AND coder = ?
                    """, arguments: [id, coder])
            {
                let (answer, theme, negative): (Int64, String, Bool) = (row[0], row[1], row[2])
                if negative {
                    coding[answer, default: []].formUnion([])
                } else {
                    coding[answer, default: []].insert(theme)
                }
            }
            return coding
        }
    }

    /// The coders who have coded answers with this codebook, `auto` first when it has.
    public func coders(codebook stored: StoredCodebook) throws -> [String] {
        try read { db in
            // People's tags through the partial index on manual tags; whether `auto` has any, by one lookup.
            let auto =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM tag WHERE codebookId = ? AND coder = \(Coder.autoSQL))",
                    arguments: [stored.codebook.id])
                ?? false
            let people = try String.fetchAll(
                db,
                sql: "SELECT DISTINCT coder FROM tag INDEXED BY tag_manual WHERE coder <> \(Coder.autoSQL) AND codebookId = ? "
                    + "ORDER BY coder",
                arguments: [stored.codebook.id])
            return (auto ? [Coder.auto.rawValue] : []) + people
        }
    }

    /// Calls `body` with every free text and its group, in answer order, one at a time.
    /// - Parameter untaggedBy: only texts that codebook found no theme in.
    public func forEachFreeText(
        groupedBy grouping: TermGrouping, untaggedBy stored: StoredCodebook? = nil, _ body: (String, String) throws -> Void
    ) throws {
        var sql: SQL =
            "SELECT \(Self.groupSQL(grouping)) AS grp, a.raw FROM answer a JOIN respondent r ON r.id = a.respondentId WHERE \(Self.indexedTexts)"
        if let stored {
            try ensureRespondentThemes(stored)
            sql += Self.untaggedSQL(stored)
        }
        try read { db in
            let rows = try Row.fetchCursor(db, SQLRequest<Row>(literal: sql + " ORDER BY a.id"))
            while let row = try rows.next() {
                try body(row[0] as String? ?? Self.noGroup, row[1])
            }
        }
    }

    /// Term counts per group from the term index (current: see `indexTerms`), over the texts `forEachFreeText` would
    /// read: each group's lemmas, and every lemma's forms over all groups.
    public func termCounts(groupedBy grouping: TermGrouping, untaggedBy stored: StoredCodebook? = nil) throws
        -> (counts: [String: [String: Int]], surfaces: [String: [String: Int]])
    {
        var sql: SQL = """
            SELECT \(Self.groupSQL(grouping)) AS grp, t.lemma, t.surface, SUM(t.n)
            FROM answer a JOIN respondent r ON r.id = a.respondentId JOIN answerTerm t ON t.answerId = a.id WHERE \(Self.indexedTexts)
            """
        if let stored {
            try ensureRespondentThemes(stored)
            sql += Self.untaggedSQL(stored)
        }
        return try read { db in
            var counts: [String: [String: Int]] = [:]
            var surfaces: [String: [String: Int]] = [:]
            let rows = try Row.fetchCursor(db, SQLRequest<Row>(literal: sql + " GROUP BY 1, 2, 3"))
            while let row = try rows.next() {
                let lemma: String = row[1]
                let count: Int = row[3]
                counts[row[0] as String? ?? Self.noGroup, default: [:]][lemma, default: 0] += count
                surfaces[lemma, default: [:]][row[2], default: 0] += count
            }
            return (counts, surfaces)
        }
    }

    /// The group a text without one is counted in.
    static let noGroup = "(inget)"

    static func groupSQL(_ grouping: TermGrouping) -> SQL {
        switch grouping {
        case .district: "r.district"
        case .kind: "r.kind"
        case .survey: "r.surveyId"
        case .wave: "r.wave"
        }
    }

    static func untaggedSQL(_ stored: StoredCodebook) -> SQL {
        " AND a.id NOT IN (\(answersTagged(stored)))"
    }
}
