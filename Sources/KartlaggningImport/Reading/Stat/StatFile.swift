import CReadStat
import Foundation

/// A labelled statistics file read through ReadStat (the C library pandas' pyreadstat and R's haven use): SPSS
/// `.sav` and compressed `.zsav`, SPSS portable `.por`, and Stata `.dta`. `metadata` reads the definition the file
/// carries (variables, their labels, value labels, missing values, measure levels); `rows` streams the cases, each
/// value as kartlagg reads cells: a number as written (`3`, `2.5`), a date as `2025-03-14`, a nominal variable's code
/// as its label (`StatVariable.readsAsLabels`), other codes as the codes, a system-missing value as an empty cell.
public enum StatFile {
    public enum Kind: String, Sendable {
        case sav, por, dta

        /// The kind `path`'s extension names (`.sav`, `.zsav`, `.por`, `.dta`), else nil.
        public init?(path: String) {
            let lower = path.lowercased()
            if lower.hasSuffix(".sav") || lower.hasSuffix(".zsav") {
                self = .sav
            } else if lower.hasSuffix(".por") {
                self = .por
            } else if lower.hasSuffix(".dta") {
                self = .dta
            } else {
                return nil
            }
        }

        /// How errors name it, with its article.
        var withArticle: String { self == .dta ? "a Stata file" : "an \(name) file" }

        /// How summaries name it.
        var name: String {
            switch self {
            case .sav: "SPSS"
            case .por: "SPSS portable"
            case .dta: "Stata"
            }
        }
    }

    /// What the file says of itself and its variables.
    public struct Metadata: Sendable {
        public var kind: Kind
        public var variables: [StatVariable]
        /// The number of cases, where the file says (-1 where it does not).
        public var cases: Int
        public var fileLabel: String
        /// The character encoding the file declares (`UTF-8`, `WINDOWS-1252`), empty where it declares none.
        public var encoding: String
    }

    /// The file's definition, without reading its cases (a Stata file's value labels follow its data: read through).
    static func metadata(path: String, file: String, kind: Kind) throws -> Metadata {
        let parse = Parse(kind: kind, wantRows: false)
        try parse.run(path: path, file: file)
        return parse.metadata
    }

    /// Reads every case, handing each to `row` (its values in the variables' order); `row` returns false to stop.
    /// `variables` (from `metadata`) say which variables read as their labels (`StatVariable.readsAsLabels`).
    static func rows(
        path: String, file: String, kind: Kind, variables: [StatVariable], row: @escaping ([String]) -> Bool
    ) throws -> Metadata {
        let parse = Parse(kind: kind, wantRows: true)
        parse.onRow = row
        for (index, variable) in variables.enumerated() where variable.readsAsLabels { parse.labelled[index] = variable.labelOfCode }
        try parse.run(path: path, file: file)
        return parse.metadata
    }

    /// One pass of ReadStat over a file: its handlers fill this (ReadStat calls them with it as context).
    final class Parse {
        let kind: Kind
        let wantRows: Bool
        var onRow: (([String]) -> Bool)?
        var variables: [StatVariable] = []
        /// Each variable's value-label set by name, and each set's labels.
        var labelSetOf: [Int: String] = [:]
        var labelSets: [String: [(code: String, sort: Double, label: String)]] = [:]
        var cases = -1
        var fileLabel = ""
        var encoding = ""
        var messages: [String] = []
        var current: [String] = []
        var stopped = false
        /// The variables whose cells read as labels, by index: code → label.
        var labelled: [Int: [String: String]] = [:]

        init(kind: Kind, wantRows: Bool) {
            self.kind = kind
            self.wantRows = wantRows
        }

        var epoch: StatEpoch { kind == .dta ? .stata : .spss }

        var metadata: Metadata {
            var variables = variables
            for (index, set) in labelSetOf {
                guard index < variables.count, let labels = labelSets[set] else { continue }
                variables[index].valueLabels = labels.sorted { ($0.sort, $0.code) < ($1.sort, $1.code) }.map { ($0.code, $0.label) }
            }
            return Metadata(kind: kind, variables: variables, cases: cases, fileLabel: fileLabel, encoding: encoding)
        }

        func run(path: String, file: String) throws {
            guard let parser = readstat_parser_init() else { throw ImportError.unreadable(file: file, reason: "ReadStat could not start") }
            defer { readstat_parser_free(parser) }
            readstat_set_metadata_handler(parser) { metadata, context in
                guard let metadata, let context else { return Int32(READSTAT_HANDLER_OK) }
                let parse = Unmanaged<Parse>.fromOpaque(context).takeUnretainedValue()
                // Without the cases the count is the row limit's: unknown.
                parse.cases = parse.wantRows ? Int(readstat_get_row_count(metadata)) : -1
                parse.fileLabel = readstat_get_file_label(metadata).map { String(cString: $0) } ?? ""
                parse.encoding = readstat_get_file_encoding(metadata).map { String(cString: $0) } ?? ""
                return Int32(READSTAT_HANDLER_OK)
            }
            readstat_set_variable_handler(parser) { index, variable, labels, context in
                guard let variable, let context else { return Int32(READSTAT_HANDLER_OK) }
                let parse = Unmanaged<Parse>.fromOpaque(context).takeUnretainedValue()
                parse.variables.append(parse.variable(variable))
                if let labels { parse.labelSetOf[Int(index)] = String(cString: labels) }
                return Int32(READSTAT_HANDLER_OK)
            }
            readstat_set_value_label_handler(parser) { set, value, label, context in
                guard let set, let label, let context else { return Int32(READSTAT_HANDLER_OK) }
                let parse = Unmanaged<Parse>.fromOpaque(context).takeUnretainedValue()
                let code = Parse.code(value)
                let sort = readstat_value_type_class(value) == READSTAT_TYPE_CLASS_NUMERIC ? readstat_double_value(value) : 0
                parse.labelSets[String(cString: set), default: []].append((code, sort, String(cString: label)))
                return Int32(READSTAT_HANDLER_OK)
            }
            readstat_set_value_handler(parser) { _, variable, value, context in
                guard let variable, let context else { return Int32(READSTAT_HANDLER_OK) }
                let parse = Unmanaged<Parse>.fromOpaque(context).takeUnretainedValue()
                guard parse.wantRows else { return Int32(READSTAT_HANDLER_OK) }
                let index = Int(readstat_variable_get_index(variable))
                if parse.current.count != parse.variables.count {
                    parse.current = [String](repeating: "", count: parse.variables.count)
                }
                guard index < parse.current.count else { return Int32(READSTAT_HANDLER_OK) }
                let text = parse.text(value, time: parse.variables[index].time)
                parse.current[index] = parse.labelled[index]?[text] ?? text
                if index == parse.variables.count - 1 {
                    let row = parse.current
                    parse.current = [String](repeating: "", count: parse.variables.count)
                    if parse.onRow?(row) == false {
                        parse.stopped = true
                        return Int32(READSTAT_HANDLER_ABORT)
                    }
                }
                return Int32(READSTAT_HANDLER_OK)
            }
            readstat_set_error_handler(parser) { message, context in
                guard let message, let context else { return }
                let parse = Unmanaged<Parse>.fromOpaque(context).takeUnretainedValue()
                parse.messages.append(String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            // Without the cases, one row is enough to read the definition (a Stata file's labels come after its data).
            if !wantRows { readstat_set_row_limit(parser, 1) }
            guard FileManager.default.fileExists(atPath: path) else { throw ImportError.fileNotFound(file: file) }
            let context = Unmanaged.passUnretained(self).toOpaque()
            let status: readstat_error_t =
                switch kind {
                case .sav: readstat_parse_sav(parser, path, context)
                case .por: readstat_parse_por(parser, path, context)
                case .dta: readstat_parse_dta(parser, path, context)
                }
            if status != READSTAT_OK && !(status == READSTAT_ERROR_USER_ABORT && stopped) {
                let said = String(cString: readstat_error_message(status))
                let detail = messages.isEmpty ? said : said + " (" + messages.prefix(3).joined(separator: "; ") + ")"
                throw ImportError.unreadable(file: file, reason: "ReadStat could not read it as \(kind.withArticle): \(detail)")
            }
        }

        /// A variable as the file defines it (its value labels are joined after the pass).
        func variable(_ variable: UnsafeMutablePointer<readstat_variable_t>) -> StatVariable {
            let name = readstat_variable_get_name(variable).map { String(cString: $0) } ?? ""
            let label = readstat_variable_get_label(variable).map { String(cString: $0) } ?? ""
            let format = readstat_variable_get_format(variable).map { String(cString: $0) } ?? ""
            let isString = readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_STRING
            let measure: StatVariable.Measure =
                switch readstat_variable_get_measure(variable) {
                case READSTAT_MEASURE_NOMINAL: .nominal
                case READSTAT_MEASURE_ORDINAL: .ordinal
                case READSTAT_MEASURE_SCALE: .scale
                default: .unknown
                }
            var missingValues: [String] = []
            var missingRanges: [ClosedRange<Double>] = []
            for i in 0..<readstat_variable_get_missing_ranges_count(variable) {
                let lo = readstat_variable_get_missing_range_lo(variable, i)
                let hi = readstat_variable_get_missing_range_hi(variable, i)
                if isString || Self.code(lo) == Self.code(hi) {
                    missingValues.append(Self.code(lo))
                } else {
                    let (a, b) = (readstat_double_value(lo), readstat_double_value(hi))
                    if a <= b { missingRanges.append(a...b) }
                }
            }
            return StatVariable(
                name: name, label: label, isString: isString, measure: measure, format: format,
                time: isString ? .none : Self.time(format: format, epoch: epoch), valueLabels: [], missingValues: missingValues,
                missingRanges: missingRanges)
        }

        /// Dates and times by their display format: SPSS `DATE11`, `ADATE10`, `EDATE10`, `SDATE10`, `JDATE`, `DATETIME20`;
        /// Stata `%td…`, `%d…` (days) and `%tc…`/`%tC…` (milliseconds).
        static func time(format: String, epoch: StatEpoch) -> StatVariable.Time {
            let upper = format.uppercased()
            switch epoch {
            case .spss:
                if upper.hasPrefix("DATETIME") || upper.hasPrefix("YMDHMS") { return .dateTime(epoch: .spss) }
                for prefix in ["DATE", "ADATE", "EDATE", "SDATE", "JDATE"] where upper.hasPrefix(prefix) { return .date(epoch: .spss) }
                return .none
            case .stata:
                let lower = format.lowercased()
                if lower.hasPrefix("%tc") { return .dateTime(epoch: .stata) }
                if lower.hasPrefix("%td") || lower.hasPrefix("%d") { return .date(epoch: .stata) }
                return .none
            }
        }

        /// A value as a code: text as it is, a whole number without decimals, other numbers as written, a Stata
        /// extended missing value as `.a`.
        static func code(_ value: readstat_value_t) -> String {
            if readstat_value_is_tagged_missing(value) != 0 {
                return "." + String(UnicodeScalar(UInt8(bitPattern: readstat_value_tag(value))))
            }
            if readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING {
                return readstat_string_value(value).map { String(cString: $0) } ?? ""
            }
            if readstat_value_is_system_missing(value) != 0 { return "" }
            return number(readstat_double_value(value))
        }

        /// `3`, `2.5`, `-0.125`: the shortest form that reads back as the same number.
        static func number(_ value: Double) -> String {
            if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
            return "\(value)"
        }

        /// A cell's text: a code (`code(_:)`), a date as `2025-03-14`, a date-time as `2025-03-14 09:30:00`; missing
        /// values as the file gave them (system-missing and Stata's `.a`–`.z` empty).
        func text(_ value: readstat_value_t, time: StatVariable.Time) -> String {
            if readstat_value_is_system_missing(value) != 0 || readstat_value_is_tagged_missing(value) != 0 { return "" }
            // A date or time outside years 1–9999 (a damaged or mistyped value) reads as the number it is.
            let raw = readstat_double_value(value)
            let limit = 4_000_000.0 * 86_400 * 1000
            guard raw.isFinite, abs(raw) < limit else { return Self.code(value) }
            switch time {
            case .none:
                return Self.code(value)
            case .date(let epoch):
                let days = epoch == .spss ? (raw / 86_400).rounded(.down) : raw.rounded(.down)
                guard abs(days) < 3_000_000 else { return Self.code(value) }
                return SpreadsheetValues.civil(daysSince1970: Int(days) + epoch.unixDays)
            case .dateTime(let epoch):
                let seconds = epoch == .spss ? raw : raw / 1000
                guard abs(seconds / 86_400) < 3_000_000 else { return Self.code(value) }
                let day = Int((seconds / 86_400).rounded(.down))
                let rest = Int((seconds - Double(day) * 86_400).rounded())
                return SpreadsheetValues.civil(daysSince1970: day + epoch.unixDays)
                    + String(format: " %02d:%02d:%02d", rest / 3600, rest % 3600 / 60, rest % 60)
            }
        }
    }
}
