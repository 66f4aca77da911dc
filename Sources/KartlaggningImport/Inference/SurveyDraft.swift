import KartlaggningCore
import KartlaggningModel

/// A survey definition inferred from a data file, with the points a person should check.
public struct SurveyDraft: Sendable {
    public var survey: SurveyDefinition
    /// Things inference was unsure of; the YAML shows them as `# check:` comments.
    public var notes: [String]
    /// How the file was read (encoding, delimiter), as a comment.
    public var readWith: String
    /// Why each column (by its header) has its type or respondent field: `# why:` comments.
    public var reasons: [String: String] = [:]

    /// The draft as YAML, ready to edit and `kartlagg survey add`.
    public var yaml: String {
        var out = "# Draft survey definition inferred by \(Remedy.inferSurvey) — \(readWith).\n"
        for note in notes { out += "# check: \(note)\n" }
        out += "id: \(quote(survey.id))\n"
        out += "title: \(quote(survey.title))\n"
        if let wave = survey.wave { out += "wave: \(quote(wave))\n" }
        if let kind = survey.kind { out += "kind: \(quote(kind))\n" }
        if let sheet = survey.sheet { out += "sheet: \(quote(sheet))\n" }
        if let headerRow = survey.headerRow { out += "header_row: \(headerRow)\n" }
        if let skip = survey.skipAfterHeader { out += "skip_after_header: \(skip)\n" }
        if let missing = survey.missing { out += "missing: [" + missing.map(quote).joined(separator: ", ") + "]\n" }
        out += "respondent:\n"
        out += "  id: \(quote(survey.respondent.id))\(why(survey.respondent.id, inline: true))\n"
        for (field, column) in survey.respondent.mappedFields where field != .id {
            out += "  \(field.rawValue): \(quote(column))\(why(column, inline: true))\n"
        }
        if let identifying = survey.identifying { out += "identifying: [" + identifying.map(quote).joined(separator: ", ") + "]\n" }
        if let technical = survey.technical { out += "technical: [" + technical.map(quote).joined(separator: ", ") + "]\n" }
        out += survey.questions.isEmpty ? "questions: []\n" : "questions:\n"
        for question in survey.questions {
            out += "  - id: \(quote(question.id))\n"
            out += why(question.column, inline: false)
            out += "    column: \(quote(question.column))\n"
            if let label = question.text { out += "    label: \(quote(label))\n" }
            out += "    type: \(question.type.rawValue)\n"
            if let scale = question.scale { out += "    scale: { min: \(scale.min), max: \(scale.max) }\n" }
            if let separator = question.separator { out += "    separator: \(quote(separator))\n" }
            if let mark = question.decimalMark { out += "    decimal_mark: \(quote(mark))\n" }
            if let options = question.options {
                out += "    options:\n"
                for option in options { out += "      - \(quote(option))\n" }
            }
            if let codes = question.codes, !codes.isEmpty {
                // In the options' order: each option's code in the file.
                let ordered = (question.options ?? []).compactMap { option in question.code(of: option).map { ($0, option) } }
                out += "    codes: {" + ordered.map { "\(quote($0.0)): \(quote($0.1))" }.joined(separator: ", ") + "}\n"
            }
            if let missing = question.missing { out += "    missing: [" + missing.map(quote).joined(separator: ", ") + "]\n" }
        }
        return out
    }

    /// The reason for a column as a YAML comment: after the value, or on its own line in a question.
    private func why(_ column: String, inline: Bool) -> String {
        guard let reason = reasons[column] else { return "" }
        let text = reason.replacingOccurrences(of: "\n", with: " ")
        return inline ? "  # why: \(text)" : "    # why: \(text)\n"
    }

    /// A YAML double-quoted scalar: a JSON string literal is one, escapes and all.
    func quote(_ text: String) -> String { JSONText.string(text) }
}
