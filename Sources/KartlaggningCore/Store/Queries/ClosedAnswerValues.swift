import Foundation
import GRDB
import KartlaggningModel

/// How a stored closed answer reads as the categories a cross-tab counts — stated once for both of the store's fact
/// feeders, the SQL push-down (`questionCounts`) and the row-by-row units (`crossData`).
enum ClosedAnswerValues {
    /// Where a respondent without an answer to a closed question goes: the "(ej svar)" category, or — asked to drop
    /// them (`dropMissing`) — out of the table (nil), its bases included.
    static func unanswered(dropMissing: Bool) -> String? { dropMissing ? nil : CrossSpec.noAnswer }

    /// A multi answer's options: its stored JSON array, each option once (an unreadable array is no option).
    static func options(multiJSON text: String?) -> [String] {
        guard let text, let options = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else { return [] }
        var seen = Set<String>()
        return options.filter { seen.insert($0).inserted }
    }

    /// A scale answer's category: its number's whole part, as text ("4" for 4 and 4.0).
    static func scale(_ number: Double) -> String { String(Int(number)) }

    /// The same as SQL over `answer a`: SQLite's CAST to INTEGER truncates toward zero as `Int(_:)` does.
    static let scaleSQL: SQL = "CAST(CAST(a.valueNumber AS INTEGER) AS TEXT)"

    /// A closed answer's categories from its stored text and number; none where it holds no answer.
    static func values(text: String?, number: Double?, question: KartlaggningStore.ClosedQuestion) -> [String] {
        switch question.type {
        case .multi:
            return options(multiJSON: text)
        case .choice, .boolean:
            return text.map { [$0] } ?? []
        case .scale:
            return number.map { [scale($0)] } ?? []
        case .integer, .decimal:
            guard let number, let edges = question.bins, let label = Bins(edges).label(of: number) else { return [] }
            return [label]
        case .text, .date:
            return []
        }
    }
}
