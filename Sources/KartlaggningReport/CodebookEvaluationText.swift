import KartlaggningAnalysis
import KartlaggningModel

/// `codebook eval` as terminal text: a table of precision, recall and F1 per theme and micro-averaged, recall per
/// form, and (with `misses`) the answers the codebook got wrong.
public enum CodebookEvaluationText {
    public static func render(_ result: CodebookEvaluation.Result, misses: Bool = false) -> String {
        func number(_ value: Double) -> String { Numbers.fixed(value, digits: 3) }
        var rows = result.themes.map { theme in
            let s = theme.scores
            return [
                theme.theme, String(s.truePositives), String(s.falsePositives), String(s.falseNegatives), number(s.precision),
                number(s.recall), number(s.f1),
            ]
        }
        let m = result.micro
        rows.append([
            "micro-average", String(m.truePositives), String(m.falsePositives), String(m.falseNegatives), number(m.precision),
            number(m.recall), number(m.f1),
        ])
        var out = "codebook \(result.codebook), matching: \(result.matching.rawValue), \(result.answers) answers\n"
        out += StatusText.table(["theme", "tp", "fp", "fn", "precision", "recall", "F1"], rows, numeric: [1, 2, 3, 4, 5, 6])
        if !result.forms.isEmpty {
            out += "\nrecall by how the keyword is written\n"
            out += StatusText.table(
                ["form", "found", "labelled", "recall"],
                result.forms.map { [$0.form, String($0.found), String($0.labelled), number($0.recall)] }, numeric: [1, 2, 3])
        }
        if misses && !result.misses.isEmpty {
            out += "\nmisses\n"
            for miss in result.misses { out += "  line \(miss.line): \(miss.kind) \(miss.theme): \(miss.text)\n" }
        }
        return out
    }
}
