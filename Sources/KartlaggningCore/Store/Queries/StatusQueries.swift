import GRDB
import KartlaggningModel

// MARK: - Status

extension KartlaggningStore {
    /// Surveys, respondents by kind × district, answers and the imports made.
    public func status() throws -> StoreStatus {
        let surveys = try surveys()
        return try read { db in
            let counts = try StoreStatus.KindDistrictCount.fetchAll(
                db,
                sql: """
                    SELECT kind, district, COUNT(*) AS respondents FROM respondent GROUP BY kind, district ORDER BY kind, district
                    """)
            let imports = try ImportBatch.order(Column("id")).fetchAll(db)
            return StoreStatus(
                surveys: surveys,
                respondents: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM respondent") ?? 0,
                answers: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer") ?? 0,
                freeTextAnswers: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer WHERE isFreeText") ?? 0,
                districts: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM district") ?? 0,
                byKindAndDistrict: counts, imports: imports)
        }
    }

    /// The ids of text answers whose words match the FTS5 query `match`, in rowid order.
    public func searchFreeText(_ match: String) throws -> [Int64] {
        try read { db in
            try Int64.fetchAll(db, sql: "SELECT rowid FROM answerText WHERE answerText MATCH ? ORDER BY rowid", arguments: [match])
        }
    }
}

// MARK: - Names to keep out of reports

extension KartlaggningStore {
    /// The people (interviewers) and organisations the database names, for pseudonymising quotes.
    public func namesToHide() throws -> (people: [String], organisations: [String]) {
        try read { db in
            let from = try Self.keptCountsAreCurrent(db) ? "respondentCount" : "respondent"
            let people = try String.fetchAll(
                db, sql: "SELECT DISTINCT interviewer FROM \(from) WHERE interviewer IS NOT NULL ORDER BY interviewer")
            let organisations = try String.fetchAll(
                db, sql: "SELECT DISTINCT organisation FROM respondent WHERE organisation IS NOT NULL ORDER BY organisation")
            return (people, organisations)
        }
    }
}
