import GRDB
import KartlaggningModel

/// Changes to a codebook's theme digest (`themeTerm`, `themeSource`) gathered in memory: per theme, the term counts
/// of the texts that came to carry it or stopped (with their sign) and how many such texts each question gave. A
/// text carries a theme when it has an effective tag of the theme or of one of its descendants (`rollUp`), once
/// however many of them it has — as the theme report counts a theme's texts.
struct ThemeDigestTally: Sendable {
    /// Each theme with the themes it counts toward (itself and its ancestors).
    let rollUp: [String: [String]]
    private(set) var terms: [String: [String: Int]] = [:]
    private(set) var sources: [String: [Int64: Int]] = [:]

    init(_ codebook: Codebook) {
        rollUp = Dictionary(codebook.rollUp.map { ($0.theme, $0.counted) }, uniquingKeysWith: { first, _ in first })
    }

    /// The themes a text with effective tags of `themes` carries: those and their ancestors, each once, in a fixed
    /// order. A theme the codebook does not have counts for itself alone.
    func carried(_ themes: some Sequence<String>) -> [String] {
        var all = Set<String>()
        for theme in themes { all.formUnion(rollUp[theme] ?? [theme]) }
        return all.sorted()
    }

    /// Adds (`sign` 1) or takes off (-1) one text of `question` with `textTerms` (lemma, count) to each of `themes`
    /// (as `carried` gives them).
    mutating func add(themes: [String], question: Int64, terms textTerms: [(lemma: String, n: Int)], sign: Int = 1) {
        for theme in themes { sources[theme, default: [:]][question, default: 0] += sign }
        addTerms(themes: themes, terms: textTerms, sign: sign)
    }

    /// The terms of the indexed texts added to the themes they carry (`sign` 1) or taken off (-1), sources unchanged:
    /// what indexing texts that already carry themes changes.
    mutating func addTerms(themes: [String], terms textTerms: [(lemma: String, n: Int)], sign: Int = 1) {
        for theme in themes where !textTerms.isEmpty {
            var counts = terms[theme] ?? [:]
            terms[theme] = nil
            for term in textTerms { counts[term.lemma, default: 0] += sign * term.n }
            terms[theme] = counts
        }
    }

    /// Adds `other`'s changes to these.
    mutating func merge(_ other: ThemeDigestTally) {
        for (theme, counts) in other.terms { terms[theme, default: [:]].merge(counts, uniquingKeysWith: +) }
        for (theme, counts) in other.sources { sources[theme, default: [:]].merge(counts, uniquingKeysWith: +) }
    }

    /// How many counts it holds (themes by lemma and by question).
    var entries: Int { terms.values.reduce(0) { $0 + $1.count } + sources.values.reduce(0) { $0 + $1.count } }

    /// Up to how many counts a tally over many texts holds before it is added to the rows (about 100 bytes each).
    static let heldEntries = 200_000

    /// Adds the changes to `codebookId`'s rows, dropping any left at zero.
    func apply(codebookId: String, db: Database) throws {
        let addTerm = try DigestRowAdder("themeTerm", column: "lemma", codebookId: codebookId, db: db)
        for (theme, counts) in terms {
            for (lemma, n) in counts { try addTerm.add(theme: theme, lemma, n: n) }
        }
        let addSource = try DigestRowAdder("themeSource", column: "questionKey", codebookId: codebookId, db: db)
        for (theme, counts) in sources {
            for (question, n) in counts { try addSource.add(theme: theme, question, n: n) }
        }
    }
}
