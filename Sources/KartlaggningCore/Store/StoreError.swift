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
    /// SQLite refused an operation.
    case database(String)

    public var errorDescription: String? {
        switch self {
        case .cannotOpen(let path, let reason): "\(path): cannot open the database: \(reason)"
        case .missingDatabase(let path): "\(path): no database here; create it with `kartlagg init --db \(path)`"
        case .surveyNotFound(let id): "no survey \"\(id)\"; `kartlagg survey list` shows the surveys there are"
        case .surveyConflict(let survey, let reason): "survey \"\(survey)\": \(reason)"
        case .districtConflict(let reason): "district registry: \(reason)"
        case .database(let message): "database: \(message)"
        }
    }
}
