import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

/// Gathers the overview's and the district profile's numbers: kind × district, the surveys, theme × district,
/// every closed question × district (scale means per district), and the shares that differ most from the whole.
enum MappingSummaryGatherer {
    static func gather(
        store: KartlaggningStore, codebook stored: StoredCodebook?, filters: [CrossDimension: [String]], surveys wanted: [String],
        minCell: Int, language: ReportLanguage, differenceRule: DifferenceRule = DifferenceRule(), publication: Publication? = nil,
        pooling: AreaPooling? = nil
    ) throws -> MappingSummary {
        let tabulator = CrossTabulator(store: store, publication: publication)
        // A kind too small to show its own total is counted with another: the whole and every total can be shown.
        let basis = try tabulator.respondentsByKind(by: .district, filters: filters, minCell: minCell).droppingEmptyColumns()
        // Without a codebook: no theme rows, the districts of the basis. Themes no one raised are left out (and named
        // in the method box).
        var leftOut = MappingSummary.LeftOut()
        var rareThemes: [String] = []
        let labels = stored?.codebook.labels ?? [:]
        let themes =
            try stored.map {
                // Areas with fewer respondents than --min-base together, as for the questions: no share of a handful.
                var pooled = try tabulator.respondents(
                    .theme, by: .district, filters: filters, codebook: $0, minCell: minCell, pooling: pooling
                ).droppingEmptyColumns()
                if pooled.districtPools.nothingBrokenOut { pooled = pooled.droppingColumns(Set(pooled.districtPools.order)) }
                let (answered, silent) = pooled.droppingEmptyRows()
                leftOut.silentThemes = silent.map { labels[$0] ?? $0 }
                // A parent whose one child has all its numbers: the child's row, named under it, says both.
                let table = answered.droppingParentsRepeatingTheirChild(parents: $0.codebook.parents).table
                let (shown, rare) = table.droppingHiddenRows()
                rareThemes = rare.map { labels[$0] ?? $0 }
                return shown
            } ?? basis.withoutRows()
        (leftOut.technical, leftOut.identifying) = try store.columnsLeftOut(surveys: wanted)
        let counted = Dictionary(
            try store.surveyRespondents(filters: filters).map { ($0.survey, $0) }, uniquingKeysWith: { first, _ in first })
        let surveys = try store.surveys().compactMap { survey -> MappingSummary.SurveyBasis? in
            guard let count = counted[survey.id], count.respondents > 0 else { return nil }
            return MappingSummary.SurveyBasis(
                id: survey.id, title: survey.title, wave: survey.wave, kind: survey.kind, respondents: count.respondents,
                firstDate: count.firstDate, lastDate: count.lastDate)
        }
        let present = Set(surveys.map(\.id))
        // Where several surveys are in the report, a question says which it is from.
        let titles = surveys.count > 1 ? Dictionary(surveys.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first }) : [:]
        var choices: [MappingSummary.ChoiceQuestion] = []
        var scales: [MappingSummary.ScaleQuestion] = []
        let closed = try store.closedQuestions(surveys: wanted).filter { present.contains($0.survey) }
        // A rating battery's items (`RatingBattery`) show their spread for the whole only: their tables are not
        // broken out by area (a 15-value scale × 44 areas would be protected for nothing shown).
        var scaleKinds: [String: Int] = [:]
        for question in closed where question.type == .scale {
            if let range = question.scale { scaleKinds["\(question.survey)\u{1F}\(range.min)\u{1F}\(range.max)", default: 0] += 1 }
        }
        func inBattery(_ question: ReportQuestion) -> Bool {
            guard let range = question.scale else { return false }
            return scaleKinds["\(question.survey)\u{1F}\(range.min)\u{1F}\(range.max)", default: 0] >= RatingBattery.minItems
        }
        for question in closed {
            if question.type == .integer || question.type == .decimal {
                // A number: its mean, median and n per district, and its answers in size classes (the chart).
                let counts = try store.numberCounts(question.reference, by: .district, filters: filters)
                guard counts.values.contains(where: { !$0.isEmpty }) else {
                    leftOut.unanswered.append(question.text)
                    continue
                }
                let (distributions, pools) = pooled(basis.colValues.map { ($0, counts[$0] ?? [:]) }, by: pooling)
                scales.append(
                    MappingSummary.ScaleQuestion(
                        id: question.reference, text: question.text, range: nil,
                        means: ScaleMean.protected(
                            distributions: distributions, minCell: minCell, wholeLabel: language.phrases.whole, numbers: true),
                        table: classTable(
                            Dictionary(distributions.map { ($0.group, $0.counts) }, uniquingKeysWith: { first, _ in first }),
                            question: question.reference, areas: distributions.map(\.group), integer: question.type == .integer,
                            minCell: minCell, language: language, tabulator: tabulator, pools: pools),
                        numbers: true, survey: titles[question.survey]))
                scales[scales.count - 1].set(pools: pools)
                scales[scales.count - 1].surveyID = question.survey
            } else if question.type == .scale {
                // Each district's answers, value by value (unprotected counts: only the protected means and medians
                // are shown), from the one cross-tab engine.
                var spec = CrossSpec(rows: .question(question.reference), cols: .district)
                spec.filters = filters
                spec.dropMissing = true
                spec.minCell = 0
                let all = try tabulator.counts(spec)
                let areas = basis.colValues.filter { all.colValues.contains($0) }
                let pools =
                    pooling?.plan(areas.map { area in (area, all.colValues.firstIndex(of: area).map { all.colBase[$0] } ?? 0) })
                    ?? AreaPools()
                spec.districtPools = pools
                let counted = all.pooling(pools)
                let distributions = (basis.colValues.filter { !pools.pooledAreas.contains($0) } + pools.order).map {
                    district -> (group: String, counts: [Double: Int]) in
                    guard let c = counted.colValues.firstIndex(of: district) else { return (district, [:]) }
                    var counts: [Double: Int] = [:]
                    for (r, value) in counted.rowValues.enumerated() {
                        if let number = Double(value), counted.counts[r][c] > 0 { counts[number] = counted.counts[r][c] }
                    }
                    return (district, counts)
                }
                guard distributions.contains(where: { !$0.counts.isEmpty }) else {
                    leftOut.unanswered.append(question.text)
                    continue
                }
                // The same counts, protected as crosstab protects them: the distribution chart. A battery item's: the
                // whole only, as one pool of every area (the column left out, its numbers the row totals).
                var shown = spec
                shown.minCell = minCell
                var table: CrossTable
                if inBattery(question) {
                    var whole = AreaPools()
                    whole.pools = [language.phrases.whole: all.colValues]
                    whole.order = [language.phrases.whole]
                    whole.rest = language.phrases.whole
                    whole.nothingBrokenOut = true
                    shown.districtPools = whole
                    table = tabulator.table(all.pooling(whole), spec: shown).droppingColumns([language.phrases.whole])
                } else {
                    table = tabulator.table(counted, spec: shown).droppingEmptyColumns()
                        .droppingColumns(pools.nothingBrokenOut ? Set(pools.order) : [])
                }
                scales.append(
                    MappingSummary.ScaleQuestion(
                        id: question.reference, text: question.text, range: question.scale,
                        means: ScaleMean.protected(distributions: distributions, minCell: minCell, wholeLabel: language.phrases.whole),
                        table: table, survey: titles[question.survey]))
                scales[scales.count - 1].set(pools: pools)
                scales[scales.count - 1].surveyID = question.survey
            } else {
                var table = try tabulator.respondents(
                    .question(question.reference), by: .district, filters: filters, codebook: nil, minCell: minCell, pooling: pooling
                ).droppingEmptyColumns()
                // A pool of every area repeats the whole: only the whole is shown.
                if table.districtPools.nothingBrokenOut { table = table.droppingColumns(Set(table.districtPools.order)) }
                guard table.anyAnswer else {
                    leftOut.unanswered.append(question.text)
                    continue
                }
                let (shown, rare) = table.droppingHiddenRows()
                choices.append(
                    MappingSummary.ChoiceQuestion(
                        id: question.reference, text: question.text, table: shown, survey: titles[question.survey]))
                choices[choices.count - 1].rare = rare
            }
        }
        var candidates = ShareDifference.largest(in: themes.droppingColumns(Set(themes.districtPools.order))).map { difference in
            MappingSummary.Difference(
                source: "theme", subject: (language == .sv ? "Tema: " : "Theme: ") + (labels[difference.row] ?? difference.row),
                difference: difference)
        }
        for choice in choices {
            // A pool of areas is no place a meeting can act on: its differences are not listed.
            candidates += ShareDifference.ofQuestion(choice.table.droppingColumns(Set(choice.table.districtPools.order))).map {
                MappingSummary.Difference(source: choice.id, subject: "\(choice.text): \($0.row)", difference: $0)
            }
        }
        // One family for the whole report: every difference between a district and the rest that was compared.
        let (kept, compared) = ShareDifference.worthShowing(candidates.map(\.difference), rule: differenceRule)
        var differences: [MappingSummary.Difference] = []
        for (item, difference) in zip(candidates, kept) {
            guard let difference else { continue }
            differences.append(MappingSummary.Difference(source: item.source, subject: item.subject, difference: difference))
        }
        differences.sort { ShareDifference.precedes($0.difference, $1.difference) }
        var summary = MappingSummary(
            basis: basis, surveys: surveys, themes: themes, themeLabels: labels, themeParents: stored?.codebook.parents ?? [:],
            choices: choices,
            scales: scales, differences: differences, differenceRule: differenceRule, comparedDifferences: compared)
        summary.leftOut = leftOut
        summary.rareThemes = rareThemes
        summary.minBase = pooling?.minBase ?? 0
        summary.batteries = RatingBattery.find(in: scales)
        summary.map = try store.areaMap()
        return summary
    }

    /// Each area's answers (counts per value), with the areas `pooling` would not break out added into their pools: the
    /// areas on their own in their order, then the pools. Unchanged without pooling.
    static func pooled(
        _ distributions: [(group: String, counts: [Double: Int])], by pooling: AreaPooling?
    ) -> (distributions: [(group: String, counts: [Double: Int])], pools: AreaPools) {
        guard let pooling else { return (distributions, AreaPools()) }
        let pools = pooling.plan(distributions.map { ($0.group, $0.counts.values.reduce(0, +)) })
        guard !pools.isEmpty else { return (distributions, pools) }
        let byArea = Dictionary(distributions.map { ($0.group, $0.counts) }, uniquingKeysWith: { first, _ in first })
        let pooledAreas = Set(pools.pooledAreas)
        var result = distributions.filter { !pooledAreas.contains($0.group) }
        for pool in pools.order {
            var counts: [Double: Int] = [:]
            for area in pools.pools[pool] ?? [] { counts.merge(byArea[area] ?? [:], uniquingKeysWith: +) }
            result.append((pool, counts))
        }
        return (result, pools)
    }

    /// A number question's answers per area in size classes (`NumberClasses`), protected as crosstab protects a table:
    /// the distribution chart. nil when no one answered.
    static func classTable(
        _ counts: [String: [Double: Int]], question: String, areas: [String], integer: Bool, minCell: Int, language: ReportLanguage,
        audit: Bool = false, tabulator: CrossTabulator? = nil, pools: AreaPools = AreaPools()
    ) -> CrossTable? {
        let values = counts.values.flatMap(\.keys)
        guard let smallest = values.min(), let largest = values.max() else { return nil }
        let classes = NumberClasses(smallest: smallest, largest: largest, integer: integer, number: language.integer)
        var grid = [[Int]](repeating: [Int](repeating: 0, count: areas.count), count: classes.labels.count)
        for (c, area) in areas.enumerated() {
            for (value, n) in counts[area] ?? [:] { grid[classes.index(of: value)][c] += n }
        }
        // Classes no one is in are left out (the legend names only those with answers).
        let used = grid.indices.filter { grid[$0].contains { $0 > 0 } }
        grid = used.map { grid[$0] }
        let rowBase = grid.map { $0.reduce(0, +) }
        let colBase = areas.indices.map { c in grid.reduce(0) { $0 + $1[c] } }
        var spec = CrossSpec(rows: .question(question), cols: .district)
        // Those who answered, in size classes: named as a binned table of answerers, never as the question's own values.
        spec.minCell = minCell
        spec.audit = audit
        spec.dropMissing = true
        spec.districtPools = pools
        let counted = CrossCounts(
            counts: grid, rowBase: rowBase, colBase: colBase, grand: rowBase.reduce(0, +), rowValues: used.map { classes.labels[$0] },
            colValues: areas)
        return (tabulator?.table(counted, spec: spec) ?? CrossTabulation.tabulate(counted, spec: spec)).droppingEmptyColumns()
            .droppingColumns(pools.nothingBrokenOut ? Set(pools.order) : [])
    }
}
