import GRDB

/// A row of the `respondent` table as an import writes it (`RespondentColumns` is how queries read one).
struct RespondentRecord: Codable, FetchableRecord, PersistableRecord, RowInserting {
    static let databaseTableName = "respondent"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let surveyId = Column(CodingKeys.surveyId)
        static let externalId = Column(CodingKeys.externalId)
        static let kind = Column(CodingKeys.kind)
        static let district = Column(CodingKeys.district)
        static let serviceTown = Column(CodingKeys.serviceTown)
        static let organisation = Column(CodingKeys.organisation)
        static let interviewer = Column(CodingKeys.interviewer)
        static let date = Column(CodingKeys.date)
        static let wave = Column(CodingKeys.wave)
        static let batchId = Column(CodingKeys.batchId)
        static let sourceLine = Column(CodingKeys.sourceLine)
        static let sourceRecord = Column(CodingKeys.sourceRecord)
        static let rawFields = Column(CodingKeys.rawFields)
    }

    /// The row id: nil until SQLite assigns it.
    var id: Int64?
    var surveyId: String
    var externalId: String
    var kind: String
    var district: String?
    var serviceTown: String?
    var organisation: String?
    var interviewer: String?
    var date: String?
    var wave: String?
    /// The import that wrote the row last.
    var batchId: Int64
    /// Where in the file the row came from: its first line and its record number.
    var sourceLine: Int
    var sourceRecord: Int
    /// The source row's cells as JSON.
    var rawFields: String

    static let insertColumns: [Column] = [
        Columns.surveyId, Columns.externalId, Columns.kind, Columns.district, Columns.serviceTown, Columns.organisation,
        Columns.interviewer, Columns.date, Columns.wave, Columns.batchId, Columns.sourceLine, Columns.sourceRecord, Columns.rawFields,
    ]

    func bind(_ row: inout BoundRow) {
        row.add(surveyId)
        row.add(externalId)
        row.add(kind)
        row.add(district)
        row.add(serviceTown)
        row.add(organisation)
        row.add(interviewer)
        row.add(date)
        row.add(wave)
        row.add(batchId)
        row.add(sourceLine)
        row.add(sourceRecord)
        row.add(rawFields)
    }
}
