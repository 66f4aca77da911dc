import Foundation
import KartlaggningModel
import Testing

/// `MatchKey.place` in one pass gives the keys the earlier rule gave: lowercased, dashes made "-", whitespace collapsed
/// and trimmed, and the spaces beside a dash removed by three replacements, " - ", " -" and "- " in turn.
struct PlaceKeyTests {
    /// The earlier rule, as it stood.
    static func reference(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if "\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2212}".contains(character) { out.append("-") } else { out.append(character) }
        }
        let words = out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return words.replacingOccurrences(of: " - ", with: "-").replacingOccurrences(of: " -", with: "-")
            .replacingOccurrences(of: "- ", with: "-")
    }

    @Test(arguments: [
        ("Björna - Långviksmon", "björna-långviksmon"), ("  Nätra\tområdet ", "nätra området"), ("BLT", "blt"),
        ("Björna–Långviksmon–Trehörningsjö", "björna-långviksmon-trehörningsjö"), ("a - - b", "a--b"), ("x- -y", "x--y"),
        ("- Åsa -", "-åsa-"), ("\u{00A0}Mo\u{2003}i  Rana\n", "mo i rana"), ("", ""), (" \t ", ""), ("Ö\u{2212} Ö", "ö-ö"),
    ])
    func knownNames(_ raw: String, _ key: String) {
        #expect(MatchKey.place(raw) == key)
        #expect(Self.reference(raw) == key)
    }

    @Test func generatedNamesGetTheKeysTheEarlierRuleGave() {
        // Names drawn from the pieces that matter to the rule: letters with and without diacritics, every dash, every
        // kind of space, combining marks and emoji (one Character of several scalars).
        let pieces = [
            "a", "Å", "ö", "É", "ß", "İ", "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}", " ", "\t", "\n",
            "\u{00A0}", "\u{2003}", "\u{3000}", "e\u{301}", "-\u{301}", "👍🏽", "1", ".",
        ]
        var seed: UInt64 = 0x5EED
        for _ in 0..<20_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(seed >> 59)
            var name = ""
            for index in 0..<length { name += pieces[Int((seed >> UInt64(index * 2 % 50)) % UInt64(pieces.count))] }
            if seed & 1 == 0 { name = String(name.reversed()) }
            #expect(MatchKey.place(name) == Self.reference(name), "\(name.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
