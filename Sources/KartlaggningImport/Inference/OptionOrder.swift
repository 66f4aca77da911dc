import KartlaggningCore
import KartlaggningModel

/// The order a person expects a closed question's options in: numeric bands ascending (`15-24`, `25-34`, …,
/// `65+`), the labels of a known rating scale in the scale's order (Mycket nöjd … Mycket missnöjd), Ja/Nej/Vet ej —
/// else the most frequent first. Answers such as "Vet ej" or "Vill ej uppge" come last in every case.
public enum OptionOrder {
    /// Rating scales as they are asked, positive end first.
    static let scales: [[String]] = [
        ["mycket nöjd", "ganska nöjd", "nöjd", "varken nöjd eller missnöjd", "ganska missnöjd", "missnöjd", "mycket missnöjd"],
        [
            "instämmer helt", "instämmer till stor del", "instämmer delvis", "instämmer till viss del", "instämmer i liten grad",
            "instämmer inte alls", "tar helt avstånd",
        ],
        [
            "mycket bra", "ganska bra", "bra", "varken bra eller dålig", "varken bra eller dåligt", "ganska dålig", "ganska dåligt",
            "dålig", "dåligt", "mycket dålig", "mycket dåligt",
        ],
        ["mycket stor", "ganska stor", "stor", "varken stor eller liten", "ganska liten", "liten", "mycket liten", "ingen"],
        [
            "mycket viktigt", "ganska viktigt", "viktigt", "varken viktigt eller oviktigt", "inte särskilt viktigt", "ganska oviktigt",
            "oviktigt", "inte alls viktigt", "mycket oviktigt",
        ],
        ["alltid", "mycket ofta", "ofta", "ganska ofta", "ibland", "sällan", "ganska sällan", "mycket sällan", "aldrig"],
        [
            "dagligen", "varje dag", "flera gånger i veckan", "varje vecka", "någon gång i veckan", "flera gånger i månaden",
            "varje månad", "någon gång i månaden", "några gånger om året", "någon gång per år", "mer sällan", "aldrig",
        ],
        ["ja", "ja, helt", "ja, delvis", "delvis", "nej", "nej, inte alls"],
        ["very satisfied", "satisfied", "neither satisfied nor dissatisfied", "neutral", "dissatisfied", "very dissatisfied"],
        ["strongly agree", "agree", "neither agree nor disagree", "disagree", "strongly disagree"],
        ["yes", "no"],
    ]

    /// Answers that are not on the scale, always last.
    static let asides = [
        "vet ej", "vet inte", "ingen åsikt", "ej aktuellt", "inte aktuellt", "vill ej uppge", "vill inte svara", "annat", "övrigt",
        "don't know", "not applicable", "prefer not to say", "other",
    ]

    /// `values` in their natural order; `counts` (value → how often) decides among the rest.
    public static func natural(_ values: [String], counts: [String: Int]) -> [String] {
        let asides = values.filter { isAside($0) }
        let main = values.filter { !isAside($0) }
        if let ordered = byBands(main) ?? byScale(main) { return ordered + asides }
        let firstSeen = Dictionary(values.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let byFrequency = main.sorted {
            let (a, b) = (counts[$0] ?? 0, counts[$1] ?? 0)
            return a != b ? a > b : firstSeen[$0, default: 0] < firstSeen[$1, default: 0]
        }
        return byFrequency + asides
    }

    /// Whether the values (asides aside) follow a pattern: numeric bands or a known rating scale.
    static func hasPattern(_ values: [String]) -> Bool {
        let main = values.filter { !isAside($0) }
        return byBands(main) != nil || byScale(main) != nil
    }

    static func isAside(_ value: String) -> Bool {
        let key = value.lowercased().trimmingCharacters(in: .whitespaces)
        return asides.contains { key == $0 || key.hasPrefix($0 + " ") || key.hasPrefix($0 + ",") || key.hasPrefix($0 + "/") }
    }

    /// Values that each start with a number (`15-24`, `25–34 år`, `65+`, `Under 18`, `65 år eller äldre`), by it.
    static func byBands(_ values: [String]) -> [String]? {
        guard values.count >= 2 else { return nil }
        var keys: [String: Double] = [:]
        for value in values {
            let lower = value.lowercased()
            guard let start = lower.firstIndex(where: \.isNumber) else { return nil }
            let prefix = lower[..<start].trimmingCharacters(in: .whitespaces)
            let digits = lower[start...].prefix { $0.isNumber || $0 == " " || $0 == "\u{00A0}" }.filter(\.isNumber)
            guard let number = Double(String(digits)) else { return nil }
            switch prefix {
            case "": keys[value] = number
            case "under", "yngre än", "mindre än", "färre än", "<", "upp till", "högst", "0 -", "max": keys[value] = number - 0.5
            case "över", "äldre än", "mer än", "fler än", ">", "minst": keys[value] = number + 0.5
            default: return nil
            }
        }
        return values.sorted { keys[$0, default: 0] < keys[$1, default: 0] }
    }

    /// Values that all belong to one known rating scale, in its order.
    static func byScale(_ values: [String]) -> [String]? {
        let keys = values.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        for scale in scales where keys.allSatisfy({ scale.contains($0) }) && keys.count >= 2 {
            let rank = Dictionary(scale.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
            return zip(values, keys).sorted { rank[$0.1, default: 0] < rank[$1.1, default: 0] }.map(\.0)
        }
        // Numbered labels (`1 Mycket dåligt` … `5 Mycket bra`): by their number.
        return nil
    }
}
