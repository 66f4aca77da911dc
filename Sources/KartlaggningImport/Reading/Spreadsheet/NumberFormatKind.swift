/// What a cell's number format makes of its number: a plain number, or a date, a time, or both.
enum NumberFormatKind: Equatable {
    case number, date, time, dateTime

    /// The kind of a built-in format id (ECMA-376 §18.8.30: 14–17 dates, 18–21 times, 22 date and time, 45–47
    /// times; 27–36 and 50–58 the East Asian dates) or of a custom format code.
    static func of(id: Int, code: String?) -> NumberFormatKind {
        switch id {
        case 14...17, 27...31, 34...36, 50...58: return .date
        case 18...21, 32, 33, 45...47: return .time
        case 22: return .dateTime
        default: break
        }
        guard let code else { return .number }
        return of(code: code)
    }

    /// The kind of a custom format code: date and time letters outside quoted text, escapes and `[…]` sections
    /// (colours, conditions, locales), in its first section.
    static func of(code: String) -> NumberFormatKind {
        var letters = ""
        var inQuote = false
        var inBracket = false
        var escaped = false
        var bracket = ""
        for character in code {
            if escaped {
                escaped = false
                continue
            }
            if inQuote {
                if character == "\"" { inQuote = false }
                continue
            }
            if inBracket {
                if character == "]" {
                    inBracket = false
                    // [h], [mm], [ss]: elapsed time.
                    let inner = bracket.lowercased()
                    if !inner.isEmpty && inner.allSatisfy({ "hms".contains($0) }) { letters += "h" }
                    bracket = ""
                } else {
                    bracket.append(character)
                }
                continue
            }
            switch character {
            case "\"": inQuote = true
            case "\\", "_", "*": escaped = true
            case "[": inBracket = true
            case ";": break
            default: letters.append(contentsOf: character.lowercased())
            }
            if character == ";" { break }
        }
        if letters.contains("general") { return .number }
        let stripped = letters.replacingOccurrences(of: "am/pm", with: "").replacingOccurrences(of: "a/p", with: "")
        let hasDay = stripped.contains("y") || stripped.contains("d") || stripped.contains("e")
        let hasTime = stripped.contains("h") || stripped.contains("s")
        let hasMonthOrMinute = stripped.contains("m")
        if hasDay && hasTime { return .dateTime }
        if hasDay || (hasMonthOrMinute && !hasTime && !stripped.contains("0") && !stripped.contains("#")) { return .date }
        if hasTime { return .time }
        return .number
    }
}
