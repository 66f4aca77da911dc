import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

/// Makes quotes safe: every text pseudonymised with the names the database holds (the store chooses them:
/// `quoteCandidates`), and the questions respondents ask picked out of their answers.
struct QuoteChooser {
    let cleaner: Pseudonymizer

    init(store: KartlaggningStore) throws {
        cleaner = try store.pseudonymizer()
    }

    func clean(_ text: String) -> String {
        cleaner.apply(text)
    }

    /// How a quote names its speaker: their kind (företag, förening …) where enough respondents of that kind are in
    /// the place it is attributed to (`basis` is kind × district), else only "respondent" — one public-sector
    /// respondent in a district must not be quoted as "offentlig".
    static func speaker(kind: String, district: String?, basis: CrossTable, language: ReportLanguage) -> String {
        let n =
            district.map { place in basis.cell(kind, place).flatMap { $0.suppressed ? nil : $0.n } }
            ?? basis.rowTotals.first { $0.value == kind }.flatMap { $0.suppressed ? nil : $0.n }
        return (n ?? 0) >= max(basis.minCell, 1) ? kind : language.phrases.respondent
    }

    /// The questions respondents ask in `texts`: sentences ending in `?`, pseudonymised, in order, each once, at
    /// most `limit`.
    func questions(in texts: [String], limit: Int) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for text in texts {
            var sentence = ""
            for character in clean(text) {
                if character == "\n" || character == "\r" {
                    sentence = ""
                    continue
                }
                sentence.append(character)
                guard ".!?".contains(character) else { continue }
                // A sentence after a semicolon, colon or dash starts at its first letter or digit, not at "; ".
                let trimmed = String(sentence.drop { !$0.isLetter && !$0.isNumber }).trimmingCharacters(in: .whitespaces)
                sentence = ""
                guard character == "?", trimmed.count >= 12, seen.insert(trimmed.lowercased()).inserted else { continue }
                out.append(trimmed)
                if out.count == limit { return out }
            }
        }
        return out
    }
}
