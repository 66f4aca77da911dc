import Foundation
import KartlaggningModel

/// A battery of rating items: many scale questions of one survey on the same scale ("Hur nöjd är du med …: skolan,
/// vården, bussen …", 0–14). A report shows it as one compact table, items × areas with the mean in each cell and a
/// colour scale, and one distribution chart with a bar per item for the whole municipality — not a row and a chart
/// per item.
public struct RatingBattery: Sendable, Equatable {
    /// The survey the items are from.
    public var survey: String
    public var range: ScaleRange
    /// The items' question ids, in the survey's order.
    public var items: [String]
    /// What the items' texts share at their start ("Hur nöjd är du med"), nil where they share nothing worth naming.
    public var stem: String?
    /// Each item's text with the shared start taken off.
    public var labels: [String: String]

    /// A battery has at least this many items; fewer stay rows of the scale table.
    public static let minItems = 5

    /// The batteries among `scales` (number questions never are one), in the order their first item comes.
    public static func find(in scales: [MappingSummary.ScaleQuestion]) -> [RatingBattery] {
        var groups: [String: [MappingSummary.ScaleQuestion]] = [:]
        var order: [String] = []
        for question in scales where !question.numbers {
            guard let range = question.range else { continue }
            let key = "\(question.surveyID)\u{1F}\(range.min)\u{1F}\(range.max)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(question)
        }
        return order.compactMap { key in
            guard let items = groups[key], items.count >= minItems, let range = items.first?.range else { return nil }
            let stem = sharedStart(items.map(\.text))
            // What every item ends with ("? (0 = inte alls, 14 = helt)") is the scale's, not the item's.
            let end = sharedStart(items.map { String($0.text.reversed()) }, words: 1).map { String($0.reversed()) }
            var labels: [String: String] = [:]
            for item in items {
                var label = String(item.text.dropFirst(stem?.count ?? 0).dropLast(end?.count ?? 0))
                    .trimmingCharacters(in: .whitespaces)
                label = label.trimmingCharacters(in: CharacterSet(charactersIn: ":-–—").union(.whitespaces))
                labels[item.id] = label.isEmpty ? item.text : label
            }
            let name = stem?.trimmingCharacters(in: CharacterSet(charactersIn: ":-–—").union(.whitespaces))
            return RatingBattery(
                survey: items.first?.surveyID ?? "", range: range, items: items.map(\.id), stem: name, labels: labels)
        }
    }

    /// The longest start all `texts` share, ending at a word's end and at least `words` words long; nil if none.
    static func sharedStart(_ texts: [String], words: Int = 2) -> String? {
        guard var shared = texts.first.map(Array.init) else { return nil }
        for text in texts.dropFirst() {
            let characters = Array(text)
            var n = 0
            while n < min(shared.count, characters.count) && shared[n] == characters[n] { n += 1 }
            shared = Array(shared.prefix(n))
        }
        // Back to the end of a word: the next character of every text is not a letter.
        let ends = texts.map(Array.init)
        while let last = shared.indices.last,
            !ends.allSatisfy({ $0.count == shared.count || !$0[shared.count].isLetter && !$0[shared.count].isNumber })
                || shared[last].isWhitespace
        {
            shared.removeLast()
        }
        let stem = String(shared)
        return stem.split(separator: " ").count >= words ? stem : nil
    }
}
