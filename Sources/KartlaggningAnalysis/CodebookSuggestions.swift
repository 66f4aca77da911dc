import KartlaggningModel

/// Candidate keywords a codebook lacks (`kartlagg codebook suggest`), from the answers' words by keyness: for new
/// themes, the terms the answers without a theme use much more than the tagged ones; for each existing theme, the
/// terms its answers use much more than the others that none of its family's patterns matches and some answer outside
/// it has. Each candidate comes with the
/// base form to write as a keyword, the forms seen, counts and three example answers. Nothing is changed: the
/// analyst decides.
public struct CodebookSuggestions: Codable, Sendable, Equatable {
    /// One candidate keyword.
    public struct Candidate: Codable, Sendable, Equatable {
        /// The form to write in the codebook: the one whose generated forms cover most of the forms seen.
        public var keyword: String
        /// How the answers wrote it, most frequent first.
        public var forms: [String]
        /// Answers with the term in the group it stands out in (untagged answers, or the theme's).
        public var answers: Int
        /// Answers with the term that no theme tags (what adding it would reach).
        public var untagged: Int
        public var logLikelihood: Double
        /// Up to three answers with the term, in answer order, as given (pseudonymise before showing them).
        public var examples: [String]
    }

    /// Candidates for one existing theme.
    public struct ThemeCandidates: Codable, Sendable, Equatable {
        public var theme: String
        public var label: String
        public var candidates: [Candidate]
    }

    public var codebook: String
    public var revision: Int
    public var answers: Int
    public var untaggedAnswers: Int
    public var newThemes: [Candidate]
    public var existingThemes: [ThemeCandidates]

    /// One free-text answer with the themes it carries (the themes below included).
    public struct Answer: Sendable {
        public var id: Int64
        public var text: String
        public var themes: Set<String>

        public init(id: Int64, text: String, themes: Set<String>) {
            self.id = id
            self.text = text
            self.themes = themes
        }
    }

    /// Suggestions from `answers`: at most `top` per list, each term in at least `minCount` answers of its group.
    public static func make(
        _ answers: [Answer], codebook stored: StoredCodebook, matcher: CodebookMatcher, top: Int = 10, minCount: Int = 3
    ) -> CodebookSuggestions {
        // Each answer's lemmas (once per answer) and the forms seen.
        var lemmas: [Set<String>] = []
        var surfaces: [String: [String: Int]] = [:]
        var lemmatizer = Lemmatizer()
        for answer in answers {
            var own = Set<String>()
            for term in Keyness.terms(in: answer.text, lemmatizer: &lemmatizer) {
                own.insert(term.lemma)
                surfaces[term.lemma, default: [:]][term.surface, default: 0] += 1
            }
            lemmas.append(own)
        }
        let keyness = Keyness(counts: [:], surfaces: surfaces)
        func documentFrequencies(_ indices: [Int]) -> [String: Int] {
            var counts: [String: Int] = [:]
            for index in indices { for lemma in lemmas[index] { counts[lemma, default: 0] += 1 } }
            return counts
        }
        let all = Array(answers.indices)
        let whole = documentFrequencies(all)
        let untaggedIndices = all.filter { answers[$0].themes.isEmpty }
        let untaggedCounts = documentFrequencies(untaggedIndices)

        func candidates(in group: [Int], reachingOthers: Bool, excluding: (String) -> Bool) -> [Candidate] {
            let own = documentFrequencies(group)
            let ranked = Keyness.group(own, within: whole, surfaces: surfaces).distinctive(in: "group", top: Int.max)
            var out: [Candidate] = []
            // For an existing theme, a term that no answer outside it has would tag nothing new.
            for term in ranked where term.count >= minCount && (!reachingOthers || term.rest > 0) {
                let lemma = term.lemma
                guard !excluding(lemma) else { continue }
                let forms = keyness.forms(of: lemma)
                var examples: [String] = []
                for index in group where lemmas[index].contains(lemma) && !examples.contains(answers[index].text) {
                    examples.append(answers[index].text)
                    if examples.count == 3 { break }
                }
                out.append(
                    Candidate(
                        keyword: baseForm(forms, lemma: lemma), forms: forms, answers: term.count, untagged: untaggedCounts[lemma] ?? 0,
                        logLikelihood: term.logLikelihood, examples: examples))
                if out.count == top { break }
            }
            return out
        }
        // A term the codebook already matches (in any form seen) is no candidate for a new theme; a term a theme's
        // own patterns match is none for that theme.
        func matchedThemes(_ lemma: String) -> Set<String> {
            Set(keyness.forms(of: lemma).flatMap { matcher.match($0).map(\.theme) })
        }
        let newThemes = candidates(in: untaggedIndices, reachingOthers: false) { !matchedThemes($0).isEmpty }
        let existing = stored.codebook.themes.compactMap { theme -> ThemeCandidates? in
            let group = all.filter { answers[$0].themes.contains(theme.id) }
            guard !group.isEmpty else { return nil }
            // A parent's answers are its children's too: a term any theme of the family matches is no candidate.
            let family = Set(stored.codebook.descendants(of: theme.id))
            let found = candidates(in: group, reachingOthers: true) { !matchedThemes($0).isDisjoint(with: family) }
            return found.isEmpty ? nil : ThemeCandidates(theme: theme.id, label: theme.label, candidates: found)
        }
        return CodebookSuggestions(
            codebook: stored.codebook.id, revision: stored.revision, answers: answers.count, untaggedAnswers: untaggedIndices.count,
            newThemes: newThemes, existingThemes: existing)
    }

    /// Of the forms seen, the one whose generated forms cover most of the others (then the shortest, then the first
    /// alphabetically): what to write. The lemma (Snowball stem) is written instead only where its forms cover more
    /// of what was seen than any form seen does (väg for vägen and vägar).
    static func baseForm(_ forms: [String], lemma: String) -> String {
        let seen = Set(forms)
        func coverage(_ word: String) -> Int { SwedishInflection.forms(of: word).intersection(seen).count }
        let best = forms.min { a, b in (-coverage(a), a.count, a) < (-coverage(b), b.count, b) } ?? lemma
        return coverage(lemma) > coverage(best) ? lemma : best
    }
}
