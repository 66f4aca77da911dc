import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

/// Which respondents a report covers: `--district`, `--survey`, `--wave` (each repeatable; values of one option
/// are alternatives, different options must all hold, as in `crosstab --where`).
public struct ReportScope: Sendable, Equatable {
    public var districts: [String]
    public var surveys: [String]
    public var waves: [String]

    public init(districts: [String] = [], surveys: [String] = [], waves: [String] = []) {
        self.districts = districts
        self.surveys = surveys
        self.waves = waves
    }

    /// The scope as cross-tab filters; `withDistricts: false` leaves the districts out (a district profile
    /// compares its district with the whole municipality).
    public func filters(withDistricts: Bool = true) -> [CrossDimension: [String]] {
        var filters: [CrossDimension: [String]] = [:]
        if withDistricts && !districts.isEmpty { filters[.district] = districts }
        if !surveys.isEmpty { filters[.survey] = surveys }
        if !waves.isEmpty { filters[.wave] = waves }
        return filters
    }

    /// The scope as the method box writes it, one `key = a, b` line per option given.
    public func lines(_ language: ReportLanguage, withDistricts: Bool = true) -> [String] {
        let names = language == .sv ? ("område", "undersökning", "våg") : ("district", "survey", "wave")
        var out: [String] = []
        if withDistricts && !districts.isEmpty { out.append("\(names.0) = \(districts.joined(separator: ", "))") }
        if !surveys.isEmpty { out.append("\(names.1) = \(surveys.joined(separator: ", "))") }
        if !waves.isEmpty { out.append("\(names.2) = \(waves.joined(separator: ", "))") }
        return out
    }
}
