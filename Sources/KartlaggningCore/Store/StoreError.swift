import Foundation

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
    /// No codebook has this id (nil: no codebook at all).
    case codebookNotFound(String?)
    /// Several codebooks are loaded and the command did not say which.
    case codebookAmbiguous([String])
    /// The codebook has no such theme.
    case themeNotFound(theme: String, codebook: String)
    /// No answer is so named.
    case answerNotFound(String)
    /// A cross-tab that cannot be made as asked.
    case crossTab(String)
    /// SQLite refused an operation.
    case database(String)

    public var errorDescription: String? {
        switch self {
        case .cannotOpen(let path, let reason): "\(path): cannot open the database: \(reason)"
        case .missingDatabase(let path): "\(path): no database here; create it with `kartlagg init --db \(path)`"
        case .surveyNotFound(let id): "no survey \"\(id)\"; `kartlagg survey list` shows the surveys there are"
        case .surveyConflict(let survey, let reason): "survey \"\(survey)\": \(reason)"
        case .districtConflict(let reason): "district registry: \(reason)"
        case .codebookNotFound(let id?): "no codebook \"\(id)\"; `kartlagg codebook list` shows the codebooks there are"
        case .codebookNotFound(nil): "no codebook loaded yet; load one with `kartlagg codebook load FILE`"
        case .codebookAmbiguous(let ids): "several codebooks are loaded (\(ids.joined(separator: ", "))); name one with --codebook"
        case .themeNotFound(let theme, let codebook): "codebook \"\(codebook)\" has no theme \"\(theme)\""
        case .answerNotFound(let reference): "no \(reference); `kartlagg query` shows answer ids"
        case .crossTab(let message): "crosstab: \(message)"
        case .database(let message): "database: \(message)"
        }
    }
}
