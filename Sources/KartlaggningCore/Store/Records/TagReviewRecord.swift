import GRDB

/// A row of the `tagReview` table: a coder's tag whose answer's text a re-import changed, flagged for the coder to
/// keep or drop, with the text they saw.
struct TagReviewRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "tagReview"

    var tagId: Int64
    var previousRaw: String
    var batchId: Int64?
    var flaggedAt: String
}
