import KartlaggningModel

extension CodebookMatcher {
    /// Why the codebook's patterns that come near `word` match it or not: every pattern whose word shares a
    /// Snowball stem or its first four letters with `word`, or that matches it. A word a theme never meets gives
    /// nothing.
    public func explain(_ word: String) -> [PatternExplanation] {
        guard let token = Tokenizer.tokens(in: word).first?.text else { return [] }
        let tokenStem = SwedishStemmer.stem(token)
        var out: [PatternExplanation] = []
        for entry in entries {
            for (index, id) in entry.tokens.enumerated() {
                let pattern = tokenPatterns[id]
                let (matches, reason, near) = Self.explain(token, stem: tokenStem, pattern)
                guard matches || near else { continue }
                out.append(
                    PatternExplanation(
                        theme: codebook.themes[entry.theme].id, pattern: entry.isExclude ? "exclude: \(entry.source)" : entry.source,
                        part: entry.tokens.count > 1 ? index + 1 : nil, matches: matches, reason: reason))
            }
        }
        return out
    }

    /// Whether `token` satisfies `pattern`, why, and whether the two are near enough to be worth saying so.
    static func explain(_ token: String, stem: String, _ pattern: TokenPattern) -> (matches: Bool, reason: String, near: Bool) {
        func near(_ word: String) -> Bool {
            SwedishStemmer.stem(word) == stem || token.hasPrefix(String(word.prefix(4))) || word.hasPrefix(String(token.prefix(4)))
        }
        switch pattern {
        case .stem(let keywordStem):
            let yes = stem == keywordStem
            return (
                yes, "Snowball stem of \"\(token)\" is \"\(stem)\", the keyword's is \"\(keywordStem)\"",
                token.hasPrefix(String(keywordStem.prefix(4)))
            )
        case .exact(let exact):
            return (token == exact, token == exact ? "exactly \"\(exact)\"" : "only exactly \"\(exact)\" matches", near(exact))
        case .prefix(let prefix):
            let yes = token.hasPrefix(prefix)
            return (yes, yes ? "starts with \"\(prefix)\"" : "does not start with \"\(prefix)\"", near(prefix))
        case .suffix(let suffix):
            let yes = token.hasSuffix(suffix)
            return (yes, yes ? "ends with \"\(suffix)\"" : "does not end with \"\(suffix)\"", token.contains(suffix))
        case .infix(let infix):
            let yes = token.contains(infix)
            return (yes, yes ? "contains \"\(infix)\"" : "does not contain \"\(infix)\"", false)
        case .head(let word):
            let forms = SwedishInflection.forms(of: word)
            if let form = forms.filter({ token.hasSuffix($0) }).max(by: { $0.count < $1.count }) {
                return (true, "ends with \"\(form)\", a form of \"\(word)\"", true)
            }
            return (false, "does not end with any of the \(forms.count) forms of \"\(word)\"", token.contains(word))
        case .word(let word, let compounds):
            return explainWord(token, stem: stem, word: word, compounds: compounds, near: near(word))
        }
    }

    static func explainWord(_ token: String, stem: String, word: String, compounds: Bool, near: Bool) -> (
        matches: Bool, reason: String, near: Bool
    ) {
        let forms = SwedishInflection.forms(of: word)
        if forms.contains(token) { return (true, "\"\(token)\" is a form of \"\(word)\"", true) }
        var reasons = ["not one of the \(forms.count) forms of \"\(word)\" (\(closest(token, in: forms).joined(separator: ", ")) …)"]
        if compounds {
            let starts = SwedishInflection.compoundStarts(of: word)
            if starts.isEmpty {
                reasons.append("a keyword under four letters does not begin compounds")
            } else {
                var splits: [String] = []
                for start in starts.sorted(by: { ($0.count, $0) < ($1.count, $1) })
                where token.hasPrefix(start) && token.count > start.count {
                    let rest = token.dropFirst(start.count)
                    if SwedishInflection.isCompoundRest(rest) {
                        splits.append("\"\(start)\" + \"\(rest)\"")
                    } else {
                        reasons.append(
                            rest.count < 4
                                ? "after \"\(start)\" only \"\(rest)\" is left, under four letters"
                                : "after \"\(start)\", \"\(rest)\" begins with a derivation's or inflection's ending, not a word of its own"
                        )
                    }
                }
                if !splits.isEmpty { return (true, "a compound: " + splits.joined(separator: " or "), true) }
            }
        } else {
            reasons.append("compounds are off (matching: forms)")
        }
        reasons.append("Snowball stem \"\(stem)\", not used by this rule")
        return (false, reasons.joined(separator: "; "), near)
    }

    /// The forms sharing the longest beginning with `token`, up to three.
    static func closest(_ token: String, in forms: Set<String>) -> [String] {
        func shared(_ form: String) -> Int { zip(token, form).prefix { $0 == $1 }.count }
        return Array(forms.sorted { (-shared($0), $0.count, $0) < (-shared($1), $1.count, $1) }.prefix(3))
    }
}
