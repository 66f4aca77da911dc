import Foundation
import GRDB
import KartlaggningModel

// MARK: - Codebooks

extension KartlaggningStore {
    /// Stores `codebook`: as revision 1 of a new id, as the next revision when it differs from the latest,
    /// or not at all when it is the same.
    public func loadCodebook(_ codebook: Codebook) throws -> (outcome: CodebookLoadOutcome, revision: Int) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(codebook), as: UTF8.self)
        return try write { db in
            let latest = try CodebookRecord.latest(codebook.id).fetchOne(db)
            if let latest, latest.definition == json { return (.unchanged, latest.revision) }
            let revision = (latest?.revision ?? 0) + 1
            try CodebookRecord(
                id: codebook.id, revision: revision, version: codebook.version, language: codebook.language, definition: json,
                loadedAt: Self.timestamp()
            ).insert(db)
            for (position, theme) in codebook.themes.enumerated() {
                try ThemeRecord(
                    codebookId: codebook.id, revision: revision, id: theme.id, label: theme.label, parent: theme.parent,
                    position: position
                ).insert(db)
            }
            try refreshStaleRespondentThemes(db)
            return (latest == nil ? .added : .newRevision, revision)
        }
    }

    /// The latest revision of codebook `id`; with `id` nil, the only codebook there is.
    /// - Throws: `StoreError.codebookNotFound`, or `.codebookAmbiguous` when `id` is nil and there are several.
    public func codebook(id: String?, revision: Int? = nil) throws -> StoredCodebook {
        let record = try read { db -> CodebookRecord? in
            guard let id else {
                let ids = try String.fetchAll(db, sql: "SELECT DISTINCT id FROM codebook ORDER BY id")
                if ids.count > 1 { throw StoreError.codebookAmbiguous(ids) }
                return try CodebookRecord.latest().fetchOne(db)
            }
            if let revision {
                return try CodebookRecord.filter(CodebookRecord.Columns.id == id && CodebookRecord.Columns.revision == revision)
                    .fetchOne(db)
            }
            return try CodebookRecord.latest(id).fetchOne(db)
        }
        guard let record else { throw StoreError.codebookNotFound(id) }
        return try record.stored()
    }

    /// The latest revision of codebook `id`, read inside a transaction.
    static func latestCodebook(_ db: Database, id: String) throws -> StoredCodebook? {
        try CodebookRecord.latest(id).fetchOne(db)?.stored()
    }

    /// The latest revision of every codebook, with how many answers it tags.
    public func codebooks() throws -> [CodebookSummary] {
        try read { db in
            try CodebookSummary.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.version, c.revision, c.loadedAt,
                        (SELECT COUNT(*) FROM theme t WHERE t.codebookId = c.id AND t.revision = c.revision) AS themes,
                        (SELECT COUNT(DISTINCT e.answerId) FROM effectiveTag e WHERE e.codebookId = c.id) AS taggedAnswers
                    FROM codebook c
                    WHERE c.revision = (SELECT max(revision) FROM codebook WHERE id = c.id)
                    ORDER BY c.id
                    """)
        }
    }
}

extension KartlaggningStore {
    /// The latest revision of every codebook that has auto-tagged answers before.
    public func appliedCodebooks() throws -> [StoredCodebook] {
        let ids = try read { db in
            try String.fetchAll(
                db, sql: "SELECT id FROM codebook c WHERE EXISTS (SELECT 1 FROM tagRun r WHERE r.codebookId = c.id) GROUP BY id ORDER BY id"
            )
        }
        return try ids.map { try codebook(id: $0) }
    }
}
