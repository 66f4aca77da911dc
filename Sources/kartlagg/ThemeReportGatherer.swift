import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningReport

/// Gathers a theme report's inputs from the store: the cross-tabs `crosstab` would make, related themes,
/// distinctive words and deterministically chosen, pseudonymised quotes.
enum ThemeReportGatherer {
    static func gather(
        store: KartlaggningStore, codebook stored: StoredCodebook, theme: Theme, date: String, title: String?, quotesPerDistrict: Int,
        minCell: Int
    ) throws -> ThemeReportInput {
        var options = CrossTabulation.Options()
        options.minCell = minCell
        options.multiResponseRows = true
        options.rowParents = Dictionary(
            stored.codebook.themes.compactMap { t in t.parent.map { (t.id, $0) } }, uniquingKeysWith: { first, _ in first })
        func table(_ dimension: CrossDimension) throws -> CrossTable {
            var request = CrossRequest(rows: .theme, cols: dimension)
            request.codebook = stored
            let c = try store.crossCounts(request)!
            options.cols = dimension.description
            return CrossTabulation.tabulate(
                counts: c.counts, rowBase: c.rowBase, colBase: c.colBase, grand: c.grand, rowValues: c.rowValues, colValues: c.colValues,
                options: options)
        }
        let byDistrict = try table(.district)
        let byKind = try table(.kind)
        let labels = Dictionary(stored.codebook.themes.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        let related = try store.relatedThemes(of: theme.id, codebook: stored)
            .filter { $0.respondents >= max(minCell, 1) }
            .map { (theme: $0.theme, label: labels[$0.theme] ?? $0.theme, respondents: $0.respondents) }
        var keyness = Keyness()
        let family = stored.codebook.descendants(of: theme.id)
        try store.forEachFreeText(marking: family, codebook: stored) { text, tagged in keyness.add(text, to: tagged ? "theme" : "rest") }
        // Quotes: per district, the answers with the most matched words first, then by answer id. A district whose
        // cell is suppressed is not named beside its quotes.
        var filter = AnswerFilter()
        filter.codebook = stored.codebook.id
        filter.themes = family
        let hits = try store.answers(matching: filter, codebook: stored).hits
        let names = try store.namesToHide()
        let cleaner = Pseudonymizer(people: names.people, organisations: names.organisations)
        var quotes: [ThemeReportInput.Quote] = []
        for (district, group) in Dictionary(grouping: hits, by: { $0.district ?? "" }) {
            let shown = byDistrict.cell(theme.id, district).map { !$0.suppressed } ?? false
            let chosen = group.sorted { ($1.spans.count, $0.answer) < ($0.spans.count, $1.answer) }.prefix(quotesPerDistrict)
            for hit in chosen {
                quotes.append(.init(district: shown && !district.isEmpty ? district : nil, kind: hit.kind, text: cleaner.apply(hit.text)))
            }
        }
        quotes.sort { ($0.district ?? "~", $0.kind, $0.text) < ($1.district ?? "~", $1.kind, $1.text) }
        return ThemeReportInput(
            theme: theme, codebook: stored, date: date, title: title, byDistrict: byDistrict, byKind: byKind, related: related,
            terms: keyness.distinctive(in: "theme", top: 12), quotes: quotes)
    }
}
