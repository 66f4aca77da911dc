import KartlaggningAnalysis

/// The summary a report opens with: a few plain sentences a meeting reads in five minutes, each made from a table
/// further down (and naming it) — who answered and where, the themes that came up most, the differences that hold,
/// the areas with too few answers to stand alone, and what the report leaves out. Only shown numbers are used: a
/// hidden count never appears, and a sentence about it says "··" or leaves it out.
public enum ReportSummary {
    /// Areas with fewer respondents than this are named as too few to break out (a statistics office's reporting
    /// threshold; `--min-base` in a later version).
    public static let smallArea = 10
    /// How many areas a sentence names before it counts the rest.
    static let named = 4

    /// The partial every built-in report opens with (`{{> summary}}`): the sentences under their heading, where there
    /// are any (a blank line before; the next section brings its own).
    static func template(_ language: ReportLanguage) -> String {
        "{{#hasSummary}}\n\n## \(language == .sv ? "Sammanfattning" : "Summary")\n\n{{#summary}}\n- {{{.}}}\n{{/summary}}\n{{/hasSummary}}"
    }

    /// The overview's sentences (Markdown, escaped).
    public static func overview(_ summary: MappingSummary, ranked: [CrossTable.Total], language: ReportLanguage) -> [String] {
        let sv = language == .sv
        var lines: [String] = []
        let basis = summary.basis
        // Who answered: the whole, the kinds shown, the surveys.
        if basis.total == 0 {
            lines.append(
                sv ? "Inga respondenter finns i urvalet (se *Underlaget*)." : "No respondents are in the selection (see *The data*).")
        } else if let whole = basis.shownTotal {
            let kinds = basis.rowTotals.filter { $0.n != 0 }
            let shown = kinds.compactMap { total in
                total.n.map { "\(language.integer($0)) \(Markdown.inline(kindName(total.value, $0, language)))" }
            }
            let hidden = kinds.filter { $0.n == nil }.count
            var who = shown.joined(separator: ", ")
            if hidden > 0 {
                who +=
                    sv
                    ? " och några till av \(hidden == 1 ? "en annan typ" : "\(hidden) andra typer")"
                    : " and a few of \(hidden == 1 ? "another kind" : "\(hidden) other kinds")"
            }
            let surveys = summary.surveys.count
            lines.append(
                sv
                    ? "**\(language.integer(whole)) respondenter** i \(surveys == 1 ? "en undersökning" : "\(surveys) undersökningar"): \(who) (se *Underlaget*)."
                    : "**\(language.integer(whole)) respondents** in \(surveys == 1 ? "one survey" : "\(surveys) surveys"): \(who) (see *The data*)."
            )
        }
        // Where: the largest and smallest areas, by their shown N.
        let areas = basis.colTotals.compactMap { total in total.n.map { (name: total.value, n: $0) } }.filter { $0.n > 0 }
        if areas.count > 1 {
            let largest = areas.sorted { ($0.n, $1.name) > ($1.n, $0.name) }
            let top = largest.prefix(min(2, areas.count - 1)).map {
                "\(Markdown.inline(language.place($0.name))) (\(language.integer($0.n)))"
            }
            let smallest = largest.last.map { "\(Markdown.inline(language.place($0.name))) (\(language.integer($0.n)))" } ?? ""
            lines.append(
                sv
                    ? "Flest svar kom från \(join(top, language)), färst från \(smallest); \(areas.count) områden har svar."
                    : "Most answers came from \(join(top, language)), fewest from \(smallest); \(areas.count) districts have answers.")
        }
        // Areas too small to break out.
        let small = areas.filter { $0.n < smallArea }.sorted { ($0.n, $0.name) < ($1.n, $1.name) }
        if !small.isEmpty {
            let names = small.prefix(named).map { "\(Markdown.inline(language.place($0.name))) (\(language.integer($0.n)))" }
            let rest = small.count - names.count
            let list = names.joined(separator: ", ") + (rest > 0 ? (sv ? " och \(rest) till" : " and \(rest) more") : "")
            lines.append(
                sv
                    ? "\(small.count == 1 ? "Ett område har" : "\(small.count) områden har") färre än \(smallArea) respondenter — \(list): andelar där bygger på få personer och många döljs."
                    : "\(small.count == 1 ? "One district has" : "\(small.count) districts have") fewer than \(smallArea) respondents — \(list): shares there rest on few people, and many are hidden."
            )
        }
        // Questions whose small areas are shown together (`--min-base`).
        let pooled = summary.choices.map(\.table.districtPools) + summary.scales.map(\.pools)
        let together = pooled.filter { !$0.isEmpty && !$0.nothingBrokenOut }.count
        let wholeOnly = pooled.filter(\.nothingBrokenOut).count
        if together + wholeOnly > 0 {
            let n = language.integer(summary.minBase)
            var parts: [String] = []
            if together > 0 {
                parts.append(
                    sv
                        ? "\(together == 1 ? "en fråga" : "\(together) frågor") visar områden med färre än \(n) svar tillsammans"
                        : "\(together == 1 ? "one question shows" : "\(together) questions show") districts with fewer than \(n) answers together"
                )
            }
            if wholeOnly > 0 {
                parts.append(
                    sv
                        ? "\(wholeOnly == 1 ? "en fråga" : "\(wholeOnly) frågor") bara hela kommunen, då inget område har \(n) svar"
                        : "\(wholeOnly == 1 ? "one question" : "\(wholeOnly) questions") only the whole municipality, no district having \(n) answers"
                )
            }
            let sentence = join(parts, language)
            lines.append(
                (sentence.prefix(1).uppercased() + sentence.dropFirst())
                    + (sv ? " (se *Slutna frågor per område*)." : " (see *Closed questions by district*)."))
        }
        // The themes that came up most.
        if let whole = summary.themes.shownTotal, whole > 0 {
            let top = ranked.compactMap { total in total.n.map { (total.value, $0) } }.filter { $0.1 > 0 }.prefix(3).map { id, n in
                "\(Markdown.inline(summary.themeLabels[id] ?? id)) (\(language.percent(Double(n) / Double(whole) * 100)))"
            }
            if !top.isEmpty {
                lines.append(
                    sv
                        ? "Oftast tog respondenterna upp \(join(Array(top), language)) (se *Teman*)."
                        : "Respondents most often raised \(join(Array(top), language)) (see *Themes*).")
            }
        }
        // The differences that hold.
        let holding = summary.differences
        if holding.isEmpty && areas.count < 2 {
            // One area or none (no district column): there is nothing to compare.
        } else if holding.isEmpty {
            lines.append(
                sv
                    ? "Ingen skillnad mellan ett område och resten av kommunen håller enligt rapportens regel (se *Största skillnaderna*)."
                    : "No difference between a district and the rest of the municipality holds by the report's rule (see *The largest differences*)."
            )
        } else {
            let first = holding.prefix(2).map { item in
                let d = item.difference
                return sv
                    ? "\(Markdown.inline(item.subject)) i \(Markdown.inline(language.place(d.col))) (\(language.percent(d.percent)) mot \(language.percent(d.wholePercent)) i hela kommunen)"
                    : "\(Markdown.inline(item.subject)) in \(Markdown.inline(language.place(d.col))) (\(language.percent(d.percent)) against \(language.percent(d.wholePercent)) in the whole municipality)"
            }
            lines.append(
                sv
                    ? "\(holding.count == 1 ? "En skillnad" : "\(holding.count) skillnader") mot resten av kommunen håller, störst: \(join(first, language)) (se *Största skillnaderna*)."
                    : "\(holding.count == 1 ? "One difference" : "\(holding.count) differences") from the rest of the municipality hold, the largest: \(join(first, language)) (see *The largest differences*)."
            )
        }
        // What the report leaves out.
        if let left = leftOut(summary.leftOut, language) { lines.append(left) }
        return lines
    }

    /// A district report's sentences: who was heard there, the themes its people raised most against the whole, the
    /// differences that hold for it, and what the report leaves out.
    public static func district(_ summary: MappingSummary, district: String, language: ReportLanguage) -> [String] {
        let sv = language == .sv
        var lines: [String] = []
        let name = Markdown.inline(district)
        let lookup = CrossTable.Lookup(summary.basis)
        if let n = lookup.colTotal(district)?.n, let all = summary.basis.shownTotal {
            let kinds = summary.basis.rowValues.compactMap { kind -> String? in
                guard let cell = lookup.cell(kind, district), cell.n != 0 else { return nil }
                return cell.n.map { "\(language.integer($0)) \(Markdown.inline(kindName(kind, $0, language)))" }
            }
            let hidden = summary.basis.rowValues.filter { lookup.cell($0, district)?.suppressed == true }.count
            var who = kinds.joined(separator: ", ")
            if hidden > 0 {
                who +=
                    sv
                    ? (who.isEmpty ? "" : " ") + "och några till av \(hidden == 1 ? "en annan typ" : "\(hidden) andra typer")"
                    : (who.isEmpty ? "" : " ") + "and a few of \(hidden == 1 ? "another kind" : "\(hidden) other kinds")"
            }
            lines.append(
                sv
                    ? "**\(language.integer(n)) av \(language.integer(all)) respondenter** hördes i \(name): \(who) (se *Vilka som hördes*)."
                    : "**\(language.integer(n)) of \(language.integer(all)) respondents** were heard in \(name): \(who) (see *Who was heard*)."
            )
            if n < smallArea {
                lines.append(
                    sv
                        ? "Med färre än \(smallArea) respondenter bygger områdets andelar på få personer, och många döljs."
                        : "With fewer than \(smallArea) respondents the district's shares rest on few people, and many are hidden.")
            }
        }
        let themes = CrossTable.Lookup(summary.themes)
        let top = summary.themes.rowValues.compactMap { theme -> (String, Double)? in
            guard let cell = themes.cell(theme, district), let percent = cell.percent, (cell.n ?? 0) > 0 else { return nil }
            return (theme, percent)
        }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(3)
        if !top.isEmpty {
            let parts = top.map { "\(Markdown.inline(summary.themeLabels[$0.0] ?? $0.0)) (\(language.percent($0.1)))" }
            lines.append(
                sv
                    ? "Oftast tog man i \(name) upp \(join(Array(parts), language)) (se *Teman*)."
                    : "People in \(name) most often raised \(join(Array(parts), language)) (see *Themes*).")
        }
        let own = summary.differences.filter { $0.difference.col == district }
        if own.isEmpty {
            lines.append(
                sv
                    ? "Ingen skillnad mellan \(name) och resten av kommunen håller enligt rapportens regel."
                    : "No difference between \(name) and the rest of the municipality holds by the report's rule.")
        } else {
            let first = own.prefix(2).map { item in
                "\(Markdown.inline(item.subject)) (\(language.percent(item.difference.percent)) \(sv ? "mot" : "against") \(language.percent(item.difference.wholePercent)))"
            }
            lines.append(
                sv
                    ? "\(own.count == 1 ? "En skillnad" : "\(own.count) skillnader") mot resten av kommunen håller: \(join(first, language)) (se *Där \(name) skiljer sig mest*)."
                    : "\(own.count == 1 ? "One difference" : "\(own.count) differences") from the rest of the municipality hold: \(join(first, language)) (see *Where \(name) differs most*)."
            )
        }
        if let left = leftOut(summary.leftOut, language) { lines.append(left) }
        return lines
    }

    /// A theme report's sentences: per theme, how many raised it, where most (by shown shares, areas under
    /// `smallArea` respondents aside), and what it came up with most often.
    public static func themes(_ input: ThemeReportInput, language: ReportLanguage) -> [String] {
        let sv = language == .sv
        let table = input.byDistrict
        let lookup = CrossTable.Lookup(table)
        let bases = Dictionary(table.colTotals.compactMap { total in total.n.map { (total.value, $0) } }, uniquingKeysWith: { a, _ in a })
        return input.sections.map { section in
            let id = section.theme.id
            let label = Markdown.inline(section.theme.label)
            var sentence: String
            if let n = lookup.rowTotal(id)?.n, let all = table.shownTotal, all > 0 {
                sentence =
                    sv
                    ? "**\(label)**: \(language.integer(n)) av \(language.integer(all)) respondenter (\(language.percent(Double(n) / Double(all) * 100)))"
                    : "**\(label)**: \(language.integer(n)) of \(language.integer(all)) respondents (\(language.percent(Double(n) / Double(all) * 100)))"
            } else {
                sentence = sv ? "**\(label)**: ett fåtal respondenter" : "**\(label)**: a few respondents"
            }
            let top = table.colValues.compactMap { area -> (String, Double)? in
                guard (bases[area] ?? 0) >= smallArea, let cell = lookup.cell(id, area), let percent = cell.percent, (cell.n ?? 0) > 0
                else { return nil }
                return (area, percent)
            }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(2)
            if !top.isEmpty {
                let places = top.map { "\(Markdown.inline(language.place($0.0))) (\(language.percent($0.1)))" }
                sentence +=
                    sv ? "; störst andel i \(join(Array(places), language))" : "; the largest shares in \(join(Array(places), language))"
            }
            if let related = section.related.first {
                sentence +=
                    sv
                    ? "; oftast tillsammans med \(Markdown.inline(related.label))"
                    : "; most often together with \(Markdown.inline(related.label))"
            }
            return sentence + (sv ? " (se *\(label)*)." : " (see *\(label)*).")
        }
    }

    /// A respondent kind with its count, as a sentence says it: "22 föreningar", "1 företag", "12 residents".
    static func kindName(_ kind: String, _ n: Int, _ language: ReportLanguage) -> String {
        let one = n == 1
        let names: [String: (sv: (String, String), en: (String, String))] = [
            "företag": (("företag", "företag"), ("company", "companies")),
            "förening": (("förening", "föreningar"), ("association", "associations")),
            "offentlig": (("offentlig aktör", "offentliga aktörer"), ("public body", "public bodies")),
            "privatperson": (("privatperson", "privatpersoner"), ("resident", "residents")),
            "temagrupp": (("temagruppsdeltagare", "temagruppsdeltagare"), ("thematic-group participant", "thematic-group participants")),
            "inspel": (("inspel", "inspel"), ("submission", "submissions")),
        ]
        guard let name = names[kind] else { return kind }
        let pair = language == .sv ? name.sv : name.en
        return one ? pair.0 : pair.1
    }

    /// The sentence on what the report leaves out (nil: nothing), pointing to the method box that lists it.
    static func leftOut(_ left: MappingSummary.LeftOut, _ language: ReportLanguage) -> String? {
        guard !left.isEmpty else { return nil }
        let what = MethodBox.leftOut(left, language: language)
        return language == .sv
            ? "Rapporten utelämnar \(what) (se *Om underlaget och metoden*)."
            : "The report leaves out \(what) (see *About the data and the method*)."
    }

    /// "a, b och c" / "a, b and c".
    static func join(_ parts: [String], _ language: ReportLanguage) -> String {
        guard parts.count > 1, let last = parts.last else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + (language == .sv ? " och " : " and ") + last
    }
}
