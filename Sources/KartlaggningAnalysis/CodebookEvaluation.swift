import KartlaggningModel

/// How well a codebook's patterns find the themes of answers a person has labelled (`kartlagg codebook eval`):
/// precision, recall and F1 per theme and micro-averaged, recall per form of the keyword where the labels say how
/// each answer writes it, and every miss. Reading the labelled file is `CodebookEvaluation.run` (KartlaggningImport).
public enum CodebookEvaluation {
    /// Counts and scores of one theme, or of all (micro-averaged).
    public struct Scores: Codable, Sendable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        /// Of the answers tagged, the share that carry the label (1 when nothing was tagged).
        public var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        /// Of the labelled answers, the share tagged (1 when nothing is labelled).
        public var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// One theme's scores.
    public struct ThemeScores: Codable, Sendable, Equatable {
        public var theme: String
        public var scores: Scores
    }

    /// How many labelled (answer, theme) pairs of one form were found.
    public struct FormRecall: Codable, Sendable, Equatable {
        public var form: String
        public var found: Int
        public var labelled: Int
        public var recall: Double { labelled == 0 ? 1 : Double(found) / Double(labelled) }
    }

    /// One answer the codebook got wrong for one theme.
    public struct Miss: Codable, Sendable, Equatable {
        public var line: Int
        public var theme: String
        /// `false negative` (labelled, not tagged) or `false positive` (tagged, not labelled).
        public var kind: String
        public var text: String
    }

    public struct Result: Codable, Sendable, Equatable {
        public var codebook: String
        public var matching: KeywordMatching
        public var answers: Int
        public var themes: [ThemeScores]
        public var micro: Scores
        public var forms: [FormRecall]
        public var misses: [Miss]
    }

    /// One labelled answer: its text, the themes a person gave it, how each theme's keyword appears in it.
    public struct LabelledAnswer: Sendable, Equatable {
        public var line: Int
        public var text: String
        public var themes: [String]
        /// One entry per theme (several forms each), or empty.
        public var forms: [[String]]
        public var question: String?

        public init(line: Int, text: String, themes: [String], forms: [[String]] = [], question: String? = nil) {
            self.line = line
            self.text = text
            self.themes = themes
            self.forms = forms
            self.question = question
        }
    }

    /// Tags every answer with `matcher` and scores the tags against the labels.
    public static func evaluate(_ answers: [LabelledAnswer], matcher: CodebookMatcher) -> Result {
        let codebook = matcher.codebook
        let themeIds = codebook.themes.map(\.id)
        var scores = Dictionary(uniqueKeysWithValues: themeIds.map { ($0, Scores()) })
        var forms: [String: FormRecall] = [:]
        var misses: [Miss] = []
        for answer in answers {
            let tagged = Set(matcher.match(answer.text, question: answer.question).map(\.theme))
            for (index, label) in answer.themes.enumerated() {
                let found = tagged.contains(label)
                if found {
                    scores[label, default: Scores()].truePositives += 1
                } else {
                    scores[label, default: Scores()].falseNegatives += 1
                    misses.append(Miss(line: answer.line, theme: label, kind: "false negative", text: answer.text))
                }
                if answer.forms.count == answer.themes.count {
                    for form in answer.forms[index] {
                        forms[form, default: FormRecall(form: form, found: 0, labelled: 0)].labelled += 1
                        if found { forms[form, default: FormRecall(form: form, found: 0, labelled: 0)].found += 1 }
                    }
                }
            }
            for theme in tagged.subtracting(answer.themes) {
                scores[theme, default: Scores()].falsePositives += 1
                misses.append(Miss(line: answer.line, theme: theme, kind: "false positive", text: answer.text))
            }
        }
        var micro = Scores()
        for theme in themeIds {
            micro.truePositives += scores[theme]?.truePositives ?? 0
            micro.falsePositives += scores[theme]?.falsePositives ?? 0
            micro.falseNegatives += scores[theme]?.falseNegatives ?? 0
        }
        let formOrder = ["base", "infl", "gen", "comp", "hyph", "head", "neg", "syn"]
        return Result(
            codebook: codebook.id, matching: codebook.rule, answers: answers.count,
            themes: themeIds.map { ThemeScores(theme: $0, scores: scores[$0] ?? Scores()) }, micro: micro,
            forms: forms.values.sorted {
                (formOrder.firstIndex(of: $0.form) ?? formOrder.count, $0.form) < (
                    formOrder.firstIndex(of: $1.form) ?? formOrder.count, $1.form
                )
            },
            misses: misses.sorted { ($0.line, $0.theme) < ($1.line, $1.theme) })
    }
}
