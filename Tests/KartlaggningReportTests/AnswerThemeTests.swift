import Foundation
import GRDB
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningCore

/// `answerTheme` (v11) holds exactly the effectiveTag view's rows — after tagging, both coders' hand coding (positive
/// and "not this theme"), a decision taken in the store and a new revision of the codebook — and a read-only store
/// whose table is stale reads the same from its own temporary copy, leaving the file as it is.
struct AnswerThemeTests {
    static func differences(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM (SELECT codebookId, themeId, answerId FROM answerTheme
                                                  EXCEPT SELECT codebookId, themeId, answerId FROM effectiveTag))
                         + (SELECT COUNT(*) FROM (SELECT codebookId, themeId, answerId FROM effectiveTag
                                                  EXCEPT SELECT codebookId, themeId, answerId FROM answerTheme))
                    """) ?? -1
        }
    }

    /// A report reads a theme's answers that matched several words through the partial index `answerTheme_rank` (v17),
    /// in its order: no sorting of the theme's answers, which may be hundreds of thousands.
    @Test func answersWithSeveralWordsAreReadBestFirstFromTheIndex() throws {
        let folder = TemporaryDirectory()
        let db = folder.path("k.sqlite")
        #expect(try CLI.prepareDemo(db: db, in: folder.url) == [])
        let plan = try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(
                db,
                sql: """
                    EXPLAIN QUERY PLAN SELECT t.answerId, r.district FROM answerTheme t CROSS JOIN answer a ON a.id = t.answerId
                    CROSS JOIN respondent r ON r.id = a.respondentId
                    WHERE t.codebookId = 'bygdsam' AND t.themeId = 'bredband' AND a.isFreeText AND t.matched > 1
                    ORDER BY t.matched DESC, t.answerId
                    """
            ).map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("USING COVERING INDEX answerTheme_rank") && !plan.contains("B-TREE"), "\(plan)")
    }

    @Test func theTableIsTheViewThroughTaggingCodingAndRevisions() throws {
        let folder = TemporaryDirectory()
        let db = folder.path("k.sqlite")
        #expect(try CLI.prepareDemo(db: db, in: folder.url) == [])
        let rows = try DatabaseQueue(path: db).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM answerTheme") ?? 0 }
        #expect(rows > 200, "\(rows) rows")
        #expect(try Self.differences(db) == 0)

        // A coder overrules an auto tag: the answer leaves the theme.
        let store = try KartlaggningStore(path: db)
        let (answer, theme) = try DatabaseQueue(path: db).read { db in
            let row = try Row.fetchOne(db, sql: "SELECT answerId, themeId FROM tag WHERE coder = 'auto' AND negative = 0 LIMIT 1")
            return (row?[0] as Int64? ?? 0, row?[1] as String? ?? "")
        }
        try store.setManualTags(
            [ManualTag(answer: .id(answer), theme: theme, coder: "Cecilia", negative: true)], codebook: try store.codebook(id: nil))
        #expect(try Self.differences(db) == 0)
        let left = try DatabaseQueue(path: db).read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM answerTheme WHERE answerId = ? AND themeId = ?", arguments: [answer, theme])
        }
        #expect(left == 0)

        // A new revision of the codebook (one keyword more) tags again: the table follows it.
        var codebook = try String(contentsOfFile: Paths.sample("kodbok.yaml"), encoding: .utf8)
        codebook = codebook.replacingOccurrences(of: "version: ", with: "version: 2-")
        let changed = folder.write("kodbok.yaml", codebook)
        #expect(try CLI.run(["codebook", "load", "--db", db, changed], in: folder.url).status == 0)
        #expect(try Self.differences(db) == 0)

        // Stale in the file (as after an older kartlagg): a read-only store reads its own copy and writes nothing.
        let stored = try store.codebook(id: nil)
        let current = try store.themeCounts(stored)
        try DatabaseQueue(path: db).write { db in
            try db.execute(sql: "DELETE FROM answerTheme WHERE themeId = (SELECT themeId FROM answerTheme LIMIT 1)")
            try db.execute(sql: "UPDATE respondentThemeState SET stale = 1")
        }
        #expect(try Self.differences(db) > 0)
        let before = FileDigest.bytes(db)
        #expect(try KartlaggningStore(path: db, mode: .readOnly).themeCounts(stored) == current)
        #expect(FileDigest.bytes(db) == before)
        // The next writer makes it current again.
        try KartlaggningStore(path: db).ensureRespondentThemes(stored)
        #expect(try Self.differences(db) == 0)
    }
}
