import GRDB
import KartlaggningModel

// Model values read straight from query rows: each query names its columns as the value's properties (`AS survey`),
// and GRDB decodes them through `Decodable`, so no column is read by a string subscript.

extension ImportBatch: FetchableRecord, TableRecord {
    public static let databaseTableName = "importBatch"
}

extension TagReviewItem: FetchableRecord {}

extension ArchivedTag: FetchableRecord {}

extension SurveySummary: FetchableRecord {}

extension CodebookSummary: FetchableRecord {}

extension QuoteCandidate: FetchableRecord {}

extension StoreStatus.KindDistrictCount: FetchableRecord {}
