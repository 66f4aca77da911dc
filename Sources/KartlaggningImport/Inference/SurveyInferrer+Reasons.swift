import KartlaggningCore
import KartlaggningModel

/// Why infer gave each column what it gave it: the `# why:` comment over each question and respondent column of a
/// draft, so a person checks reasons, not guesses.
extension SurveyInferrer {
    /// Why `question` has its type, from the profile it was inferred from.
    static func reason(for question: Question, profile: ColumnProfile, battery: ScaleRange?) -> String {
        let count = profile.nonEmpty
        let answers = "\(count) answer\(count == 1 ? "" : "s")"
        let kept = Self.fitShare(profile: profile, question: question)
        switch question.type {
        case .text where count == 0:
            return "empty in every row, so nothing says more than text"
        case .text:
            return "free text: " + textReason(profile)
        case .boolean where isOptionColumn(question.column) && profile.anyBooleanWord == false:
            return "an option's column: 1 where chosen, 0 or empty where not (\(answers))"
        case .boolean:
            return "yes/no words (Ja/Nej, Yes/No, 1/0) in \(kept)"
        case .scale:
            let range = question.scale?.description ?? ""
            if profile.anyScaleLabel {
                return "labelled points (\"4 - Ganska nöjd\") from \(profile.minScalePoint) to \(profile.maxScalePoint) in \(kept); "
                    + (scaleRange(in: question.column) != nil ? "the header names the scale \(range)" : "read as \(range)")
            }
            let values = "\(wholeNumbers(profile)) in \(kept)"
            if scaleRange(in: question.column) != nil { return "\(values), and the header names the scale \(range)" }
            if battery != nil { return "\(values), one of several columns side by side on the range \(range): a rating battery" }
            return "\(values), few different, and the header asks for a rating"
        case .integer:
            return "\(wholeNumbers(profile)) in \(kept), and nothing says they are a rating"
        case .decimal:
            let mark =
                question.decimalMark.map { " (decimal \($0 == "," ? "comma" : "point"))" }
                ?? (profile.commaDecimals > 0 ? " (both decimal marks)" : "")
            return "numbers\(mark) in \(kept)"
        case .date:
            return "dates in \(kept)"
        case .choice where question.options?.count == 1 && isOptionColumn(question.column):
            return "an option's column: it holds only \"\(question.options?.first?.clipped(40) ?? "")\" where chosen"
        case .choice:
            let options = question.options?.count ?? 0
            let strays = profile.distinct.count - options
            return "\(options) different value\(options == 1 ? "" : "s") in \(answers)"
                + (options > 1 ? ", each given by several" : "")
                + (strays > 0 ? " (\(strays) given once that break their pattern left out)" : "")
                + (profile.maxLength > 60 ? "; long, but few and repeated" : "")
        case .multi:
            let options = question.options?.count ?? 0
            if let separator = question.separator {
                return "\(answers) that join \(options) options by \"\(separator)\", each option also chosen alone (a checkbox question)"
            }
            return "\(answers) that list one or more of \(options) short options joined by \";\" (a checkbox question)"
        }
    }

    /// "whole numbers 1–5", or "the whole number 3" when every answer is the same.
    private static func wholeNumbers(_ profile: ColumnProfile) -> String {
        profile.minInteger == profile.maxInteger
            ? "the whole number \(profile.minInteger)" : "whole numbers \(profile.minInteger)–\(profile.maxInteger)"
    }

    /// Why a column is free text rather than options.
    private static func textReason(_ profile: ColumnProfile) -> String {
        if profile.lineBreaks { return "answers run over several lines" }
        if profile.maxLength > 60 { return "answers up to \(profile.maxLength) characters long" }
        if profile.tooManyDistinct { return "more than \(ColumnProfile.distinctCap) different answers" }
        if profile.nonEmpty < 4 { return "\(profile.nonEmpty) answer\(profile.nonEmpty == 1 ? "" : "s"), too few to tell options from" }
        return "\(profile.distinct.count) different answers in \(profile.nonEmpty), most given once: no options"
    }

    /// "all 120 answers", or "117 of 120 answers" when some did not fit the type (the check note names them).
    private static func fitShare(profile: ColumnProfile, question: Question) -> String {
        let fit: ColumnProfile.Fit
        switch question.type {
        case .boolean: fit = profile.boolean
        case .integer: fit = profile.integer
        case .scale: fit = profile.anyScaleLabel ? profile.scalePoint : profile.integer
        case .decimal: fit = profile.decimal
        case .date: fit = profile.date
        default: fit = ColumnProfile.Fit()
        }
        let count = profile.nonEmpty
        if fit.misfits == 0 { return count == 1 ? "its 1 answer" : "all \(count) answers" }
        return "\(count - fit.misfits) of \(count) answers (see the check note for the rest)"
    }

    /// Why a column was taken as the respondent id, the district or another respondent field.
    static func reason(forRespondent field: RespondentField, profile: ColumnProfile, rows: Int, byName: Bool) -> String {
        switch field {
        case .id:
            return "a different value on every one of the \(rows) rows" + (byName ? ", and named like an id" : "")
        case .district:
            return byName
                ? "named like an area, and its \(profile.placeCount) values look like place names"
                : "its values name districts in the registry"
        case .date:
            return "named like a date, and every value is one"
        default:
            return "named like one"
        }
    }
}
