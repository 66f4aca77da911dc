import CReadStat
import Foundation
import KartlaggningAnalysis
import KartlaggningCore

/// Writes a survey as a labelled statistics file through ReadStat: SPSS `.sav` or Stata `.dta`, one case per
/// respondent. Variable labels are the question texts; a choice question is a number with its options as value
/// labels (the file's own codes where it came from one, else 1, 2, … in the options' order) — or, with
/// `values: .labels`, the option as text; a multi question is one 0/1 variable per option; scales are ordinal, numbers
/// scale, dates the format's dates; the respondent's kind, district and wave come first. Unanswered questions are
/// system-missing. The file is written beside its place and moved there whole.
public struct StatWriter {
    public enum Format: String, Sendable, CaseIterable {
        case sav, dta
    }

    /// Whether a choice question's cells are its codes (with value labels) or its options as text.
    public enum Values: String, Sendable, CaseIterable {
        case codes, labels
    }

    public let store: KartlaggningStore

    public init(store: KartlaggningStore) { self.store = store }

    /// One variable of the file: how each respondent's value is made.
    struct Column {
        var name: String
        var label: String
        var string: Bool
        var width = 1
        var measure: readstat_measure_t = READSTAT_MEASURE_UNKNOWN
        var format: String?
        var labels: [(Double, String)] = []
        /// The cell for a respondent: a number, a text, or nil (missing).
        var value: (StoredRespondent) -> Cell
    }

    enum Cell {
        case number(Double)
        case text(String)
        case missing
    }

    /// Writes `surveyId` to `path`. Identifying columns are left out unless `includeIdentifying`; returns those left
    /// out.
    @discardableResult
    /// - Parameter codebook: its themes follow the questions, one 0/1 variable each (`t_<id>`, labelled with the
    ///   theme's label): whether the respondent raised it, a theme's sub-themes counting for it.
    public func write(
        survey surveyId: String, format: Format, values: Values = .codes, includeIdentifying: Bool = false,
        codebook: StoredCodebook? = nil, to path: String
    ) throws -> [String] {
        let survey = try store.survey(id: surveyId)
        var columns: [Column] = []
        var names = Set<String>()
        let limit = format == .dta ? 32 : 64
        /// A variable name the format takes: letters, digits and `_`, starting with a letter, unique.
        func name(_ wanted: String) -> String {
            var base = String(
                wanted.folding(options: [.diacriticInsensitive], locale: Locale(identifier: "sv_SE")).map {
                    $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_"
                })
            if base.first.map({ !$0.isLetter }) ?? true { base = "v" + base }
            base = String(base.prefix(limit - 4))
            var candidate = base
            var n = 2
            while !names.insert(candidate.lowercased()).inserted {
                candidate = base + "_\(n)"
                n += 1
            }
            return candidate
        }
        columns.append(Column(name: name("respondent"), label: "Respondent", string: true) { .text($0.fields.externalId) })
        columns.append(Column(name: name("kind"), label: "Respondenttyp", string: true) { .text($0.fields.kind) })
        columns.append(Column(name: name("district"), label: "Område", string: true) { $0.fields.district.map(Cell.text) ?? .missing })
        columns.append(Column(name: name("wave"), label: "Våg", string: true) { $0.fields.wave.map(Cell.text) ?? .missing })
        /// An ISO date as the format counts days: SPSS in seconds since 1582-10-14, Stata in days since 1960-01-01.
        func date(_ iso: String?) -> Cell {
            guard let iso, let days = Self.days(iso) else { return .missing }
            return .number(format == .sav ? Double(days + 141_428) * 86_400 : Double(days + 3_653))
        }
        let dateFormat = format == .sav ? "DATE11" : "%td"
        columns.append(
            Column(name: name("date"), label: "Datum", string: false, measure: READSTAT_MEASURE_SCALE, format: dateFormat) {
                date($0.fields.date)
            })
        let omitted = includeIdentifying ? [] : survey.questions.map(\.column).filter { survey.isIdentifying($0) }
        for question in survey.questions where includeIdentifying || !survey.isIdentifying(question.column) {
            let label = question.text ?? question.column
            let id = question.id
            switch question.type {
            case .choice:
                let options = question.options ?? []
                let codes = Self.codes(question)
                if values == .labels || codes == nil {
                    columns.append(
                        Column(name: name(id), label: label, string: true) { r in r.answers[id]?.valueText.map(Cell.text) ?? .missing })
                } else if let codes {
                    var column = Column(name: name(id), label: label, string: false, measure: READSTAT_MEASURE_NOMINAL) { r in
                        guard let text = r.answers[id]?.valueText, let code = codes[text] else { return .missing }
                        return .number(code)
                    }
                    column.labels = options.compactMap { option in codes[option].map { ($0, option) } }
                    columns.append(column)
                }
            case .multi:
                for (i, option) in (question.options ?? []).enumerated() {
                    var column = Column(name: name("\(id)_\(i + 1)"), label: "\(label): \(option)", string: false) { r in
                        guard let answer = r.answers[id]?.valueText else { return .missing }
                        let chosen = (try? JSONDecoder().decode([String].self, from: Data(answer.utf8))) ?? []
                        return .number(chosen.contains(option) ? 1 : 0)
                    }
                    column.measure = READSTAT_MEASURE_NOMINAL
                    column.labels = [(0, "Ej valt"), (1, "Valt")]
                    columns.append(column)
                }
            case .scale, .integer, .decimal:
                var column = Column(name: name(id), label: label, string: false) { r in
                    r.answers[id]?.valueNumber.map(Cell.number) ?? .missing
                }
                column.measure = question.type == .scale ? READSTAT_MEASURE_ORDINAL : READSTAT_MEASURE_SCALE
                columns.append(column)
            case .boolean:
                var column = Column(name: name(id), label: label, string: false) { r in
                    r.answers[id]?.valueNumber.map(Cell.number) ?? .missing
                }
                column.measure = READSTAT_MEASURE_NOMINAL
                column.labels = [(0, "Nej"), (1, "Ja")]
                columns.append(column)
            case .date:
                var column = Column(name: name(id), label: label, string: false) { r in date(r.answers[id]?.valueText) }
                column.format = dateFormat
                column.measure = READSTAT_MEASURE_SCALE
                columns.append(column)
            case .text:
                columns.append(
                    Column(name: name(id), label: label, string: true) { r in r.answers[id]?.valueText.map(Cell.text) ?? .missing })
            }
        }
        if let codebook {
            let carried = try store.respondentThemes(surveyId: surveyId, codebook: codebook)
            let labels = codebook.codebook.labels
            for theme in codebook.codebook.themes {
                let id = theme.id
                var column = Column(name: name("t_" + id), label: labels[id] ?? id, string: false) { r in
                    .number(carried[r.fields.externalId]?.contains(id) == true ? 1 : 0)
                }
                column.measure = READSTAT_MEASURE_NOMINAL
                column.labels = [(0, "Tog inte upp"), (1, "Tog upp")]
                columns.append(column)
            }
        }
        // First pass: how many respondents, and how wide each text column.
        var count = 0
        try store.forEachRespondent(surveyId: surveyId) { respondent in
            count += 1
            for i in columns.indices where columns[i].string {
                if case .text(let text) = columns[i].value(respondent) { columns[i].width = max(columns[i].width, text.utf8.count) }
            }
        }
        if format == .dta, let wide = columns.first(where: { $0.string && $0.width > 2045 }) {
            throw ImportError.unreadable(
                file: path,
                reason: "Stata strings hold 2,045 bytes; \"\(wide.label.clipped(40))\" has an answer of \(wide.width) (write .sav)")
        }
        try Self.writeFile(path: path) { sink in
            guard let writer = readstat_writer_init() else { throw ImportError.unreadable(file: path, reason: "ReadStat could not start") }
            defer { readstat_writer_free(writer) }
            readstat_set_data_writer(writer) { data, length, context in
                guard let data, let context else { return -1 }
                let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
                sink.write(Data(bytes: data, count: length))
                return length
            }
            _ = readstat_writer_set_file_label(writer, String(survey.title.prefix(format == .dta ? 80 : 64)))
            var variables: [UnsafeMutablePointer<readstat_variable_t>] = []
            for (i, column) in columns.enumerated() {
                guard
                    let variable = readstat_add_variable(
                        writer, column.name, column.string ? READSTAT_TYPE_STRING : READSTAT_TYPE_DOUBLE, column.string ? column.width : 0)
                else { throw ImportError.unreadable(file: path, reason: "ReadStat refused the variable \(column.name)") }
                readstat_variable_set_label(variable, String(column.label.utf8.prefix(format == .dta ? 80 : 255)) ?? column.name)
                readstat_variable_set_measure(variable, column.measure)
                if let display = column.format { readstat_variable_set_format(variable, display) }
                if !column.labels.isEmpty {
                    let set = readstat_add_label_set(writer, READSTAT_TYPE_DOUBLE, "labels\(i)")
                    for (code, text) in column.labels { readstat_label_double_value(set, code, text) }
                    readstat_variable_set_label_set(variable, set)
                }
                variables.append(variable)
            }
            let context = Unmanaged.passUnretained(sink).toOpaque()
            let began =
                format == .sav ? readstat_begin_writing_sav(writer, context, count) : readstat_begin_writing_dta(writer, context, count)
            try Self.check(began, path: path)
            try store.forEachRespondent(surveyId: surveyId) { respondent in
                try Self.check(readstat_begin_row(writer), path: path)
                for (column, variable) in zip(columns, variables) {
                    let status: readstat_error_t =
                        switch column.value(respondent) {
                        case .number(let number): readstat_insert_double_value(writer, variable, number)
                        case .text(let text): readstat_insert_string_value(writer, variable, text)
                        case .missing:
                            column.string
                                ? readstat_insert_string_value(writer, variable, "") : readstat_insert_missing_value(writer, variable)
                        }
                    try Self.check(status, path: path)
                }
                try Self.check(readstat_end_row(writer), path: path)
            }
            try Self.check(readstat_end_writing(writer), path: path)
        }
        return omitted
    }

    /// A protected cross-tab as an SPSS or Stata file, one case per cell and per total: its row and column values, n,
    /// base and percentage. A suppressed number is system-missing, never its value; totals have the column (or row)
    /// `Totalt`.
    public static func write(_ table: CrossTable, format: Format, title: String, to path: String) throws {
        let total = "Totalt"
        var cases: [(row: String, col: String, n: Int?, base: Int?, percent: Double?)] = table.cells.map { cell in
            cell.suppressed ? (cell.row, cell.col, nil, nil, nil) : (cell.row, cell.col, cell.n, cell.base, cell.percent)
        }
        cases += table.rowTotals.map { ($0.value, total, $0.suppressed ? nil : $0.n, nil, nil) }
        cases += table.colTotals.map { (total, $0.value, $0.suppressed ? nil : $0.n, nil, nil) }
        cases.append((total, total, table.shownTotal, nil, nil))
        let width = max(1, cases.map { max($0.row.utf8.count, $0.col.utf8.count) }.max() ?? 1)
        try writeFile(path: path) { sink in
            guard let writer = readstat_writer_init() else { throw ImportError.unreadable(file: path, reason: "ReadStat could not start") }
            defer { readstat_writer_free(writer) }
            readstat_set_data_writer(writer) { data, length, context in
                guard let data, let context else { return -1 }
                Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue().write(Data(bytes: data, count: length))
                return length
            }
            _ = readstat_writer_set_file_label(writer, String(title.prefix(format == .dta ? 80 : 64)))
            let specs: [(String, String, Bool)] = [
                ("rad", table.rows, true), ("kolumn", table.cols, true), ("n", "Antal (\(table.unit.rawValue))", false),
                ("bas", "Bas", false), ("procent", "Procent (\(table.percentBase.rawValue))", false),
            ]
            var variables: [UnsafeMutablePointer<readstat_variable_t>] = []
            for (name, label, string) in specs {
                guard
                    let variable = readstat_add_variable(
                        writer, name, string ? READSTAT_TYPE_STRING : READSTAT_TYPE_DOUBLE, string ? width : 0)
                else { throw ImportError.unreadable(file: path, reason: "ReadStat refused the variable \(name)") }
                readstat_variable_set_label(variable, label)
                readstat_variable_set_measure(variable, string ? READSTAT_MEASURE_NOMINAL : READSTAT_MEASURE_SCALE)
                variables.append(variable)
            }
            let context = Unmanaged.passUnretained(sink).toOpaque()
            try check(
                format == .sav
                    ? readstat_begin_writing_sav(writer, context, cases.count) : readstat_begin_writing_dta(writer, context, cases.count),
                path: path)
            for item in cases {
                try check(readstat_begin_row(writer), path: path)
                try check(readstat_insert_string_value(writer, variables[0], item.row), path: path)
                try check(readstat_insert_string_value(writer, variables[1], item.col), path: path)
                for (variable, number) in zip(variables[2...], [item.n.map(Double.init), item.base.map(Double.init), item.percent]) {
                    try check(
                        number.map { readstat_insert_double_value(writer, variable, $0) }
                            ?? readstat_insert_missing_value(writer, variable),
                        path: path)
                }
                try check(readstat_end_row(writer), path: path)
            }
            try check(readstat_end_writing(writer), path: path)
        }
    }

    /// A choice question's code for each option: the file's own where all are whole numbers, else 1, 2, … in order.
    static func codes(_ question: Question) -> [String: Double]? {
        let options = question.options ?? []
        guard !options.isEmpty else { return nil }
        if let own = question.codes, !own.isEmpty {
            var codes: [String: Double] = [:]
            for (code, option) in own {
                guard let number = Double(code) else {
                    return Dictionary(uniqueKeysWithValues: options.enumerated().map { ($1, Double($0 + 1)) })
                }
                codes[option] = number
            }
            var next = (codes.values.max() ?? 0) + 1
            for option in options where codes[option] == nil {
                codes[option] = next
                next += 1
            }
            return codes
        }
        return Dictionary(options.enumerated().map { ($1, Double($0 + 1)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Days from 1970-01-01 to an ISO date (`2025-03-14`).
    static func days(_ iso: String) -> Int? {
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (y0, m, d) = (parts[0], parts[1], parts[2])
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func check(_ status: readstat_error_t, path: String) throws {
        guard status == READSTAT_OK else {
            throw ImportError.unreadable(
                file: path, reason: "ReadStat could not write it: " + String(cString: readstat_error_message(status)))
        }
    }

    /// Where the bytes go: a file beside the target, moved into place when whole.
    final class Sink {
        let handle: FileHandle
        init(handle: FileHandle) { self.handle = handle }
        func write(_ data: Data) { handle.write(data) }
    }

    static func writeFile(path: String, _ body: (Sink) throws -> Void) throws {
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).part")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary.path)
        else { throw ImportError.unreadable(file: path, reason: "cannot be written") }
        do {
            try body(Sink(handle: handle))
            try handle.close()
            // rename(2) puts the whole file in place at once, over an older one.
            guard rename(temporary.path, target.path) == 0 else {
                throw ImportError.unreadable(file: path, reason: "cannot be written: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
