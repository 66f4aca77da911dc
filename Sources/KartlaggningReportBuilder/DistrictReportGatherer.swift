import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

/// Gathers a district profile: the whole selection's numbers (the district is a column of them) and quotes from
/// the district on the themes it raised most, only where the district's count is shown.
enum DistrictReportGatherer {
    static func gather(
        store: KartlaggningStore, codebook stored: StoredCodebook, request: ReportRequest, publication: Publication? = nil
    ) throws -> DistrictReportInput {
        guard request.scope.districts.count == 1, let asked = request.scope.districts.first else {
            throw ReportError.needsOneDistrict(given: request.scope.districts)
        }
        let registry = try store.districtRegistry().index()
        let summary = try MappingSummaryGatherer.gather(
            store: store, codebook: stored, filters: request.scope.filters(withDistricts: false), surveys: request.scope.surveys,
            minCell: request.minCell, language: request.language, differenceRule: request.differenceRule, publication: publication)
        let name = registry.resolve(asked)?.district ?? asked
        guard let district = summary.themes.colValues.first(where: { MatchKey.place($0) == MatchKey.place(name) }) else {
            throw ReportError.noRespondents(district: asked, known: summary.themes.colValues)
        }
        let chooser = try QuoteChooser(store: store)
        // The district's most raised themes, only where its count is shown.
        let shown = DistrictReport.themeOrder(summary.themes, district: district).filter { (summary.themes.cell($0, district)?.n ?? 0) > 0 }
        var used = Set<Int64>()
        var quotes: [DistrictReportInput.ThemeQuotes] = []
        var filters = request.scope.filters(withDistricts: false)
        filters[.district] = [district]
        for theme in shown where quotes.count < 3 {
            // A few spare candidates, so an answer already quoted under another theme can be passed over.
            let candidates = try store.quoteCandidates(
                themes: stored.codebook.descendants(of: theme), codebook: stored, filters: filters, perDistrict: request.quotes + 5)
            let chosen = candidates.filter { !used.contains($0.answer) }.prefix(request.quotes)
            guard !chosen.isEmpty else { continue }
            used.formUnion(chosen.map(\.answer))
            quotes.append(
                DistrictReportInput.ThemeQuotes(
                    label: summary.themeLabels[theme] ?? theme,
                    quotes: chosen.map {
                        ThemeReportInput.Quote(
                            district: district,
                            kind: QuoteChooser.speaker(kind: $0.kind, district: district, basis: summary.basis, language: request.language),
                            text: chooser.clean($0.text))
                    }))
        }
        var method = try MethodGatherer.note(
            store: store, codebook: stored, minCell: request.minCell,
            selection: request.scope.lines(request.language, withDistricts: false))
        method.freshLedger = publication?.startedFresh ?? false
        method.leftOut = summary.leftOut
        method.differenceRule = request.differenceRule
        method.comparedDifferences = summary.comparedDifferences
        return DistrictReportInput(
            district: district, codebook: stored, date: request.date, title: request.title, language: request.language, summary: summary,
            quotes: quotes, method: method, differences: request.differences)
    }
}
