import Foundation
import TestSupport
import Testing

@testable import KartlaggningAnalysis

/// The names a database holds are found by lookup (`NameList`), as the regular expression per name found them.
struct NameListTests {
    static func list(_ names: [(String, Bool)]) -> NameList {
        NameList(names.map { NameList.Entry(name: $0.0, replacement: $0.1 ? "[organisation]" : "[person]", anyCase: $0.1) })
    }

    @Test(arguments: [
        ("Vi på Bredbyns Såg AB och IF Nätra", "Vi på [organisation] och [organisation]"),
        ("vi på BREDBYNS SÅG AB.", "vi på [organisation]."),
        // Not inside a longer word, nor with a digit next to it.
        ("IF Nätraborna och IF Nätra2", "IF Nätraborna och IF Nätra2"),
        // The longer name first: the shorter one inside it is not left behind.
        ("Bredbyns Såg AB och Bredbyns", "[organisation] och [organisation]"),
        // Punctuation belongs to a name where the name has it, and a space must be the name's own.
        ("Caféet (Lyktan) har öppet", "Caféet [organisation] har öppet"),
        ("Lyktan har öppet", "Lyktan har öppet"),
        ("Bredbyns  Såg AB", "[organisation]  Såg AB"),
        // A part of a person's name only as written.
        ("Per kom, 100 kr per dag", "[person] kom, 100 kr per dag"),
        ("Anna-Karin Öberg och Öberg", "[organisation] och Öberg"),
    ])
    func namesAreFoundWhole(text: String, expected: String) {
        let names = Self.list([
            ("Bredbyns Såg AB", true), ("Bredbyns", true), ("IF Nätra", true), ("(Lyktan)", true), ("Per", false),
            ("Anna-Karin Öberg", true),
        ])
        #expect(names.replacing(in: text) { $0 } == expected)
    }

    /// What `Pseudonymizer` did before: one regular expression per name, longest first, over the text in turn.
    static func byRegularExpressions(_ text: String, _ names: [(String, Bool)]) -> String {
        var out = text
        for (name, anyCase) in names.sorted(by: { $0.0.count > $1.0.count }) {
            guard
                let regex = try? NSRegularExpression(
                    pattern: "(?<![\\p{L}\\p{N}])\(NSRegularExpression.escapedPattern(for: name))(?![\\p{L}\\p{N}])",
                    options: anyCase ? [.caseInsensitive] : [])
            else { continue }
            out = regex.stringByReplacingMatches(
                in: out, range: NSRange(out.startIndex..., in: out), withTemplate: anyCase ? "[organisation]" : "[person]")
        }
        return out
    }

    @Test func generatedTextsComeOutAsTheRegularExpressionsLeftThem() {
        var rng = SeededGenerator(seed: 2026)
        let words = ["Bygg", "AB", "Nätra", "IF", "Såg", "och", "Ö-viks", "Café", "Per", "per", "Åsa", "el", "HB", "Bredbyn", "i", "2"]
        let separators = [" ", " ", " ", ", ", "-", ". ", " & "]
        func phrase(_ count: Int) -> String {
            (0..<count).map { index in
                (index == 0 ? "" : separators.randomElement(using: &rng) ?? " ") + (words.randomElement(using: &rng) ?? "")
            }.joined()
        }
        var same = 0
        var withNames = 0
        for _ in 0..<1_000 {
            // Names that do not overlap one another in a text (where they do, the two ways may pick differently;
            // both replace a name).
            let names: [(String, Bool)] = (0..<Int.random(in: 1...6, using: &rng)).map { _ in
                (phrase(Int.random(in: 1...3, using: &rng)), Bool.random(using: &rng))
            }.filter { $0.0.count >= 3 }
            let text = phrase(Int.random(in: 1...14, using: &rng))
            let list = Self.list(names)
            let expected = Self.byRegularExpressions(text, names)
            let got = list.replacing(in: text) { $0 }
            if got == expected { same += 1 }
            if expected != text { withNames += 1 }
            // The same text, unless two names overlapped in it (then each way replaced one of them).
            if got != expected {
                let overlapping = names.contains { a in
                    names.contains { b in
                        a.0 != b.0 && text.range(of: a.0, options: .caseInsensitive) != nil
                            && text.range(of: b.0, options: .caseInsensitive) != nil
                    }
                }
                #expect(overlapping, "\(text) with \(names): \(got) against \(expected)")
            }
        }
        // Most texts hold a name, and all but a few come out alike.
        #expect(withNames > 200, "\(withNames) texts with a name")
        #expect(same >= 970, "\(same) of 1,000 alike")
    }

    @Test func manyNamesCostOneLookupPerWord() {
        let organisations = (0..<50_000).map { "Företag \($0) AB" }
        let clean = Pseudonymizer(organisations: organisations)
        #expect(
            clean.apply("Vi på Företag 4711 AB vill ha fiber, som Företag 12 AB.")
                == "Vi på [organisation] vill ha fiber, som [organisation].")
        #expect(clean.apply("Företag 50000 AB finns inte") == "Företag 50000 AB finns inte")
    }
}
