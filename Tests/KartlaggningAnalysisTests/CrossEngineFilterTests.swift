import KartlaggningModel
import Testing

@testable import KartlaggningAnalysis

/// The engine applies a table's filters to the units the store reads (a theme filter through the codebook's tree),
/// on hand-made units whose counts are known.
struct CrossEngineFilterTests {
    static let codebook = Codebook(
        id: "cb", version: "1",
        themes: [
            Theme(id: "service", label: "Service"),
            Theme(id: "bredband", label: "Bredband", parent: "service"),
            Theme(id: "buss", label: "Buss", parent: "service"),
            Theme(id: "stolthet", label: "Stolthet"),
        ])

    static func spec(filters: [CrossDimension: [String]]) -> CrossSpec {
        var spec = CrossSpec(rows: .kind, cols: .district)
        spec.filters = filters
        spec.codebook = StoredCodebook(codebook: codebook, revision: 1, loadedAt: "2026-12-05")
        return spec
    }

    /// Four respondents: kind × district, with the themes their answers were tagged with as the theme filter's values.
    static func data(_ filters: [CrossData.Filter]) -> CrossData {
        let units: [(String, String, [String]?)] = [
            ("företag", "Nätra", ["bredband"]), ("företag", "BLT", ["stolthet"]), ("förening", "Nätra", ["buss", "stolthet"]),
            ("förening", "BLT", nil),
        ]
        return CrossData(
            units: units.map { unit in CrossData.Unit(rows: [unit.0: 1], cols: [unit.1: 1], filterValues: filters.map { _ in unit.2 }) },
            filters: filters, multiResponseRows: false, multiResponseCols: false)
    }

    static let registry = DistrictIndex(registry: DistrictRegistry(districts: []))

    @Test func aThemeFilterHoldsForTheThemeAndEveryThemeBelowIt() {
        let filters = [CrossData.Filter(.theme, wanted: FilterValues(["service"], registry: Self.registry))]
        let counts = CrossEngine.counts(CrossFacts(.units(Self.data(filters))), spec: Self.spec(filters: [.theme: ["service"]]))
        // bredband and buss are below service: the företag in Nätra and the förening in Nätra count; stolthet alone
        // and no theme at all do not.
        #expect(counts.grand == 2)
        #expect(counts.rowValues == ["företag", "förening"])
        #expect(counts.colValues == ["Nätra"])
        #expect(counts.counts == [[1], [1]])
    }

    @Test func aLeafThemeFilterDoesNotHoldForItsParentOrSiblings() {
        let filters = [CrossData.Filter(.theme, wanted: FilterValues(["buss"], registry: Self.registry))]
        let counts = CrossEngine.counts(CrossFacts(.units(Self.data(filters))), spec: Self.spec(filters: [.theme: ["buss"]]))
        #expect(counts.grand == 1)
        #expect(counts.rowValues == ["förening"])
        #expect(counts.colValues == ["Nätra"])
    }

    @Test func aUnitWithoutAValueFailsTheFilterAndNoFilterKeepsEveryUnit() {
        let filters = [CrossData.Filter(.theme, wanted: FilterValues(["stolthet"], registry: Self.registry))]
        let filtered = CrossEngine.counts(CrossFacts(.units(Self.data(filters))), spec: Self.spec(filters: [.theme: ["stolthet"]]))
        #expect(filtered.grand == 2)
        #expect(filtered.colValues == ["BLT", "Nätra"])
        let all = CrossEngine.counts(CrossFacts(.units(Self.data([]))), spec: Self.spec(filters: [:]))
        #expect(all.grand == 4)
        #expect(all.counts == [[1, 1], [1, 1]])
    }
}
