/// The forms a Swedish keyword takes in running text, generated from the word itself, so that a plain keyword finds
/// its inflections whatever Snowball makes of them (`närarbetsplats` → närarbetsplatser, närarbetsplatserna;
/// `kontor` → kontoret; `bredband` → bredbandet), and the shapes it takes as the first part of a compound
/// (`vindkraft` → vindkrafts|etablering, `skola` → skol|gården, `förskola` → förskole|platserna).
///
/// | word ends in | forms generated (each also with the genitive -s) |
/// |---|---|
/// | any (3 letters or more) | -en, -et, -n, -t, -ar, -er, -r, -na, -arna, -erna, -rna, -ena; adjectives -a, -e, -t, -are, -ast, -aste |
/// | -a, -e (skola, pojke, lärare) | the vowel dropped before -or, -orna, -ar, -arna, -er, -erna, -an, -en, -na; verbs (-a): -ar, -ade, -at, -ad, -ande, -as, -er, -de, -te |
/// | -el, -er, -en (cykel, fiber, öken) | the e dropped before a vowel ending: cyklar, fibrer, öknen |
/// | -um (museum) | -um dropped: museet, museer, museerna |
/// | a vowel + m or n (medlem, man) | the consonant doubled: medlemmar, mannen |
/// | a or o as last vowel (stad, bok) | umlaut plurals: städer, böcker |
///
/// Words of one or two letters get no forms (`e` in `e-handel` must not become "en" or "et").
public enum SwedishInflection {
    /// Endings on the word as it is.
    static let endings = [
        "en", "et", "n", "t", "ar", "er", "r", "na", "arna", "erna", "rna", "ena", "a", "e", "are", "ast", "aste",
    ]
    /// Endings after a final -a or -e is dropped (skol|or, pojk|ar, lärar|na), with a verb's endings (samarbet|ar).
    static let vowelStemEndings = [
        "or", "orna", "ar", "arna", "er", "erna", "an", "en", "na", "a", "ade", "at", "ad", "ande", "as", "ades", "ats", "de",
        "te", "t",
    ]
    /// Endings after an unstressed e before l, r or n is dropped (cykl|ar, fibr|er, vattn|et).
    static let syncopeEndings = ["ar", "arna", "er", "erna", "et", "en", "a", "e", "or", "orna", "ande"]
    static let vowels = Set("aeiouyåäöé")

    /// Every form of `word` (lowercased): the word, its inflections, and the genitive of each.
    public static func forms(of word: String) -> Set<String> {
        let w = word.lowercased()
        let letters = Array(w)
        guard letters.count >= 3, let last = letters.last else { return [w] }
        var forms: Set<String> = [w]
        for ending in endings { forms.insert(w + ending) }
        if last == "a" || last == "e" {
            let base = String(letters.dropLast())
            for ending in vowelStemEndings { forms.insert(base + ending) }
        }
        if letters.count >= 4, ["el", "er", "en"].contains(String(letters.suffix(2))), !vowels.contains(letters[letters.count - 3]) {
            let base = String(letters.dropLast(2)) + String(last)
            for ending in syncopeEndings { forms.insert(base + ending) }
        }
        if w.hasSuffix("um"), letters.count >= 5 {
            let base = String(letters.dropLast(2))
            for ending in ["et", "er", "erna", "a"] { forms.insert(base + ending) }
        }
        if last == "m" || last == "n", vowels.contains(letters[letters.count - 2]), !vowels.contains(letters[letters.count - 3]) {
            let doubled = w + String(last)
            for ending in ["ar", "arna", "en", "er", "erna", "et", "a", "e"] { forms.insert(doubled + ending) }
        }
        if let umlauted = umlaut(letters) {
            for stem in [umlauted, umlauted + String(last)] where !vowels.contains(last) {
                forms.insert(stem + "er")
                forms.insert(stem + "erna")
            }
        }
        for form in forms where !(form.hasSuffix("s") || form.hasSuffix("x") || form.hasSuffix("z")) { forms.insert(form + "s") }
        return forms
    }

    /// The word with its last a turned ä or o turned ö (stad → städ, bok → bök), nil without one.
    static func umlaut(_ letters: [Character]) -> String? {
        guard let index = letters.lastIndex(where: { vowels.contains($0) }), letters[index] == "a" || letters[index] == "o" else {
            return nil
        }
        var changed = letters
        changed[index] = letters[index] == "a" ? "ä" : "ö"
        if letters[index] == "o", letters.last == "k" { return String(changed.dropLast()) + "ck" }
        return String(changed)
    }

    /// How `word` begins a compound: as it is and with a linking -s (vindkraft|s|etablering); a word ending in -a,
    /// -e or -o also with that vowel dropped or changed (skol|gården, förskole|platserna, gatu|belysning,
    /// kvinno|hus). Nothing for words under four letters (`tåg` would begin "tågordningen").
    public static func compoundStarts(of word: String) -> Set<String> {
        let w = word.lowercased()
        let letters = Array(w)
        guard letters.count >= 4, let last = letters.last else { return [] }
        var starts: Set<String> = [w]
        if last != "s" { starts.insert(w + "s") }
        if last == "a" || last == "e" || last == "o" {
            let base = String(letters.dropLast())
            for link in ["", "s", "e", "u", "o"] { starts.insert(base + link) }
        }
        return starts
    }

    /// What may follow a compound's first part: at least four letters, and not an ending that makes a derived word
    /// (affär|smässig, lägenhet|svis, post|ering, skol|ning) or an inflection (buss|arna) — after a linking s too.
    public static func isCompoundRest(_ rest: Substring) -> Bool {
        guard rest.count >= 4, !notCompoundRests.contains(where: { rest.hasPrefix($0) }) else { return false }
        return !rest.hasPrefix("s") || isCompoundRest(rest.dropFirst())
    }

    /// Derivational endings and inflections: a word that goes on with one of these is not a compound.
    static let notCompoundRests = [
        "mässig", "aktig", "artad", "ning", "ande", "ende", "ering", "else", "skap", "inna", "ism", "ist", "eri", "itet", "ation",
        "arna", "erna", "orna", "ena", "ade", "ast", "are", "het", "lig", "isk", "bar",
    ]
}
