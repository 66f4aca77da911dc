import Foundation
import KartlaggningImport
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningAnalysis

/// The tokenizer's byte-by-byte reading of ASCII and Latin-1 texts (`latinTokens`) gives exactly the tokens its
/// scalar-by-scalar reading gives (`scalarTokens`, which every other text gets): the same words, lowercased the same way,
/// at the same scalar offsets.
struct TokenizerTests {
    /// A text's tokens both ways; `nil` from the byte reader (a character outside Latin-1) is checked to be right.
    static func check(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let scalars = Tokenizer.scalarTokens(in: text)
        #expect(Tokenizer.tokens(in: text) == scalars, "\(text.debugDescription)", sourceLocation: sourceLocation)
        var copy = text
        let latin = copy.withUTF8 { Tokenizer.latinTokens($0) }
        let isLatin = text.unicodeScalars.allSatisfy { $0.value <= 0xFF }
        #expect((latin != nil) == isLatin, "\(text.debugDescription): read byte by byte only if Latin-1", sourceLocation: sourceLocation)
        if let latin { #expect(latin == scalars, "\(text.debugDescription)", sourceLocation: sourceLocation) }
    }

    /// Every scalar of Latin-1 and the blocks after it, alone, inside a word, between words and doubled (each one's
    /// word-ness and lowercase), and the letters that lowercase to more or other scalars (İ, ẞ, Σ).
    @Test func everyScalarAsTheScalarReaderReadsIt() {
        let scalars = (0x01...0x2FF).compactMap(Unicode.Scalar.init) + ["İ", "ẞ", "Σ", "ǅ", "\u{308}", "\u{200B}", "😀", "Ω", "Ж"]
        for scalar in scalars {
            let s = String(scalar)
            for text in [s, "x\(s)y", "Å\(s)B c", "\(s)\(s)", "a \(s)", "\(s) Ö", "1\(s)2"] { Self.check(text) }
        }
    }

    @Test func swedishAndMixedTexts() {
        for text in [
            "", " ", "Co-working, i Nätra 2025!", "ÅÄÖ åäö ÉÜ éü Æ Ø æø ß", "Björna–Långviksmon–Trehörningsjö",
            "Bredbandet är för långsamt (nr 123)", "×÷ 2×3 ½ ¼ ¾ ² ³ ¹ ª º µ", "a\u{308}r du där", "Ärligt talat: 😀 nej",
            "İstanbul", "ΣΟΦΙΑ", "\u{00A0}nbsp\u{00AD}shy", "tab\tny\r\nrad", "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß",
        ] {
            Self.check(text)
        }
    }

    /// The sample surveys' files and (where `../shared/conformance/` is beside the clone) the real exports' text files,
    /// line by line, as a tagging run would read them.
    @Test func realTextsAsTheScalarReaderReadsThem() throws {
        func checkLines(of files: [URL]) -> Int {
            var lines = 0
            for file in files {
                guard let data = try? Data(contentsOf: file) else { continue }
                for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
                    Self.check(String(line))
                    lines += 1
                }
            }
            return lines
        }
        let samples = try FileManager.default.contentsOfDirectory(atPath: Paths.samples.path)
            .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".json") || $0.hasSuffix(".yaml") }
            .map { Paths.samples.appendingPathComponent($0) }
        #expect(checkLines(of: samples) > 500)
        if Paths.conformanceAvailable, let found = FileManager.default.enumerator(at: Paths.conformance, includingPropertiesForKeys: nil) {
            let exports = found.compactMap { $0 as? URL }.filter { ["csv", "json", "txt", "tsv"].contains($0.pathExtension) }
            #expect(checkLines(of: exports) > 1_000)
        }
    }

    /// A tagging run's tags (`autoTags`: no span texts) are `match`'s patterns and spans.
    @Test func autoTagsAreWhatMatchFinds() throws {
        let matcher = try CodebookMatcher(codebook: try DefinitionLoader.codebook(at: Paths.sample("kodbok.yaml")))
        var matched = 0
        for file in ["foretag-2025.csv", "forening-2025.csv", "boende-webb-2025.csv", "inspel-2025.csv"] {
            // One sample is Windows-1252, as Excel writes it: its å, ä and ö read here as replacement characters.
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: Paths.sample(file))), as: UTF8.self)
            for line in text.split(whereSeparator: \.isNewline) {
                let line = String(line)
                let expected = matcher.match(line).map { match in
                    AutoTag(theme: match.theme, pattern: match.pattern, spans: match.matches.map { $0.start..<$0.end })
                }
                #expect(matcher.autoTags(line) == expected)
                matched += expected.isEmpty ? 0 : 1
            }
        }
        #expect(matched > 10)
    }
}
