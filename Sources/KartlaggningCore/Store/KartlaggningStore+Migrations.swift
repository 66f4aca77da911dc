import GRDB
import KartlaggningModel

// MARK: - Schema
//
// The data model, in one place:
//
// survey       a survey definition (id, title, wave, default respondent kind) and its JSON.
// question     one typed question of a survey: source column, type, options, scale range, and whether its
//              column identifies people (v4) or is a form tool's technical column (v6: in no report or cross-tab).
// district     canonical district names, their registry order, group (v5) and map code (v10); areaShape and areaMap
//              their boundaries for maps (v10); districtAlias and serviceTown
//              map other names to them.
// importBatch  one imported file: name, SHA-256, format, encoding, delimiter, the survey's columns in
//              the file's order, time and row counts. The same bytes may come twice (v7: after a later file
//              changed what they set).
// importChange what one import replaced in respondents it updated (v7): per respondent (questionId NULL)
//              its fields before and after, per answer its value before (NULL: added) and after (NULL:
//              removed), JSON. Respondents it added are those still carrying its batch id and no change row.
//              `kartlagg import undo` restores from here; it undoes a survey's imports last first.
// respondent   one company, association, thematic-group statement …: external id, kind, district,
//              service town, organisation, interviewer, date, wave, and the respondent cells as written
//              (rawFields, JSON); unique per survey and external id.
// answer       one answer: raw text as read plus the typed value (valueText / valueNumber). Its
//              provenance (batch, file, source line or JSON record) is its respondent's, since an
//              update rewrites all of a respondent's answers: the view answerProvenance shows it
//              for every answer. A free-text answer (isFreeText) is
//              its raw text, stored once: the FTS5 table answerText indexes it as external content,
//              with unicode61 remove_diacritics 0, so that å, ä and ö stay letters of their own.
//              answer ids only grow (AUTOINCREMENT), so an import indexes exactly the ids it added.
//
// codebook     a codebook's definition; a changed file is a new revision of the same id.
// theme        the themes of each revision, with their parents.
// tag          one theme on one answer: by `auto` (with the revision, the pattern that fired and the
//              matched spans, JSON [[start, end], …] in Unicode scalars) or by a named coder, whose
//              `negative` row says "not this theme" and overrules auto tags. tagRun records which
//              revision auto-tagged each answer, and how many auto tags it gave (v13), so re-running the
//              same revision is a no-op.
//              The view effectiveTag is what queries count.
// answerTheme  the effective tags of each codebook's latest revision (v11), answer by answer, no roll-up: rebuilt
//              with respondentTheme, what reports read a theme's answers from; with the words the theme's auto
//              tags matched in the answer (v16), which quotes are chosen by, and read in that order (v17).
// respondentTheme  which respondents carry which theme (its descendants' tags included), per codebook:
//              the effective tags rolled up, rebuilt after tagging and coding, marked stale by the
//              tag_ad_stale trigger when an import removes tags; cross-tabs count respondents from it.
//              Commands that write bring it up to date before they commit; readers never write it.
// tagReview    a coder's tag on an answer whose text a later import changed: the text the coder saw,
//              kept until a person accepts or drops the tag (`kartlagg tag review`).
// tagArchive   coders' tags on answers a later import no longer has: never deleted, kept with the
//              survey, respondent, question and text they were made on.
// erasure      one `kartlagg forget`: which survey, when, how much was erased; never the erased data.
// respondentCount, closedAnswerCount, respondentThemeCount, tagRunCount  counts kept (v12–v14): by the
//              respondent fields cross-tabs show and filter by (with each cell's interview period), and per codebook
//              revision the free texts tagged; made again by every writer, keptCountState holding the data
//              version they were made at.
// dataVersion  one row: a random token that every write transaction changing anything replaces (v8), so the
//              publication ledger beside the database (`<file>.publicerat`) knows which of its records are about
//              the data as it is now.
//
// Migrations are append-only: users' files hold real work.

extension KartlaggningStore {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: surveys, districts, respondents, answers, imports") { db in
            try db.execute(
                sql: """
                    CREATE TABLE survey (
                        id          TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
                        title       TEXT NOT NULL,
                        wave        TEXT,
                        defaultKind TEXT,
                        definition  TEXT NOT NULL,
                        addedAt     TEXT NOT NULL
                    );
                    CREATE TABLE question (
                        key          INTEGER PRIMARY KEY,
                        surveyId     TEXT NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
                        id           TEXT NOT NULL CHECK (id <> ''),
                        position     INTEGER NOT NULL,
                        sourceColumn TEXT NOT NULL,
                        text         TEXT NOT NULL,
                        type         TEXT NOT NULL
                            CHECK (type IN ('text','choice','multi','scale','integer','decimal','date','boolean')),
                        options      TEXT,
                        scaleMin     INTEGER,
                        scaleMax     INTEGER,
                        UNIQUE (surveyId, id),
                        UNIQUE (surveyId, sourceColumn)
                    );
                    CREATE TABLE district (
                        name     TEXT PRIMARY KEY NOT NULL CHECK (name <> ''),
                        position INTEGER NOT NULL
                    );
                    CREATE TABLE districtAlias (
                        alias    TEXT PRIMARY KEY NOT NULL,
                        district TEXT NOT NULL REFERENCES district(name) ON DELETE CASCADE
                    );
                    CREATE TABLE serviceTown (
                        name     TEXT PRIMARY KEY NOT NULL,
                        district TEXT NOT NULL REFERENCES district(name) ON DELETE CASCADE
                    );
                    CREATE TABLE importBatch (
                        id         INTEGER PRIMARY KEY,
                        surveyId   TEXT NOT NULL REFERENCES survey(id),
                        fileName   TEXT NOT NULL,
                        sha256     TEXT NOT NULL,
                        format     TEXT NOT NULL,
                        encoding   TEXT,
                        delimiter  TEXT,
                        columns    TEXT NOT NULL DEFAULT '[]',
                        importedAt TEXT NOT NULL,
                        rowsRead   INTEGER NOT NULL DEFAULT 0,
                        added      INTEGER NOT NULL DEFAULT 0,
                        updated    INTEGER NOT NULL DEFAULT 0,
                        unchanged  INTEGER NOT NULL DEFAULT 0,
                        rejected   INTEGER NOT NULL DEFAULT 0,
                        UNIQUE (surveyId, sha256)
                    );
                    CREATE TABLE respondent (
                        id           INTEGER PRIMARY KEY,
                        surveyId     TEXT NOT NULL REFERENCES survey(id),
                        externalId   TEXT NOT NULL CHECK (externalId <> ''),
                        kind         TEXT NOT NULL,
                        district     TEXT REFERENCES district(name),
                        serviceTown  TEXT REFERENCES serviceTown(name),
                        organisation TEXT,
                        interviewer  TEXT,
                        date         TEXT,
                        wave         TEXT,
                        batchId      INTEGER NOT NULL REFERENCES importBatch(id),
                        sourceLine   INTEGER NOT NULL,
                        sourceRecord INTEGER NOT NULL,
                        rawFields    TEXT NOT NULL DEFAULT '{}',
                        UNIQUE (surveyId, externalId)
                    );
                    CREATE INDEX respondent_district ON respondent(district);
                    CREATE TABLE answer (
                        id           INTEGER PRIMARY KEY AUTOINCREMENT,
                        respondentId INTEGER NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
                        questionKey  INTEGER NOT NULL REFERENCES question(key),
                        raw          TEXT NOT NULL,
                        valueText    TEXT,
                        valueNumber  REAL,
                        isFreeText   INTEGER NOT NULL DEFAULT 0,
                        UNIQUE (respondentId, questionKey)
                    );
                    CREATE INDEX answer_question ON answer(questionKey);
                    -- An answer always comes from its respondent's row: an update rewrites all of them.
                    CREATE VIEW answerProvenance AS
                        SELECT a.id AS answerId, r.surveyId, r.externalId, q.id AS questionId, b.id AS batchId,
                               b.fileName, b.sha256, r.sourceLine, r.sourceRecord
                        FROM answer a JOIN respondent r ON r.id = a.respondentId JOIN question q ON q.key = a.questionKey
                        JOIN importBatch b ON b.id = r.batchId;
                    CREATE VIRTUAL TABLE answerText USING fts5(
                        raw, content='answer', content_rowid='id',
                        tokenize = 'unicode61 remove_diacritics 0'
                    );
                    -- New answers are indexed in bulk by the import that wrote them (ImportSession), which is
                    -- many times faster than a row trigger; deletes and updates keep the index right here.
                    CREATE TRIGGER answer_ad AFTER DELETE ON answer WHEN old.isFreeText BEGIN
                        INSERT INTO answerText(answerText, rowid, raw) VALUES ('delete', old.id, old.raw);
                    END;
                    CREATE TRIGGER answer_au AFTER UPDATE OF raw, isFreeText ON answer BEGIN
                        INSERT INTO answerText(answerText, rowid, raw) SELECT 'delete', old.id, old.raw WHERE old.isFreeText;
                        INSERT INTO answerText(rowid, raw) SELECT new.id, new.raw WHERE new.isFreeText;
                    END;
                    """)
        }
        migrator.registerMigration("v2: codebooks, themes, tags") { db in
            try db.execute(
                sql: """
                    CREATE TABLE codebook (
                        id         TEXT NOT NULL CHECK (id <> ''),
                        revision   INTEGER NOT NULL,
                        version    TEXT NOT NULL,
                        language   TEXT NOT NULL,
                        definition TEXT NOT NULL,
                        loadedAt   TEXT NOT NULL,
                        PRIMARY KEY (id, revision)
                    );
                    CREATE TABLE theme (
                        codebookId TEXT NOT NULL,
                        revision   INTEGER NOT NULL,
                        id         TEXT NOT NULL,
                        label      TEXT NOT NULL,
                        parent     TEXT,
                        position   INTEGER NOT NULL,
                        PRIMARY KEY (codebookId, revision, id),
                        FOREIGN KEY (codebookId, revision) REFERENCES codebook(id, revision) ON DELETE CASCADE
                    );
                    CREATE TABLE tag (
                        id         INTEGER PRIMARY KEY,
                        answerId   INTEGER NOT NULL REFERENCES answer(id) ON DELETE CASCADE,
                        codebookId TEXT NOT NULL,
                        themeId    TEXT NOT NULL,
                        revision   INTEGER,
                        coder      TEXT NOT NULL CHECK (coder <> ''),
                        pattern    TEXT,
                        spans      TEXT,
                        negative   INTEGER NOT NULL DEFAULT 0,
                        note       TEXT,
                        createdAt  TEXT NOT NULL
                    );
                    CREATE INDEX tag_answer ON tag(answerId, codebookId, themeId);
                    CREATE INDEX tag_theme ON tag(codebookId, themeId);
                    CREATE UNIQUE INDEX tag_manual ON tag(answerId, codebookId, themeId, coder) WHERE coder <> 'auto';
                    CREATE TABLE tagRun (
                        answerId   INTEGER NOT NULL REFERENCES answer(id) ON DELETE CASCADE,
                        codebookId TEXT NOT NULL,
                        revision   INTEGER NOT NULL,
                        PRIMARY KEY (answerId, codebookId)
                    ) WITHOUT ROWID;
                    -- The tags analysts see: auto tags of each codebook's latest revision that no coder has
                    -- overruled ("not this theme"), and every coder's own positive tags.
                    CREATE VIEW effectiveTag AS
                        SELECT DISTINCT t.answerId, t.codebookId, t.themeId FROM tag t
                        WHERE t.negative = 0 AND (t.coder <> 'auto' OR (
                            t.revision = (SELECT max(c.revision) FROM codebook c WHERE c.id = t.codebookId)
                            AND NOT EXISTS (SELECT 1 FROM tag n WHERE n.answerId = t.answerId AND n.codebookId = t.codebookId
                                            AND n.themeId = t.themeId AND n.negative = 1)));
                    """)
        }
        migrator.registerMigration("v3: respondent themes for cross-tabs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE respondentTheme (
                        codebookId   TEXT NOT NULL,
                        themeId      TEXT NOT NULL,
                        respondentId INTEGER NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
                        PRIMARY KEY (codebookId, themeId, respondentId)
                    ) WITHOUT ROWID;
                    CREATE INDEX respondentTheme_respondent ON respondentTheme(respondentId);
                    CREATE TABLE respondentThemeState (
                        codebookId TEXT PRIMARY KEY NOT NULL,
                        revision   INTEGER NOT NULL,
                        stale      INTEGER NOT NULL DEFAULT 0
                    );
                    -- Tags deleted behind the store's back (an import replacing a respondent's answers cascades
                    -- here) make the codebook's respondent themes stale until they are rebuilt.
                    CREATE TRIGGER tag_ad_stale AFTER DELETE ON tag BEGIN
                        UPDATE respondentThemeState SET stale = 1 WHERE codebookId = old.codebookId AND stale = 0;
                    END;
                    """)
        }
        migrator.registerMigration("v4: answer-level upsert, tag review and archive, erasures") { db in
            try db.execute(
                sql: """
                    CREATE TABLE tagReview (
                        tagId       INTEGER PRIMARY KEY NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
                        previousRaw TEXT NOT NULL,
                        batchId     INTEGER REFERENCES importBatch(id),
                        flaggedAt   TEXT NOT NULL
                    );
                    CREATE TABLE tagArchive (
                        id          INTEGER PRIMARY KEY,
                        surveyId    TEXT NOT NULL,
                        externalId  TEXT NOT NULL,
                        questionId  TEXT NOT NULL,
                        answerRaw   TEXT NOT NULL,
                        codebookId  TEXT NOT NULL,
                        themeId     TEXT NOT NULL,
                        coder       TEXT NOT NULL,
                        negative    INTEGER NOT NULL,
                        note        TEXT,
                        createdAt   TEXT NOT NULL,
                        archivedAt  TEXT NOT NULL,
                        reason      TEXT NOT NULL,
                        batchId     INTEGER
                    );
                    ALTER TABLE question ADD COLUMN identifying INTEGER NOT NULL DEFAULT 0;
                    CREATE TABLE erasure (
                        id         INTEGER PRIMARY KEY,
                        surveyId   TEXT NOT NULL,
                        answers    INTEGER NOT NULL,
                        tags       INTEGER NOT NULL,
                        erasedAt   TEXT NOT NULL
                    );
                    """)
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        migrator.registerMigration("v5: district groups") { db in
            try db.execute(sql: "ALTER TABLE district ADD COLUMN groupName TEXT")
            try db.execute(sql: "PRAGMA user_version = 5")
        }
        migrator.registerMigration("v6: technical columns") { db in
            try db.execute(sql: "ALTER TABLE question ADD COLUMN technical INTEGER NOT NULL DEFAULT 0")
            try db.execute(sql: "PRAGMA user_version = 6")
        }
        // The same bytes may be imported again once a later file changed what they set (a wrong correction taken
        // back), so (surveyId, sha256) is no longer unique; what each import replaced is kept, so it can be undone.
        // SQLite cannot drop a constraint: the table is rebuilt (foreign keys are checked once the migration ends).
        migrator.registerMigration("v7: import changes and undo") { db in
            try db.execute(
                sql: """
                    DROP VIEW answerProvenance;
                    CREATE TABLE importBatchNew (
                        id         INTEGER PRIMARY KEY,
                        surveyId   TEXT NOT NULL REFERENCES survey(id),
                        fileName   TEXT NOT NULL,
                        sha256     TEXT NOT NULL,
                        format     TEXT NOT NULL,
                        encoding   TEXT,
                        delimiter  TEXT,
                        columns    TEXT NOT NULL DEFAULT '[]',
                        importedAt TEXT NOT NULL,
                        rowsRead   INTEGER NOT NULL DEFAULT 0,
                        added      INTEGER NOT NULL DEFAULT 0,
                        updated    INTEGER NOT NULL DEFAULT 0,
                        unchanged  INTEGER NOT NULL DEFAULT 0,
                        rejected   INTEGER NOT NULL DEFAULT 0
                    );
                    INSERT INTO importBatchNew SELECT id, surveyId, fileName, sha256, format, encoding, delimiter, columns,
                        importedAt, rowsRead, added, updated, unchanged, rejected FROM importBatch;
                    DROP TABLE importBatch;
                    ALTER TABLE importBatchNew RENAME TO importBatch;
                    CREATE INDEX importBatch_file ON importBatch(surveyId, sha256);
                    CREATE VIEW answerProvenance AS
                        SELECT a.id AS answerId, r.surveyId, r.externalId, q.id AS questionId, b.id AS batchId,
                               b.fileName, b.sha256, r.sourceLine, r.sourceRecord
                        FROM answer a JOIN respondent r ON r.id = a.respondentId JOIN question q ON q.key = a.questionKey
                        JOIN importBatch b ON b.id = r.batchId;
                    CREATE TABLE importChange (
                        id         INTEGER PRIMARY KEY,
                        batchId    INTEGER NOT NULL REFERENCES importBatch(id) ON DELETE CASCADE,
                        externalId TEXT NOT NULL,
                        questionId TEXT,
                        before     TEXT,
                        after      TEXT
                    );
                    CREATE INDEX importChange_batch ON importChange(batchId);
                    """)
        }
        // Outputs record what they published against the data they were made from: the version changes with every
        // write that changes anything, and is random, so a database made anew at the same path never claims an old
        // ledger's records.
        migrator.registerMigration("v8: data version") { db in
            try db.execute(
                sql: """
                    CREATE TABLE dataVersion (
                        id      INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
                        version TEXT NOT NULL
                    );
                    INSERT INTO dataVersion (id, version) VALUES (1, lower(hex(randomblob(16))));
                    PRAGMA user_version = 8;
                    """)
        }
        // The term index: each free text's words as keyness counts them (lemma, form, how often), kept so that
        // distinctive words are counted in SQL instead of tokenising every text on every report. Derived data: made
        // by `indexTerms` for the texts not yet in `termIndexed`, emptied when the way terms are made changes (the
        // key: tokeniser version and the names redacted), and dropped with its answer or when the answer's text changes.
        migrator.registerMigration("v9: term index") { db in
            try db.execute(
                sql: """
                    CREATE TABLE answerTerm (
                        answerId INTEGER NOT NULL REFERENCES answer(id) ON DELETE CASCADE,
                        lemma    TEXT NOT NULL,
                        surface  TEXT NOT NULL,
                        n        INTEGER NOT NULL,
                        PRIMARY KEY (answerId, lemma, surface)
                    ) WITHOUT ROWID;
                    CREATE TABLE termIndexed (
                        answerId INTEGER PRIMARY KEY NOT NULL REFERENCES answer(id) ON DELETE CASCADE
                    );
                    CREATE TABLE termIndexState (
                        id  INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
                        key TEXT NOT NULL
                    );
                    CREATE TRIGGER answerTerm_textChanged AFTER UPDATE OF raw ON answer WHEN old.raw IS NOT new.raw BEGIN
                        DELETE FROM answerTerm WHERE answerId = old.id;
                        DELETE FROM termIndexed WHERE answerId = old.id;
                    END;
                    -- Every form's count over all indexed texts, kept with the index: the whole's counts without a
                    -- pass over the index (a report without filters). The indexer adds each batch's totals; a
                    -- text's terms removed (its answer changed or gone) are taken off here.
                    CREATE TABLE termTotal (
                        lemma   TEXT NOT NULL,
                        surface TEXT NOT NULL,
                        n       INTEGER NOT NULL,
                        PRIMARY KEY (lemma, surface)
                    ) WITHOUT ROWID;
                    CREATE TRIGGER termTotal_removed AFTER DELETE ON answerTerm BEGIN
                        UPDATE termTotal SET n = n - old.n WHERE lemma = old.lemma AND surface = old.surface;
                    END;
                    """)
        }
        // v10: the registry's map. Each district's shape (projected, simplified polygons as JSON: `AreaMap.Area`'s
        // polygons in whole metres), its code in the map file, and the map's projection, file, property and credit.
        // Replaced with the registry; a district removed takes its shape with it.
        migrator.registerMigration("v10: area maps") { db in
            try db.execute(
                sql: """
                    ALTER TABLE district ADD COLUMN code TEXT;
                    CREATE TABLE areaShape (
                        district TEXT PRIMARY KEY NOT NULL REFERENCES district(name) ON DELETE CASCADE,
                        polygons TEXT NOT NULL
                    );
                    CREATE TABLE areaMap (
                        id         INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
                        file       TEXT NOT NULL,
                        property   TEXT NOT NULL,
                        source     TEXT,
                        projection TEXT NOT NULL
                    );
                    """)
        }
        // v11: the effective tags of each codebook's latest revision, kept as a table (`answerTheme`, no roll-up)
        // beside `respondentTheme` and rebuilt with it: reports read a theme's answers by index instead of through
        // the effectiveTag view, whose correlated subqueries run per tag. Filled from the view when the file is
        // upgraded, so a file current before is current after.
        migrator.registerMigration("v11: answer themes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE answerTheme (
                        codebookId TEXT NOT NULL,
                        themeId    TEXT NOT NULL,
                        answerId   INTEGER NOT NULL REFERENCES answer(id) ON DELETE CASCADE,
                        PRIMARY KEY (codebookId, themeId, answerId)
                    ) WITHOUT ROWID;
                    CREATE INDEX answerTheme_answer ON answerTheme(answerId);
                    INSERT INTO answerTheme (codebookId, themeId, answerId)
                        SELECT DISTINCT codebookId, themeId, answerId FROM effectiveTag;
                    """)
        }
        // v12: counts kept by the respondent fields cross-tabs show and filter by (survey, kind, district, service
        // town, wave, interviewer), one row per combination with how many — of respondents, of closed answers by
        // category, of respondent themes — made again by every writer (`KeptCountQueries.swift`). Made from the file's
        // rows by v13, so a file current before is current after.
        migrator.registerMigration("v12: kept counts") { db in
            let fields = """
                surveyId    TEXT NOT NULL,
                kind        TEXT NOT NULL,
                district    TEXT,
                serviceTown TEXT,
                wave        TEXT,
                interviewer TEXT,
                n           INTEGER NOT NULL
                """
            try db.execute(
                sql: """
                    CREATE TABLE respondentCount (\(fields), answers INTEGER NOT NULL);
                    CREATE TABLE closedAnswerCount (
                        questionKey INTEGER NOT NULL,
                        value       TEXT,
                        number      REAL,
                        \(fields)
                    );
                    CREATE INDEX closedAnswerCount_key ON closedAnswerCount(
                        questionKey, value, number, surveyId, kind, district, serviceTown, wave, interviewer);
                    CREATE INDEX respondentCount_key ON respondentCount(surveyId, kind, district, serviceTown, wave, interviewer);
                    CREATE TABLE respondentThemeCount (
                        codebookId TEXT NOT NULL,
                        themeId    TEXT NOT NULL,
                        \(fields)
                    );
                    CREATE INDEX respondentThemeCount_theme ON respondentThemeCount(codebookId, themeId);
                    CREATE TABLE keptCountState (
                        id               INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
                        version          TEXT,
                        respondentsUpTo  INTEGER NOT NULL DEFAULT 0,
                        answersUpTo      INTEGER NOT NULL DEFAULT 0
                    );
                    INSERT INTO keptCountState (id, version) VALUES (1, NULL);
                    ALTER TABLE termIndexState ADD COLUMN completeAt TEXT;
                    """)
            // Counted by v13, which adds to what is counted.
        }
        // v13: the tagging figures kept — how many auto tags each run gave an answer (`tagRun.autoTags`), the free
        // texts beside each cell's answers (`respondentCount.freeTexts`), and per codebook revision how many free
        // texts it has tagged and how many it gave a theme (`tagRunCount`) — so a report's method box sums a few rows
        // instead of counting every tag. `autoTags` filled here from the tags; the counts made by v14.
        migrator.registerMigration("v13: tagging figures kept") { db in
            try db.execute(
                sql: """
                    ALTER TABLE tagRun ADD COLUMN autoTags INTEGER NOT NULL DEFAULT 0;
                    UPDATE tagRun SET autoTags = (
                        SELECT COUNT(*) FROM tag t WHERE t.answerId = tagRun.answerId AND t.codebookId = tagRun.codebookId
                        AND t.coder = 'auto' AND t.revision = tagRun.revision);
                    ALTER TABLE respondentCount ADD COLUMN freeTexts INTEGER NOT NULL DEFAULT 0;
                    CREATE TABLE tagRunCount (
                        codebookId TEXT NOT NULL,
                        revision   INTEGER NOT NULL,
                        answers    INTEGER NOT NULL,
                        autoTagged INTEGER NOT NULL,
                        PRIMARY KEY (codebookId, revision)
                    ) WITHOUT ROWID;
                    """)
            // Counted by v14, which adds to what is counted.
        }
        // v14: each kept cell's first and last interview date (`respondentCount.firstDate`, `lastDate`), so the
        // reports' data basis (respondents per survey and their period) sums the cells instead of reading every
        // respondent. Counted here from the file's rows, with everything kept before.
        migrator.registerMigration("v14: interview dates kept") { db in
            try db.execute(
                sql: """
                    ALTER TABLE respondentCount ADD COLUMN firstDate TEXT;
                    ALTER TABLE respondentCount ADD COLUMN lastDate TEXT;
                    """)
            try KartlaggningStore.recountAll(db)
            try KartlaggningStore.stampKeptCounts(db)
            try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
        }
        // v15: the index of tags by codebook and theme (`tag_theme`, v2) dropped. Every query by theme reads
        // `answerTheme` or `respondentTheme`, or finds an answer's tags by `tag_answer`; the few that read a codebook's
        // tags whole scan the table faster without it (measured at 200,000 respondents: a count by answers 3.4 → 2.9 s,
        // by mentions of one question 3.3 → 1.6 s, reports unchanged), and tagging wrote a million index entries
        // into it for nothing (1.2 s of 12.5). An index only: no row changes.
        migrator.registerMigration("v15: tags by theme read from answerTheme") { db in
            try db.execute(sql: "DROP INDEX IF EXISTS tag_theme")
            try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
        }
        // v16: each answer theme keeps the words its auto tags matched (`answerTheme.matched`: the tags' spans, of the
        // codebook's latest revision), which quotes are chosen by, so a report reads no tag to choose them. Filled here
        // from the tags, as every rebuild fills it.
        migrator.registerMigration("v16: matched words kept with answer themes") { db in
            try db.execute(
                sql: """
                    ALTER TABLE answerTheme ADD COLUMN matched INTEGER NOT NULL DEFAULT 0;
                    UPDATE answerTheme SET matched = (
                        SELECT COALESCE(SUM(json_array_length(s.spans)), 0) FROM tag s
                        WHERE s.answerId = answerTheme.answerId AND s.codebookId = answerTheme.codebookId
                            AND s.themeId = answerTheme.themeId AND s.coder = 'auto' AND s.spans IS NOT NULL
                            AND s.revision = (SELECT max(c.revision) FROM codebook c WHERE c.id = answerTheme.codebookId));
                    """)
            try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
        }
        // v17: a theme's answers that matched more than one word, best first (`answerTheme_rank`, partial): a report's
        // quotes are read in the order they are chosen (most words matched, then the lowest answer id) and the reading
        // stops once every district has its few, instead of going through every answer of the theme. Answers that
        // matched one word or none follow in the table's own order (by answer id within a theme), so only the few
        // answers with several words are indexed again (14–19 % of the benchmark's answer themes). An index only.
        migrator.registerMigration("v17: answer themes by words matched") { db in
            try db.execute(
                sql: "CREATE INDEX answerTheme_rank ON answerTheme(codebookId, themeId, matched DESC, answerId) WHERE matched > 1")
            try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
        }
        // v18: the term index notes the last answer id it held every text up to when it found itself complete
        // (`termIndexState.completeThrough`). Answer ids only grow, so the texts an import adds lie above it and are
        // found without a pass over every text; a text changed in place (or an answer that becomes a free text) can
        // leave a gap below it, so any such change forgets the mark (`termIndex_gap`) and the next pass reads every
        // text again, as before.
        migrator.registerMigration("v18: term index complete through an answer") { db in
            try db.execute(
                sql: """
                    ALTER TABLE termIndexState ADD COLUMN completeThrough INTEGER;
                    CREATE TRIGGER termIndex_gap AFTER UPDATE OF raw, isFreeText ON answer
                    WHEN old.raw IS NOT new.raw OR old.isFreeText IS NOT new.isFreeText BEGIN
                        UPDATE termIndexState SET completeThrough = NULL WHERE id = 1 AND completeThrough IS NOT NULL;
                    END;
                    """)
            try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
        }
        // v19: the organisations respondents name, indexed where there is one (`respondent_organisation`, partial): every
        // report, import and term index reads their names to keep them out of what it shows, and read them by a pass
        // over every respondent (0.13 s at two million, most of a small import's time, where residents name none).
        migrator.registerMigration("v19: organisations indexed") { db in
            try db.execute(sql: "CREATE INDEX respondent_organisation ON respondent(organisation) WHERE organisation IS NOT NULL")
            try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
        }
        // v20: what a theme report reads of a theme, kept (the theme digest): each theme's term counts over the texts
        // carrying it or one of its descendants (`themeTerm`, from the term index), how many of those texts each
        // question gave (`themeSource`) and how many respondents carry it with each other theme (`themePair`), per
        // codebook. Derived data like the term index: current while
        // `themeDigestState` holds the data's version and the index's key, kept so by the writers that change answer
        // themes (a tagging run, a coder's decision) and by the indexer, made again whole where rows were rewritten.
        // Also the free texts that ask something (`answer_asking`, partial): a report's questions respondents ask
        // are read from them instead of every text of the theme.
        migrator.registerMigration("v20: theme digest") { db in
            try db.execute(
                sql: """
                    CREATE TABLE themeTerm (
                        codebookId TEXT NOT NULL,
                        themeId    TEXT NOT NULL,
                        lemma      TEXT NOT NULL,
                        n          INTEGER NOT NULL,
                        PRIMARY KEY (codebookId, themeId, lemma)
                    ) WITHOUT ROWID;
                    CREATE TABLE themeSource (
                        codebookId  TEXT NOT NULL,
                        themeId     TEXT NOT NULL,
                        questionKey INTEGER NOT NULL,
                        n           INTEGER NOT NULL,
                        PRIMARY KEY (codebookId, themeId, questionKey)
                    ) WITHOUT ROWID;
                    CREATE TABLE themePair (
                        codebookId TEXT NOT NULL,
                        themeId    TEXT NOT NULL,
                        otherId    TEXT NOT NULL,
                        n          INTEGER NOT NULL,
                        PRIMARY KEY (codebookId, themeId, otherId)
                    ) WITHOUT ROWID;
                    CREATE TABLE themeDigestState (
                        codebookId TEXT PRIMARY KEY NOT NULL,
                        revision   INTEGER NOT NULL,
                        version    TEXT NOT NULL,
                        termKey    TEXT NOT NULL
                    );
                    CREATE INDEX answer_asking ON answer(id) WHERE isFreeText AND instr(raw, '?') > 0;
                    """)
            try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
        }
        return migrator
    }

    /// The schema this kartlagg writes: the number of its migrations, also kept in SQLite's `user_version`.
    public static let schemaVersion = 20
}
