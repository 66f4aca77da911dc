/// The Snowball Swedish stemmer, version 3 (`swedish-v3.sbl`), written from the published algorithm.
///
/// `föreningar`, `föreningen` and `föreningarnas` all stem to `förening`; å, ä and ö are letters of their own.
/// Words are lowercased first. The stemmer agrees with the reference output on all 30,738 words of
/// Snowball's Swedish vocabulary (see the conformance test).
///
/// ```swift
/// SwedishStemmer.stem("bredbandsutbyggnaden")  // "bredbandsutbyggnad"
/// ```
public enum SwedishStemmer {
    // MARK: - Groupings

    static func isVowel(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a", "e", "i", "o", "u", "y", "ä", "å", "ö": true
        default: false
        }
    }

    static func isSEnding(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "o", "p", "r", "t", "v", "y": true
        default: false
        }
    }

    static func isOstEnding(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "i", "k", "l", "n", "p", "r", "t", "u", "v": true
        default: false
        }
    }

    static let mainSuffixes: [[Unicode.Scalar]] = [
        "a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne", "are", "aste", "en", "anden", "aren",
        "heten", "ern", "ar", "er", "heter", "or", "as", "arnas", "ernas", "ornas", "es", "ades", "andes", "ens", "arens",
        "hetens", "erns", "at", "andet", "het", "ast", "s", "et",
    ].map { Array($0.unicodeScalars) }

    /// Endings before `et` that keep it: frihet, societet, alfabet, komet, raket, paket, staket …
    static let etExceptions: [[Unicode.Scalar]] = [
        "h", "iet", "uit", "fab", "cit", "dit", "alit", "ilit", "mit", "nit", "pit", "rit", "sit", "tit", "ivit", "kvit",
        "xit", "kom", "rak", "pak", "stak",
    ].map { Array($0.unicodeScalars) }

    static let consonantPairs: [[Unicode.Scalar]] = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"].map { Array($0.unicodeScalars) }

    static let otherSuffixes: [[Unicode.Scalar]] = ["lig", "ig", "els", "öst", "fullt"].map { Array($0.unicodeScalars) }

    // MARK: - Stemming

    /// The stem of `word`.
    public static func stem(_ word: String) -> String {
        var s = Array(word.lowercased().unicodeScalars)
        let p1 = region1(s)
        mainSuffix(&s, p1: p1)
        consonantPair(&s, p1: p1)
        otherSuffix(&s, p1: p1)
        var out = String.UnicodeScalarView()
        out.append(contentsOf: s)
        return String(out)
    }

    /// R1: after the first non-vowel that follows a vowel, but at least 3 letters in.
    static func region1(_ s: [Unicode.Scalar]) -> Int {
        guard s.count >= 3 else { return s.count }
        let x = 3
        var c = 0
        while c < s.count && !isVowel(s[c]) { c += 1 }
        guard c < s.count else { return s.count }
        c += 1
        while c < s.count && isVowel(s[c]) { c += 1 }
        guard c < s.count else { return s.count }
        c += 1
        return max(c, x)
    }

    /// The longest of `suffixes` that `s` ends with, lying wholly at or after `p1`.
    static func longestSuffix(_ s: [Unicode.Scalar], in suffixes: [[Unicode.Scalar]], p1: Int) -> [Unicode.Scalar]? {
        var best: [Unicode.Scalar]?
        for suffix in suffixes where suffix.count <= s.count - p1 && s.count >= suffix.count && s.suffix(suffix.count).elementsEqual(suffix)
        {
            if suffix.count > (best?.count ?? 0) { best = suffix }
        }
        return best
    }

    static func endsWith(_ s: [Unicode.Scalar], _ suffix: [Unicode.Scalar], at end: Int) -> Bool {
        end >= suffix.count && s[(end - suffix.count)..<end].elementsEqual(suffix)
    }

    /// `et_condition`, tested at `end` (the position just before `et`): a vowel and then a non-vowel before it,
    /// something before those, and none of the exceptions ending there.
    static func etCondition(_ s: [Unicode.Scalar], end: Int) -> Bool {
        guard end >= 3, !isVowel(s[end - 1]), isVowel(s[end - 2]) else { return false }
        return !etExceptions.contains { endsWith(s, $0, at: end) }
    }

    static func mainSuffix(_ s: inout [Unicode.Scalar], p1: Int) {
        guard let suffix = longestSuffix(s, in: mainSuffixes, p1: p1) else { return }
        let start = s.count - suffix.count
        switch suffix {
        case ["s"]:
            if endsWith(s, ["e", "t"], at: start) && etCondition(s, end: start - 2) {
                s.removeLast(3)
            } else if start >= 1 && isSEnding(s[start - 1]) {
                s.removeLast()
            }
        case ["e", "t"]:
            if etCondition(s, end: start) { s.removeLast(2) }
        default:
            s.removeLast(suffix.count)
        }
    }

    static func consonantPair(_ s: inout [Unicode.Scalar], p1: Int) {
        guard s.count - p1 >= 2, consonantPairs.contains(where: { endsWith(s, $0, at: s.count) }) else { return }
        s.removeLast()
    }

    static func otherSuffix(_ s: inout [Unicode.Scalar], p1: Int) {
        guard let suffix = longestSuffix(s, in: otherSuffixes, p1: p1) else { return }
        switch suffix {
        case ["ö", "s", "t"]:
            let start = s.count - 3
            if start >= 1 && isOstEnding(s[start - 1]) { s.removeLast() }
        case ["f", "u", "l", "l", "t"]:
            s.removeLast()
        default:
            s.removeLast(suffix.count)
        }
    }
}
