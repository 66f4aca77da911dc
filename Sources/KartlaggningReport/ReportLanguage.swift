import Foundation
import KartlaggningAnalysis
import KartlaggningModel

/// The language of a report: its headings and captions (the built-in templates) and its number formats.
/// Swedish writes `1 234` (a non-breaking space between thousands) and `12,5 %`; English `1,234` and `12.5%`.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case sv, en

    /// `1 234` / `1,234`.
    public func integer(_ value: Int) -> String {
        let digits = String(abs(value))
        let separator = self == .sv ? "\u{00A0}" : ","
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return (value < 0 ? "−" : "") + out
    }

    /// A number with a fixed count of decimals: `3,4` / `3.4`; a negative one with a true minus sign.
    public func decimal(_ value: Double, digits: Int = 1) -> String {
        let text = Numbers.fixed(abs(value), digits: digits)
        let sign = value < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "−" : ""
        return sign + (self == .sv ? String(text.map { $0 == "." ? "," : $0 }) : text)
    }

    /// A share of 0–100: `12,5 %` / `12.5%`.
    public func percent(_ value: Double) -> String {
        decimal(value) + (self == .sv ? "\u{00A0}%" : "%")
    }

    /// A share with its count: `26,7 % (4)`.
    public func percent(_ value: Double, count: Int) -> String {
        percent(value) + " (" + integer(count) + ")"
    }

    /// A difference in percentage points with its sign: `+4,2` / `−4.2`.
    public func points(_ value: Double) -> String {
        let text = decimal(value)
        return text.hasPrefix("−") || text == decimal(0) ? text : "+" + text
    }

    /// A p-value: `0,023`, or `< 0,001` below that.
    public func pValue(_ value: Double) -> String {
        value < 0.001 ? "<\u{00A0}" + decimal(0.001, digits: 3) : decimal(value, digits: 3)
    }

    /// What a report writes for a suppressed or undefined value.
    public static let hidden = "··"

    /// Words the reports' code writes (chart titles, labels); the templates hold the rest.
    public var phrases: Phrases { self == .sv ? .swedish : .english }

    /// Words the reports' code writes, in one language.
    /// A place as a report names it: the one word for "no area" (`phrases.noDistrict`, crosstab's "(okänt)" in
    /// Swedish) where the respondent gave none.
    public func place(_ value: String) -> String {
        value == CrossSpec.unknown ? phrases.noDistrict : value
    }

    /// How a report in this language pools areas with fewer than `minBase` answers to a question: under their
    /// registry group ("Bjästa med omland, övriga"), or "Övriga områden".
    public func pooling(minBase: Int, groups: [String: String]) -> AreaPooling {
        let rest = self == .sv ? "övriga" : "other"
        return AreaPooling(minBase: minBase, groups: groups, other: phrases.otherAreas, groupRest: { "\($0), \(rest)" })
    }

    public struct Phrases: Sendable {
        public var shareByDistrict: String
        public var themesByDistrict: String
        public var themesRanked: String
        public var districtAgainstWhole: String
        public var whole: String
        public var noDistrict: String
        public var hiddenNote: String
        public var heatmapNote: String
        /// Who said a quote when their kind would single them out.
        public var respondent: String
        /// The group of areas the registry gives none, when it gives others one.
        public var otherAreas: String

        static let swedish = Phrases(
            shareByDistrict: "andel respondenter per område", themesByDistrict: "Teman per område, andel respondenter",
            themesRanked: "Teman, andel av alla respondenter", districtAgainstWhole: "andel respondenter, området mot hela kommunen",
            whole: "Hela kommunen", noDistrict: CrossSpec.unknown, hiddenNote: "·· = färre än %d respondenter eller dolt.",
            heatmapNote: "Mörkare ruta = större andel av områdets respondenter.", respondent: "respondent",
            otherAreas: "Övriga områden")
        static let english = Phrases(
            shareByDistrict: "share of respondents by district", themesByDistrict: "Themes by district, share of respondents",
            themesRanked: "Themes, share of all respondents",
            districtAgainstWhole: "share of respondents, the district against the whole municipality",
            whole: "Whole municipality", noDistrict: "(unknown)", hiddenNote: "·· = fewer than %d respondents, or hidden.",
            heatmapNote: "Darker square = larger share of the district's respondents.", respondent: "respondent",
            otherAreas: "Other areas")
    }
}
