import Foundation
import KartlaggningCore
import KartlaggningModel

/// Stores with the sample project's districts and surveys, for tests.
public enum StoreFixtures {
    /// The sample district registry, as the YAML in SampleSurveys/ describes it.
    public static let districts = DistrictRegistry(districts: [
        District(name: "Anundsjö", aliases: ["Anundsjöområdet", "Anundsjö socken"], serviceTowns: ["Bredbyn", "Solberg", "Skorped"]),
        District(name: "Nätra", aliases: ["Nätraområdet", "Nätra socken"], serviceTowns: ["Bjästa", "Köpmanholmen"]),
        District(name: "Grundsunda", aliases: ["Grundsundaområdet"], serviceTowns: ["Husum", "Gideå"]),
        District(
            name: "BLT",
            aliases: [
                "Björna–Långviksmon–Trehörningsjö", "Björna-Långviksmon-Trehörningsjö",
                "Björna Långviksmon Trehörningsjö",
            ], serviceTowns: ["Björna", "Långviksmon", "Trehörningsjö"]),
    ])

    /// A small company survey used across tests: id, district, one of each value type.
    public static let companySurvey = SurveyDefinition(
        id: "test-foretag", title: "Test", wave: "2025", kind: "företag",
        respondent: RespondentMapping(id: "Nr", district: "Område", organisation: "Företag", date: "Datum"),
        questions: [
            Question(id: "bransch", column: "Bransch", type: .choice, options: ["Handel", "Turism", "Bygg"]),
            Question(id: "anstallda", column: "Anställda", type: .integer),
            Question(id: "omsattning", column: "Omsättning (mkr)", type: .decimal),
            Question(id: "bredband", column: "Nöjd med bredband (1-5)", type: .scale, scale: ScaleRange(min: 1, max: 5)),
            Question(id: "behov", column: "Behov", type: .multi, options: ["Bredband", "Lokaler", "Kompetens"]),
            Question(id: "samverkar", column: "Samverkar", type: .boolean),
            Question(id: "startad", column: "Startad", type: .date),
            Question(id: "ideer", column: "Idéer", type: .text),
        ])

    /// The header of `companySurvey`'s files, `;`-separated.
    public static let companyHeader =
        "Nr;Område;Företag;Datum;Bransch;Anställda;Omsättning (mkr);Nöjd med bredband (1-5);Behov;Samverkar;Startad;Idéer"

    /// A fresh in-memory store with the sample districts and `companySurvey`.
    public static func companyStore() throws -> KartlaggningStore {
        let store = try KartlaggningStore.inMemory()
        try store.loadDistricts(districts)
        try store.addSurvey(companySurvey)
        return store
    }
}
