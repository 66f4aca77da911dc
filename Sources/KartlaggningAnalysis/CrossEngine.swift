import KartlaggningModel

/// The one cross-tab engine: from what the store knows of a table (`KartlaggningStore.crossFacts`) to its counts,
/// the same way for `crosstab`, every report and any other caller. Themes are rolled up their tree (a respondent
/// tagged with a theme counts for every theme above it), units counted, and each dimension's values put in display
/// order; `CrossTabulation.tabulate` then adds percentages, statistics and protection.
///
/// ```swift
/// let spec = CrossSpec(rows: .theme, cols: .district)
/// let counts = CrossEngine.counts(try store.crossFacts(spec), spec: spec)
/// ```
public enum CrossEngine {
    /// The counts of `spec`'s table, in display order.
    public static func counts(_ facts: CrossFacts, spec: CrossSpec) -> CrossCounts {
        let codebook = spec.codebook?.codebook
        switch facts.content {
        case .counts(let counted):
            return counted.arranged(
                rowValues: order(spec.rows, present: Set(counted.rowValues), declared: facts.rowDeclared, codebook: codebook),
                colValues: order(spec.cols, present: Set(counted.colValues), declared: facts.colDeclared, codebook: codebook))
        case .units(let data):
            let ancestors = codebook?.ancestors ?? [:]
            func rolledUp(_ values: [String: Int], _ dimension: CrossDimension) -> [String: Int] {
                guard dimension == .theme, !ancestors.isEmpty else { return values }
                var rolled: [String: Int] = [:]
                for (theme, weight) in values {
                    for name in [theme] + ancestors[theme, default: []] {
                        rolled[name] = spec.weighted ? rolled[name, default: 0] + weight : 1
                    }
                }
                return rolled
            }
            // A unit counts where every filter holds: one of its values is asked for, a theme rolled up its tree
            // first (a filter on a theme holds for a unit tagged with the theme or one below it).
            func passes(_ unit: CrossData.Unit) -> Bool {
                for (index, filter) in data.filters.enumerated() {
                    guard index < unit.filterValues.count, let present = unit.filterValues[index] else { return false }
                    let holds = present.contains { value in
                        filter.wanted.contains(value)
                            || (filter.dimension == .theme && ancestors[value, default: []].contains(where: filter.wanted.contains))
                    }
                    guard holds else { return false }
                }
                return true
            }
            let units = data.units.filter(passes).map { (rows: rolledUp($0.rows, spec.rows), cols: rolledUp($0.cols, spec.cols)) }
            var rowPresent = Set<String>()
            var colPresent = Set<String>()
            for unit in units {
                rowPresent.formUnion(unit.rows.keys)
                colPresent.formUnion(unit.cols.keys)
            }
            return CrossCounts(
                units: units, rowValues: order(spec.rows, present: rowPresent, declared: facts.rowDeclared, codebook: codebook),
                colValues: order(spec.cols, present: colPresent, declared: facts.colDeclared, codebook: codebook),
                weighted: spec.weighted, multiResponseRows: data.multiResponseRows, multiResponseCols: data.multiResponseCols)
        }
    }

    /// A dimension's values in display order: themes as their tree, kinds and sectors in their usual order, what the
    /// store declares for the others (the registry's districts, a question's options, scale or bins); then other
    /// values seen, sorted; then the unknown and no-answer categories.
    public static func order(_ dimension: CrossDimension, present: Set<String>, declared: [String], codebook: Codebook?) -> [String] {
        var ordered: [String]
        switch dimension {
        case .theme: ordered = codebook?.treeOrder ?? []
        case .kind: ordered = RespondentKind.builtIn.filter(present.contains)
        case .sector: ordered = CrossDimension.sectors.filter(present.contains)
        default: ordered = declared
        }
        let tails = [CrossSpec.unknown, CrossSpec.noAnswer]
        ordered += present.subtracting(ordered).subtracting(tails).sorted()
        for tail in tails where present.contains(tail) && !ordered.contains(tail) { ordered.append(tail) }
        return ordered
    }
}
