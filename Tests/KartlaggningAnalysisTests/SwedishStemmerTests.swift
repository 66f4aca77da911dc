import Foundation
import TestSupport
import Testing

@testable import KartlaggningAnalysis

struct SwedishStemmerTests {
    static let folder = Paths.conformance.appendingPathComponent("snowball-swedish")

    /// Line i of voc.txt stems to line i of output.txt, for all 30,738 words.
    @Test(.enabled(if: Paths.conformanceAvailable, "../shared/conformance/ is not beside this clone: the public suites cannot run"))
    func agreesWithTheSnowballVocabulary() throws {
        let words = try String(contentsOf: Self.folder.appendingPathComponent("voc.txt"), encoding: .utf8).split(separator: "\n")
        let stems = try String(contentsOf: Self.folder.appendingPathComponent("output.txt"), encoding: .utf8).split(separator: "\n")
        #expect(words.count == 30_738)
        #expect(stems.count == words.count)
        var wrong: [String] = []
        for (word, expected) in zip(words, stems) where SwedishStemmer.stem(String(word)) != expected {
            wrong.append("\(word) → \(SwedishStemmer.stem(String(word))), expected \(expected)")
        }
        #expect(wrong.isEmpty, "\(wrong.count) words differ, e.g. \(wrong.prefix(10))")
    }

    @Test(arguments: [
        ("föreningar", "förening"), ("föreningen", "förening"), ("föreningarnas", "förening"), ("FÖRENINGAR", "förening"),
        ("frihet", "frihet"), ("paket", "paket"), ("kollektivtrafiken", "kollektivtrafik"), ("får", "får"), ("far", "far"),
    ])
    func examples(word: String, stem: String) {
        #expect(SwedishStemmer.stem(word) == stem)
    }
}
