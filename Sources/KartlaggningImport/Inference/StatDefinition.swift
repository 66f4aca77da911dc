import KartlaggningCore
import KartlaggningModel

/// A question as a labelled statistics file (SPSS, Stata) defines it, nothing guessed: the variable label is its text,
/// value labels its options (in code order, codes kept), user-missing values its `missing`, the measure level and the
/// labels its type (a labelled 1–5 ordinal is a scale, its labelled ends in its text). Where the file says nothing
/// (a text or number variable without labels), what the values show stands.
enum StatDefinition {
    /// `inferred` (from the values) with what `variable` defines; `profile` holds the values the file has.
    static func question(_ inferred: Question, variable: StatVariable, profile: ColumnProfile) -> (question: Question, reason: String) {
        var question = inferred
        if !variable.label.isEmpty { question.text = variable.label }
        let missingCodes = missingCodes(variable)
        if variable.readsAsLabels {
            // Cells read as labels: the options are the labels in code order, then any code the file has no label for.
            let labelled = variable.valueLabels.filter { !missingCodes.contains($0.code) }
            var options = labelled.map(\.label)
            let seen = profile.distinct.filter { !$0.isEmpty }
            let unlabelled = seen.filter { value in !options.contains(value) && !variable.valueLabels.contains { $0.label == value } }
            options += unlabelled.filter { !missingCodes.contains($0) }
            question.type = .choice
            question.options = options
            question.scale = nil
            question.decimalMark = nil
            question.codes = Dictionary(labelled.map { ($0.code, $0.label) }, uniquingKeysWith: { first, _ in first })
            let missing = variable.valueLabels.filter { missingCodes.contains($0.code) }.map(\.label) + missingCodes
            question.missing = missing.isEmpty ? nil : unique(missing)
            var reason = "the file labels its values (\(labelled.count) labels, in code order)"
            if !unlabelled.isEmpty {
                reason += "; " + unlabelled.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ") + " had no label and kept its code"
            }
            return (question, reason)
        }
        question.missing = missingCodes.isEmpty ? nil : missingCodes
        switch variable.time {
        case .date, .dateTime:
            question.type = .date
            question.options = nil
            question.scale = nil
            question.decimalMark = nil
            return (question, "the file's format \(variable.format) is a date")
        case .none:
            break
        }
        if !variable.valueLabels.isEmpty, !variable.isString {
            // Codes on a scale: the labelled and the answered points, missing codes aside; the ends' labels in the text.
            let points = (variable.valueLabels.map(\.code) + profile.distinct).filter { !missingCodes.contains($0) }.compactMap { Int($0) }
            if let low = points.min(), let high = points.max(), low < high {
                question.type = .scale
                question.scale = ScaleRange(min: low, max: high)
                question.options = nil
                question.decimalMark = nil
                let ends = [low, high].compactMap { end in
                    variable.valueLabels.first { $0.code == String(end) }.map { "\(end) = \($0.label)" }
                }
                if !ends.isEmpty, let text = question.text { question.text = text + " (" + ends.joined(separator: ", ") + ")" }
                return (
                    question,
                    "the file measures it as \(variable.measure.rawValue), its codes \(low)–\(high) labelled \(ends.count == 2 ? "at the ends" : "in part")"
                )
            }
        }
        if question.type == .decimal { question.decimalMark = "." }
        let what = variable.isString ? "text" : "numbers"
        return (question, "the file holds \(what) without value labels; the type is the values'")
    }

    /// The codes that mean no answer: user-missing values, and the codes in a missing range (labelled or answered,
    /// or every whole number of a range of 100 or fewer).
    static func missingCodes(_ variable: StatVariable) -> [String] {
        var codes = variable.missingValues
        for range in variable.missingRanges {
            let labelled = variable.valueLabels.map(\.code).filter { Double($0).map(range.contains) ?? false }
            codes += labelled
            if range.upperBound - range.lowerBound <= 100, abs(range.lowerBound) < 1e15, range.lowerBound.rounded(.up) <= range.upperBound {
                codes += stride(from: Int(range.lowerBound.rounded(.up)), through: Int(range.upperBound.rounded(.down)), by: 1).map(
                    String.init)
            }
        }
        // In number order: 97, 98, 99.
        return unique(codes).sorted { (Double($0) ?? .infinity, $0) < (Double($1) ?? .infinity, $1) }
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
