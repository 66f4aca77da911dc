import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

/// A report's area order (`--area-order`) and the registry's groups, worked out from the tables it shows: sizes from
/// the respondents per area, shares from theme × area, each as shown (a hidden figure never moves an area).
struct AreaArranger {
    let groups: [String: String]
    let order: AreaOrder
    let language: ReportLanguage

    init(groups: [String: String], order: AreaOrder, language: ReportLanguage) {
        self.groups = groups
        self.order = order
        self.language = language
    }

    /// With the groups of the stored registry.
    init(store: KartlaggningStore, order: AreaOrder, language: ReportLanguage) throws {
        self.init(groups: try store.districtRegistry().groups, order: order, language: language)
    }

    /// The overview's arrangement: sizes from `basis` (kind × area), shares of `--area-order share:THEME` from `themes`.
    func overview(_ summary: MappingSummary, codebook: String?) throws -> AreaArrangement {
        var theme: String?
        if case .share(let asked) = order {
            guard let asked else { throw ReportError.shareNeedsTheme }
            guard summary.themes.rowValues.contains(asked) else {
                throw ReportError.unknownTheme(theme: asked, codebook: codebook ?? "(none loaded)")
            }
            theme = asked
        }
        return arrangement(areas: summary.basis.colValues, basis: summary.basis, themes: summary.themes, theme: theme)
    }

    /// A theme report section's arrangement: by the share of `--area-order share:THEME`, or of the section's own theme.
    func section(theme: String, byDistrict: CrossTable, basis: CrossTable, codebook: String) throws -> AreaArrangement {
        var shareOf = theme
        if case .share(let asked?) = order {
            guard byDistrict.rowValues.contains(asked) else { throw ReportError.unknownTheme(theme: asked, codebook: codebook) }
            shareOf = asked
        }
        return arrangement(areas: byDistrict.colValues, basis: byDistrict, themes: byDistrict, theme: shareOf)
    }

    /// Sizes are a table's column bases; `basis` is kind × area or theme × area, both based on the area's respondents.
    private func arrangement(areas: [String], basis: CrossTable, themes: CrossTable, theme: String?) -> AreaArrangement {
        let sizes = Dictionary(basis.colTotals.map { ($0.value, $0.suppressed ? nil : $0.n) }, uniquingKeysWith: { first, _ in first })
        let lookup = CrossTable.Lookup(themes)
        return AreaArrangement.make(
            areas: areas, registryGroups: groups, order: order, size: { sizes[$0] ?? nil },
            share: { area in theme.flatMap { lookup.cell($0, area) }.flatMap { $0.suppressed ? nil : $0.percent } },
            other: language.phrases.otherAreas)
    }
}
