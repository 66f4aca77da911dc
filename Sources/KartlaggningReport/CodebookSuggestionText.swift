import KartlaggningAnalysis
import KartlaggningModel

/// `codebook suggest` as a YAML snippet to paste into a codebook: new themes as theme entries, candidates for
/// existing themes as comments naming the theme to add them to. Every value is quoted; examples are comments.
public enum CodebookSuggestionText {
    public static func yaml(_ s: CodebookSuggestions) -> String {
        var out = """
            # \(Remedy.suggestCodebook): candidates from \(s.answers) free-text answers, \(s.untaggedAnswers) of them without a theme
            # of codebook \(s.codebook) (revision \(s.revision)). Nothing has been changed: copy what fits into the codebook
            # file, adjust the ids and labels, and load it (a new revision).

            """
        out += "\n# New themes: terms the answers without a theme use much more than the tagged ones.\n"
        if s.newThemes.isEmpty { out += "# (none in at least the minimum number of untagged answers)\n" }
        for (index, candidate) in s.newThemes.enumerated() {
            out += "  - id: \(quoted("forslag-\(index + 1)-\(FileName.safe(candidate.keyword).lowercased())"))\n"
            out += "    label: \(quoted(candidate.keyword))\n"
            out += "    keywords: [\(quoted(candidate.keyword))]\n"
            out += comment(candidate)
        }
        out += "\n# Existing themes: terms their answers use much more than other answers, which none of their patterns matches.\n"
        if s.existingThemes.isEmpty { out += "# (none)\n" }
        for theme in s.existingThemes {
            out += "# \(theme.theme) (\(theme.label.replacingOccurrences(of: "\n", with: " "))): add to its keywords\n"
            out += "#   keywords: [\(theme.candidates.map { quoted($0.keyword) }.joined(separator: ", "))]\n"
            for candidate in theme.candidates { out += comment(candidate, indent: "#   ") }
        }
        return out
    }

    static func comment(_ c: CodebookSuggestions.Candidate, indent: String = "    ") -> String {
        let prefix = indent.hasPrefix("#") ? indent : indent + "# "
        var out =
            "\(prefix)\(c.keyword): \(c.answers) answers (\(c.untagged) without a theme), G² \(Numbers.ratio(c.logLikelihood, digits: 1)); written "
            + c.forms.joined(separator: ", ") + "\n"
        for example in c.examples { out += "\(prefix)  “\(example.replacingOccurrences(of: "\n", with: " "))”\n" }
        return out
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
