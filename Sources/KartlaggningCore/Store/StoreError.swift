import Foundation
import KartlaggningModel

/// What can go wrong in the store; each case says which file, survey or name it concerns.
public enum StoreError: Error, Equatable, Sendable, LocalizedError {
    /// The database file could not be opened or is not a kartlagg database.
    case cannotOpen(path: String, reason: String)
    /// A read-only command was pointed at a file that does not exist.
    case missingDatabase(path: String)
    /// No survey has this id.
    case surveyNotFound(String)
    /// A survey definition cannot replace the stored one.
    case surveyConflict(survey: String, reason: String)
    /// The district registry cannot be loaded.
    case districtConflict(String)
    /// A new registry leaves out an area that respondents live in.
    case districtInUse(name: String, respondents: Int)
    /// A new registry leaves out a service town that respondents belong to.
    case serviceTownInUse(String)
    /// A stored survey definition or codebook that cannot be read back (`what`: "survey" or "codebook").
    case storedDefinitionUnreadable(what: String, id: String, reason: String)
    /// No codebook has this id (nil: no codebook at all).
    case codebookNotFound(String?)
    /// Several codebooks are loaded and the command did not say which.
    case codebookAmbiguous([String])
    /// The codebook has no such theme.
    case themeNotFound(theme: String, codebook: String)
    /// No answer is so named.
    case answerNotFound(String)
    /// Cross-tabs: a question of a survey's technical columns (an id, a timing, tool metadata).
    case technicalColumn(question: String)
    /// Cross-tabs: a question whose type has no categories to count (text, date).
    case notCrossTabulable(question: String, type: String)
    /// Cross-tabs: a name that is neither a dimension nor a question id.
    case unknownDimension(String)
    /// Cross-tabs: a question id several surveys have, not told apart by `survey/question`.
    case ambiguousQuestion(String, surveys: [String])
    /// Cross-tabs: a dimension that is not a field of the respondent (`filtering`: asked as a filter).
    case notARespondentField(String, filtering: Bool)
    /// A question counted as a number that is not one.
    case notANumber(question: String, type: String)
    /// Cross-tabs: questions of different surveys in one table.
    case questionsFromDifferentSurveys([String])
    /// SQLite refused an operation.
    case database(String)
    /// The file was written by a newer kartlagg: this one does not know its schema and will not touch it.
    case newerSchema(path: String, found: Int, known: Int, unknownMigrations: [String])
    /// A read-only command met a file with an older schema; a command that writes (or `init`) upgrades it.
    case olderSchema(path: String, found: Int, known: Int)
    /// A table counting answers or mentions without theme as its rows or columns.
    case unitNeedsTheme(unit: String)
    /// An integer or decimal question cross-tabulated without bin edges.
    case binsNeeded(question: String, type: String)
    /// A full-text query SQLite cannot read.
    case fullTextQuery(text: String, reason: String)
    /// A survey with answers, removed without force.
    case surveyHasAnswers(survey: String, respondents: Int, answers: Int, manualTags: Int)
    /// A manual tag names the matcher (`auto`) as its coder.
    case reservedCoder
    /// A command that only reads tried to write.
    case readOnly(path: String)
    /// No import has this number.
    case importNotFound(Int64)
    /// An import that later imports of the same survey built on: those are undone first.
    case importNotLast(id: Int64, survey: String, later: [Int64])
    /// The publication ledger beside the database cannot be read or written.
    case ledger(path: String, reason: String)
    /// Another process kept the database locked for longer than the writer was allowed to wait.
    case busy
    /// A write changed respondents, answers or questions and would have committed without the counts kept from them
    /// (a defect in kartlagg, refused so the counts cannot fall behind the data).
    case countsNotKept

    public var errorDescription: String? {
        switch self {
        case .cannotOpen(let path, let reason): "\(path): cannot open the database: \(reason)"
        case .missingDatabase(let path): "\(path): no database here; create it with \(Remedy.initDatabase(path: path))"
        case .surveyNotFound(let id): "no survey \"\(id)\"; \(Remedy.listSurveys) shows the surveys there are"
        case .surveyConflict(let survey, let reason): "survey \"\(survey)\": \(reason)"
        case .districtConflict(let reason): "district registry: \(reason)"
        case .districtInUse(let name, let respondents):
            "district registry: \(name) has \(respondents) respondents and cannot be removed"
        case .serviceTownInUse(let town): "district registry: service town \(town) has respondents and cannot be removed"
        case .storedDefinitionUnreadable(let what, let id, let reason):
            "database: \(what) \"\(id)\": stored definition is unreadable: \(reason)"
        case .codebookNotFound(let id?): "no codebook \"\(id)\"; \(Remedy.listCodebooks) shows the codebooks there are"
        case .codebookNotFound(nil): "no codebook loaded yet; load one with \(Remedy.loadCodebook(file: true))"
        case .codebookAmbiguous(let ids):
            "several codebooks are loaded (\(ids.joined(separator: ", "))); name one with \(Remedy.chooseCodebook)"
        case .themeNotFound(let theme, let codebook): "codebook \"\(codebook)\" has no theme \"\(theme)\""
        case .answerNotFound(let reference): "no \(reference); \(Remedy.listAnswers) shows answer ids"
        case .technicalColumn(let question):
            "crosstab: \"\(question)\" is a technical column of its survey (`technical:`: an id, a timing or tool metadata), "
                + "not a question"
        case .notCrossTabulable(let question, let type):
            "crosstab: \"\(question)\" is a \(type) question; cross-tabs take choice, multi, scale, boolean, and integer or "
                + "decimal with \(Remedy.giveBins)"
        case .unknownDimension(let name):
            "crosstab: \"\(name)\" is neither a dimension (theme, district, service-town, kind, sector, survey, wave, "
                + "interviewer) nor a question id"
        case .ambiguousQuestion(let question, let surveys):
            "crosstab: several surveys have a question \"\(question)\"; write survey/question: "
                + surveys.map { "\($0)/\(question)" }.joined(separator: ", ")
        case .notARespondentField(let dimension, let filtering):
            "crosstab: \(dimension) is not a respondent field" + (filtering ? " to filter by" : "")
        case .notANumber(let question, let type): "crosstab: \"\(question)\" is a \(type) question, not a number"
        case .questionsFromDifferentSurveys(let surveys):
            "crosstab: the questions come from different surveys: \(surveys.sorted().joined(separator: ", "))"
        case .importNotFound(let id): "no import \(id); \(Remedy.listImports(id: nil)) lists them"
        case .importNotLast(let id, let survey, let later):
            "import \(id) was followed by import\(later.count == 1 ? "" : "s") "
                + later.map(String.init).joined(separator: ", ") + " of survey \"\(survey)\", which may build on its values: undo "
                + "\(later.count == 1 ? "that" : "those") first, last first (\(Remedy.undoImport(later.last ?? id)))"
        case .database(let message): "database: \(message)"
        case .newerSchema(let path, let found, let known, let unknown):
            "\(path): the database was written by a newer kartlagg (schema \(found)"
                + (unknown.isEmpty ? "" : "; migrations unknown here: \(unknown.joined(separator: ", "))")
                + "); this kartlagg knows schema \(known) and leaves the file alone: use the newer kartlagg"
        case .olderSchema(let path, let found, let known):
            found == 0
                ? "\(path): not a kartlagg database (no schema); create one with \(Remedy.initDatabase(path: path))"
                : "\(path): the database has schema \(found), this kartlagg reads schema \(known); "
                    + "upgrade it with \(Remedy.initDatabase(path: path)) (a backup is written first)"
        case .readOnly(let path): "\(path): this command only reads and may not write the database"
        case .reservedCoder: "\"auto\" is the matcher's name; give a coder's name"
        case .unitNeedsTheme(let unit): "counting \(unit) needs theme as the rows or the columns"
        case .binsNeeded(let question, let type): "\"\(question)\" is a \(type) question: give bin edges, e.g. 0,10,50,250"
        case .fullTextQuery(let text, let reason): "full-text query \"\(text)\": \(reason)"
        case .surveyHasAnswers(let survey, let respondents, let answers, let manualTags):
            "survey \"\(survey)\": it has \(respondents) respondent\(respondents == 1 ? "" : "s") and \(answers) answer\(answers == 1 ? "" : "s")"
                + (manualTags > 0 ? " with \(manualTags) coder tag\(manualTags == 1 ? "" : "s")" : "")
                + "; removing it removes them all (a copy of the database is written first)"
        case .ledger(let path, let reason): "\(path): publication ledger: \(reason)"
        case .countsNotKept:
            "database: a change to respondents or answers was about to be saved without the counts kept from them; "
                + "nothing was written (a defect in kartlagg: please report it)"
        case .busy:
            "database: another kartlagg command is still writing and the wait limit has passed; try again later, or raise \(Remedy.raiseWait)"
        }
    }
}
