import Foundation
import KartlaggningCore
import KartlaggningReport

/// Chooses quotes deterministically and makes them safe: the answers with the most matched words first, then by
/// answer id; every text pseudonymised with the names the database holds.
struct QuoteChooser {
    let cleaner: Pseudonymizer

    init(store: KartlaggningStore) throws {
        let names = try store.namesToHide()
        cleaner = Pseudonymizer(people: names.people, organisations: names.organisations)
    }

    func choose(_ hits: [AnswerHit], count: Int) -> [AnswerHit] {
        Array(hits.sorted { ($1.spans.count, $0.answer) < ($0.spans.count, $1.answer) }.prefix(count))
    }

    func clean(_ text: String) -> String {
        cleaner.apply(text)
    }

    /// The questions respondents ask in `hits`: sentences ending in `?`, pseudonymised, in answer order, each
    /// once, at most `limit`.
    func questions(in hits: [AnswerHit], limit: Int) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for hit in hits.sorted(by: { $0.answer < $1.answer }) {
            var sentence = ""
            for character in clean(hit.text) {
                if character == "\n" || character == "\r" {
                    sentence = ""
                    continue
                }
                sentence.append(character)
                guard ".!?".contains(character) else { continue }
                let trimmed = sentence.trimmingCharacters(in: .whitespaces)
                sentence = ""
                guard character == "?", trimmed.count >= 12, seen.insert(trimmed.lowercased()).inserted else { continue }
                out.append(trimmed)
                if out.count == limit { return out }
            }
        }
        return out
    }
}
