import KartlaggningCore
import KartlaggningModel

/// Reads one non-empty cell as the type its question declares.
enum ValueReader {
    struct Typed: Equatable {
        var text: String?
        var number: Double?
    }

    struct Problem: Error, Equatable {
        var text: String
    }

    /// - Parameter missing: tokens that mean "no value"; a multi answer's parts that are one are left out.
    static func read(_ cell: String, as question: Question, missing: [String] = []) -> Result<Typed, Problem> {
        switch question.type {
        case .text:
            return .success(Typed(text: cell))
        case .choice:
            guard let option = option(question.codes?[cell] ?? cell, in: question.options ?? []) else {
                return .failure(Problem(text: "\"\(cell.clipped())\" is not one of the options: \(list(question.options))"))
            }
            return .success(Typed(text: option))
        case .multi:
            var chosen: [String] = []
            for part in CheckboxAnswers.split(cell, separator: question.multiSeparator, options: question.options ?? []) {
                let item = part.trimmedCell
                if item.isEmpty || missing.contains(item) { continue }
                guard let option = option(question.codes?[item] ?? item, in: question.options ?? []) else {
                    return .failure(Problem(text: "\"\(item.clipped())\" is not one of the options: \(list(question.options))"))
                }
                if !chosen.contains(option) { chosen.append(option) }
            }
            return .success(Typed(text: JSONText.array(chosen)))
        case .scale:
            guard let value = SwedishValues.scalePoint(cell) else {
                return .failure(Problem(text: "\"\(cell.clipped())\" is not a point on the scale"))
            }
            if let scale = question.scale, !scale.contains(value) {
                return .failure(Problem(text: "\(value) is outside the scale \(scale.description)"))
            }
            return .success(Typed(number: Double(value)))
        case .integer:
            guard let value = SwedishValues.integer(cell) else {
                return .failure(Problem(text: "\"\(cell.clipped())\" is not a whole number"))
            }
            return .success(Typed(number: Double(value)))
        case .decimal:
            guard let value = SwedishValues.decimal(cell, mark: question.decimalMark) else {
                return .failure(Problem(text: "\"\(cell.clipped())\" is not a number (write 3,5 or 1 234,5)"))
            }
            return .success(Typed(number: value))
        case .date:
            guard let iso = SwedishValues.date(cell) else {
                return .failure(Problem(text: "\"\(cell.clipped())\" is not a date (write 2025-03-14 or 14 mars 2025)"))
            }
            return .success(Typed(text: iso))
        case .boolean:
            guard let value = SwedishValues.boolean(cell) else {
                return .failure(Problem(text: "\"\(cell.clipped())\" is not Ja or Nej"))
            }
            return .success(Typed(text: value ? "ja" : "nej", number: value ? 1 : 0))
        }
    }

    /// The option `cell` names, ignoring case and spacing (`ja, ofta` → `Ja, ofta`).
    static func option(_ cell: String, in options: [String]) -> String? {
        if let exact = options.first(where: { $0 == cell }) { return exact }
        let key = MatchKey.header(cell)
        return options.first { MatchKey.header($0) == key }
    }

    private static func list(_ options: [String]?) -> String {
        let options = options ?? []
        let shown = options.prefix(8).joined(separator: ", ")
        return options.count > 8 ? shown + " … (\(options.count) in all)" : shown
    }
}
