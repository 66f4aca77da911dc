import Foundation

/// How spreadsheet cells become the text kartlagg reads: numbers as written (no binary-float noise), serial dates
/// in either date system as ISO 8601, booleans, and the `_xHHHH_` escapes of Office XML strings.
enum SpreadsheetValues {
    /// A number as a person reads it: `0.1` stays `0.1`, while `3.3000000000000003` (a binary float written at full
    /// precision) is shown with the 15 significant digits a spreadsheet shows, and exponents are written out.
    static func number(_ written: String) -> String {
        let text = written.trimmingCharacters(in: .whitespaces)
        let bytes = Array(text.utf8)
        let digits = bytes.filter { $0 >= 0x30 && $0 <= 0x39 }.count
        let plain = bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }
        if plain && digits <= 15 { return text }
        guard let value = Double(text), value.isFinite else { return text }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        let magnitude = abs(value)
        if magnitude >= 1e-9 && magnitude < 1e15 {
            let places = max(0, 14 - Int(floor(log10(magnitude))))
            var formatted = String(format: "%.\(places)f", value)
            if formatted.contains(".") {
                while formatted.hasSuffix("0") { formatted.removeLast() }
                if formatted.hasSuffix(".") { formatted.removeLast() }
            }
            return formatted
        }
        return String(format: "%.15g", value)
    }

    /// The date (and time) of a serial number, as `2025-03-14`, `2025-03-14 10:30` or `10:30`.
    /// - Parameters:
    ///   - date1904: the workbook counts from 1904-01-01 (old Mac Excel) rather than 1899-12-31.
    static func date(serial: Double, kind: NumberFormatKind, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 {
            days += 1
            seconds -= 86_400
        }
        func clock(_ hours: Int) -> String {
            let text = "\(pad(hours)):\(pad(seconds / 60 % 60))"
            return seconds % 60 == 0 ? text : text + ":\(pad(seconds % 60))"
        }
        // A duration past a day (`[h]:mm`) counts its hours on.
        if kind == .time { return clock(days * 24 + seconds / 3600) }
        let time = clock(seconds / 3600)
        let day: String
        if date1904 {
            day = civil(daysSince1970: days - 24_107)
        } else if days == 60 {
            // Lotus 1-2-3's leap day, which Excel keeps: serial 60 is 1900-02-29, a day that never was.
            day = "1900-02-29"
        } else {
            day = civil(daysSince1970: days - (days < 60 ? 25_568 : 25_569))
        }
        if kind == .dateTime || seconds != 0 { return "\(day) \(time)" }
        return day
    }

    /// The ISO date of a day counted from 1970-01-01 (proleptic Gregorian).
    static func civil(daysSince1970: Int) -> String {
        let z = daysSince1970 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))"
    }

    /// The day an ISO date (`2025-03-14`) is, counted from 1970-01-01: `civil(daysSince1970:)` backwards.
    static func daysSince1970(iso: String) -> Int? {
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (month, day) = (parts[1], parts[2])
        let year = month <= 2 ? parts[0] - 1 : parts[0]
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `7` → `07`: a number zero-padded to `width` digits.
    static func pad(_ number: Int, _ width: Int = 2) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// An ISO 8601 date-time as a cell shows it: `2025-03-14T00:00:00` → `2025-03-14`, `…T10:30:00` → `2025-03-14 10:30`.
    static func isoDateTime(_ text: String) -> String {
        let parts = text.split(separator: "T", maxSplits: 1)
        guard parts.count == 2 else { return text }
        var time = String(parts[1].prefix { $0.isNumber || $0 == ":" })
        if time.hasSuffix(":00") && time.count == 8 { time = String(time.dropLast(3)) }
        if time == "00:00" || time.isEmpty { return String(parts[0]) }
        return "\(parts[0]) \(time)"
    }

    /// `PT10H30M00S` (an ODS time) as `10:30`.
    static func isoDuration(_ text: String) -> String {
        var hours = 0
        var minutes = 0
        var seconds = 0.0
        var number = ""
        for character in text.dropFirst(2) {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            switch character {
            case "H": hours = Int(number) ?? 0
            case "M": minutes = Int(number) ?? 0
            case "S": seconds = Double(number) ?? 0
            default: break
            }
            number = ""
        }
        let whole = Int(seconds.rounded())
        return whole == 0 ? String(format: "%02d:%02d", hours, minutes) : String(format: "%02d:%02d:%02d", hours, minutes, whole)
    }

    /// Office XML's escapes for characters XML cannot hold (`_x000D_` for a carriage return, `_x005F_` for `_`).
    static func unescapeOffice(_ text: String) -> String {
        // The common case, no escape, without Foundation's substring search.
        var previous: UInt8 = 0
        var found = false
        for byte in text.utf8 {
            if previous == 0x5F && byte == 0x78 {
                found = true
                break
            }
            previous = byte
        }
        guard found else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: "_x") {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                out.append(Character(scalar))
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }

    /// The error values spreadsheets show (`#N/A`, `#DIV/0!`, LibreOffice's `Err:502`).
    static func isErrorValue(_ text: String) -> Bool {
        ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA", "#SPILL!", "#CALC!"].contains(text)
            || (text.hasPrefix("Err:") && text.dropFirst(4).allSatisfy(\.isNumber))
    }
}
