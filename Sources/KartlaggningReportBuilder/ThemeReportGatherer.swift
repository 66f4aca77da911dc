import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

/// Gathers a theme report's inputs from the store: the cross-tabs `crosstab` would make, and per theme related
/// themes, distinctive words, where it came up, the questions respondents ask and deterministically chosen,
/// pseudonymised quotes.
enum ThemeReportGatherer {
    static func gather(
        store: KartlaggningStore, codebook stored: StoredCodebook, themes: [Theme], request: ReportRequest, publication: Publication? = nil
    ) throws -> ThemeReportInput {
        let filters = request.scope.filters()
        let tabulator = CrossTabulator(store: store, publication: publication)
        let byDistrict = try tabulator.respondents(.theme, by: .district, filters: filters, codebook: stored, minCell: request.minCell)
            .droppingEmptyColumns()
        let byKind = try tabulator.respondents(.theme, by: .kind, filters: filters, codebook: stored, minCell: request.minCell)
            .droppingEmptyColumns()
        let basis = try tabulator.respondents(.kind, by: .district, filters: filters, codebook: nil, minCell: request.minCell)
        let labels = stored.codebook.labels
        let chooser = try QuoteChooser(store: store)
        let questionTexts = try Self.questionTexts(store)
        // Without filters, each theme's term counts and sources as the theme digest keeps them (made current first
        // where the store may be written); else, or where it cannot be, counted from the term index and the answers.
        let kept =
            try filters.isEmpty && TermTotalsGatherer.indexIsCurrent(store: store, cleaner: chooser.cleaner)
            ? store.keptThemeDigest(themes: themes.map(\.id), codebook: stored) : nil
        // Distinctive words: every theme's term counts against the whole's, from the term index (a theme's rest is
        // the whole minus the theme).
        var terms: TermTotals
        if let kept {
            terms = try store.termTotals(filters: [:], groups: [], codebook: nil)
            terms.groups = kept.map(\.terms)
        } else {
            terms = try TermTotalsGatherer.totals(
                store: store, cleaner: chooser.cleaner, filters: filters, groups: themes.map { stored.codebook.descendants(of: $0.id) },
                codebook: stored)
        }
        let arranger = try AreaArranger(store: store, order: request.areaOrder, language: request.language)
        let sections = try themes.enumerated().map { index, theme -> ThemeReportInput.Section in
            let related = try store.relatedThemes(of: theme.id, codebook: stored, filters: filters)
                .filter { $0.respondents >= max(request.minCell, 1) }
                .map { ThemeReportInput.Related(label: labels[$0.theme] ?? $0.theme, respondents: $0.respondents) }
            let family = stored.codebook.descendants(of: theme.id)
            // Per district; a district whose cell is suppressed is not named beside its quotes.
            var quotes: [ThemeReportInput.Quote] = []
            // The quotes, the questions asked and where the theme came up: from the kept digest, the quotes read best
            // first and the answers that ask; else from one pass over the theme's answers.
            let digest =
                try kept.map { kept in
                    ThemeAnswerDigest(
                        quotes: try store.quoteCandidates(themes: family, codebook: stored, perDistrict: request.quotes),
                        sources: kept[index].sources,
                        asking: try store.askingAnswers(themes: family, codebook: stored, limit: Self.asking))
                }
                ?? store.themeAnswerDigest(
                    themes: family, codebook: stored, filters: filters, perDistrict: request.quotes, asking: Self.asking)
            for candidate in digest.quotes {
                let shown = byDistrict.cell(theme.id, candidate.district).map { !$0.suppressed } ?? false
                let district = shown && !candidate.district.isEmpty ? candidate.district : nil
                let speaker = QuoteChooser.speaker(kind: candidate.kind, district: district, basis: basis, language: request.language)
                quotes.append(.init(district: district, kind: speaker, text: chooser.clean(candidate.text)))
            }
            quotes.sort { ($0.district ?? "~", $0.kind, $0.text) < ($1.district ?? "~", $1.kind, $1.text) }
            let sources = digest.sources.map {
                ThemeReportInput.Source(question: questionTexts["\($0.survey)/\($0.question)"] ?? $0.question, answers: $0.answers)
            }
            return ThemeReportInput.Section(
                theme: theme, related: related,
                terms: Keyness.group(terms.groups[index], within: terms.whole, surfaces: terms.surfaces).distinctive(in: "group", top: 12),
                quotes: quotes,
                questions: chooser.questions(in: digest.asking, limit: 8), sources: sources,
                areas: try arranger.section(theme: theme.id, byDistrict: byDistrict, basis: basis, codebook: stored.codebook.id))
        }
        var method = try MethodGatherer.note(
            store: store, codebook: stored, minCell: request.minCell, selection: request.scope.lines(request.language))
        method.freshLedger = publication?.startedFresh ?? false
        return ThemeReportInput(
            codebook: stored, date: request.date, title: request.title, language: request.language, byDistrict: byDistrict, byKind: byKind,
            sections: sections, method: method)
    }

    /// How many of a theme's answers that ask something the report chooses its questions from (the first, by id).
    static let asking = 200

    /// Every question's text (its column where it has none), by `survey/question`.
    static func questionTexts(_ store: KartlaggningStore) throws -> [String: String] {
        var texts: [String: String] = [:]
        for survey in try store.surveys() {
            for question in try store.survey(id: survey.id).questions {
                texts["\(survey.id)/\(question.id)"] = question.text ?? question.column
            }
        }
        return texts
    }
}
