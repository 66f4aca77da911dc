import Foundation
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningAnalysis

/// The one cross-tab engine (`KartlaggningStore.crossFacts`, then `CrossEngine.counts`) against a naive count of generated respondents: every
/// pair of dimensions, with and without filters, on generated data.
struct CrossEngineTests {
    struct Respondent {
        var id: Int
        var district: String
        var kind: String
        var choice: String?
        var multi: [String]
        var scale: Int?
    }

    static let districts = ["Anundsjö", "Nätra", "Grundsunda", "BLT"]
    static let kinds = ["företag", "förening", "offentlig", "privatperson"]
    static let survey = SurveyDefinition(
        id: "gen", title: "gen", respondent: RespondentMapping(id: "Nr", kind: "Typ", district: "Område"),
        questions: [
            Question(id: "val", column: "Val", type: .choice, options: ["A", "B", "C"]),
            Question(id: "flera", column: "Flera", type: .multi, options: ["x", "y", "z"]),
            Question(id: "betyg", column: "Betyg", type: .scale, scale: ScaleRange(min: 1, max: 5)),
        ])

    static func generate(seed: UInt64, count: Int) -> [Respondent] {
        var rng = SeededGenerator(seed: seed)
        return (1...count).map { id in
            let multi = ["x", "y", "z"].filter { _ in Int.random(in: 0..<3, using: &rng) == 0 }
            return Respondent(
                id: id, district: districts.randomElement(using: &rng) ?? "", kind: kinds.randomElement(using: &rng) ?? "",
                choice: Int.random(in: 0..<5, using: &rng) == 0 ? nil : ["A", "B", "C"].randomElement(using: &rng),
                multi: multi, scale: Int.random(in: 0..<6, using: &rng) == 0 ? nil : Int.random(in: 1...5, using: &rng))
        }
    }

    /// The naive reference: each respondent's values per dimension, then every pair counted.
    static func values(_ r: Respondent, _ dimension: CrossDimension, dropMissing: Bool) -> [String]? {
        func answer(_ values: [String]) -> [String]? { values.isEmpty ? (dropMissing ? nil : ["(ej svar)"]) : values }
        switch dimension {
        case .district: return [r.district]
        case .kind: return [r.kind]
        case .sector:
            return [["förening": "ideell", "företag": "privat", "offentlig": "offentlig"][r.kind] ?? "(övrigt)"]
        case .survey: return ["gen"]
        case .question("val"): return answer(r.choice.map { [$0] } ?? [])
        case .question("flera"): return answer(r.multi)
        case .question("betyg"): return answer(r.scale.map { [String($0)] } ?? [])
        default: return nil
        }
    }

    static let dimensions: [CrossDimension] = [.district, .kind, .sector, .question("val"), .question("flera"), .question("betyg")]

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func theEngineCountsWhatANaiveCountCounts(seed: UInt64) throws {
        let respondents = Self.generate(seed: seed, count: 40 + Int(seed) * 23)
        let store = try KartlaggningStore.inMemory()
        try store.loadDistricts(StoreFixtures.districts)
        try store.addSurvey(Self.survey)
        var csv = "Nr;Område;Typ;Val;Flera;Betyg\n"
        for r in respondents {
            csv +=
                "\(r.id);\(r.district);\(r.kind);\(r.choice ?? "");\"\(r.multi.joined(separator: "; "))\";\(r.scale.map(String.init) ?? "")\n"
        }
        let folder = TemporaryDirectory()
        let summary = try Importer(store: store).importFile(at: folder.write("gen.csv", csv), survey: "gen")
        #expect(summary.status == .imported, "\(summary.errors.prefix(3)) \(summary.fileError ?? "")")
        for rows in Self.dimensions {
            for cols in Self.dimensions where cols != rows {
                for (filter, dropMissing) in [(nil, false), ("Nätra", false), (nil, true)] as [(String?, Bool)] {
                    var request = CrossSpec(rows: rows, cols: cols)
                    request.dropMissing = dropMissing
                    if let filter { request.filters[.district] = [filter, "blt"] }
                    let counted = CrossEngine.counts(try store.crossFacts(request), spec: request)
                    // The reference.
                    var cells: [String: [String: Int]] = [:]
                    var rowBase: [String: Int] = [:]
                    var colBase: [String: Int] = [:]
                    var grand = 0
                    for r in respondents where filter == nil || [filter, "BLT"].contains(r.district) {
                        guard let rv = Self.values(r, rows, dropMissing: dropMissing),
                            let cv = Self.values(r, cols, dropMissing: dropMissing)
                        else { continue }
                        grand += 1
                        for a in Set(rv) { rowBase[a, default: 0] += 1 }
                        for b in Set(cv) { colBase[b, default: 0] += 1 }
                        for a in Set(rv) { for b in Set(cv) { cells[a, default: [:]][b, default: 0] += 1 } }
                    }
                    let label = "\(rows) × \(cols), filter \(filter ?? "none"), dropMissing \(dropMissing), seed \(seed)"
                    #expect(counted.grand == grand, "\(label)")
                    for (i, a) in counted.rowValues.enumerated() {
                        #expect(counted.rowBase[i] == rowBase[a, default: 0], "\(label): row base \(a)")
                        for (j, b) in counted.colValues.enumerated() {
                            #expect(counted.counts[i][j] == cells[a]?[b] ?? 0, "\(label): \(a) × \(b)")
                        }
                    }
                    for (j, b) in counted.colValues.enumerated() {
                        #expect(counted.colBase[j] == colBase[b, default: 0], "\(label): col \(b)")
                    }
                    // Every value the reference saw is a row or column of the table.
                    #expect(Set(rowBase.keys).isSubset(of: Set(counted.rowValues)), "\(label)")
                    #expect(Set(colBase.keys).isSubset(of: Set(counted.colValues)), "\(label)")
                }
            }
        }
    }
}
