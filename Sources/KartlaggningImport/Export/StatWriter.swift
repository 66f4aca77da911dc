import CReadStat
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel

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
    struct Column<Row> {
        var name: String
        var label: String
        var string: Bool
        var width = 1
        var measure: readstat_measure_t = READSTAT_MEASURE_UNKNOWN
        var format: String?
        var labels: [(Double, String)] = []
        /// The cell for a case (a respondent, a table's cell): a number, a text, or nil (missing).
        var value: (Row) -> Cell
    }

    typealias RespondentColumn = Column<StoredRespondent>

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
        var columns: [Column<StoredRespondent>] = []
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
        columns.append(RespondentColumn(name: name("respondent"), label: "Respondent", string: true) { .text($0.fields.externalId) })
        columns.append(RespondentColumn(name: name("kind"), label: "Respondenttyp", string: true) { .text($0.fields.kind) })
        columns.append(
            RespondentColumn(name: name("district"), label: "Område", string: true) { $0.fields.district.map(Cell.text) ?? .missing })
        columns.append(RespondentColumn(name: name("wave"), label: "Våg", string: true) { $0.fields.wave.map(Cell.text) ?? .missing })
        /// An ISO date as the format counts days: SPSS in seconds since 1582-10-14, Stata in days since 1960-01-01.
        func date(_ iso: String?) -> Cell {
            guard let iso, let days = SpreadsheetValues.daysSince1970(iso: iso) else { return .missing }
            return .number(format == .sav ? Double(days - StatEpoch.spss.unixDays) * 86_400 : Double(days - StatEpoch.stata.unixDays))
        }
        let dateFormat = format == .sav ? "DATE11" : "%td"
        columns.append(
            RespondentColumn(name: name("date"), label: "Datum", string: false, measure: READSTAT_MEASURE_SCALE, format: dateFormat) {
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
                        RespondentColumn(name: name(id), label: label, string: true) { r in
                            r.answers[id]?.valueText.map(Cell.text) ?? .missing
                        })
                } else if let codes {
                    var column = RespondentColumn(name: name(id), label: label, string: false, measure: READSTAT_MEASURE_NOMINAL) { r in
                        guard let text = r.answers[id]?.valueText, let code = codes[text] else { return .missing }
                        return .number(code)
                    }
                    column.labels = options.compactMap { option in codes[option].map { ($0, option) } }
                    columns.append(column)
                }
            case .multi:
                for (i, option) in (question.options ?? []).enumerated() {
                    var column = RespondentColumn(name: name("\(id)_\(i + 1)"), label: "\(label): \(option)", string: false) { r in
                        guard let answer = r.answers[id]?.valueText else { return .missing }
                        let chosen = (try? JSONDecoder().decode([String].self, from: Data(answer.utf8))) ?? []
                        return .number(chosen.contains(option) ? 1 : 0)
                    }
                    column.measure = READSTAT_MEASURE_NOMINAL
                    column.labels = [(0, "Ej valt"), (1, "Valt")]
                    columns.append(column)
                }
            case .scale, .integer, .decimal:
                var column = RespondentColumn(name: name(id), label: label, string: false) { r in
                    r.answers[id]?.valueNumber.map(Cell.number) ?? .missing
                }
                column.measure = question.type == .scale ? READSTAT_MEASURE_ORDINAL : READSTAT_MEASURE_SCALE
                columns.append(column)
            case .boolean:
                var column = RespondentColumn(name: name(id), label: label, string: false) { r in
                    r.answers[id]?.valueNumber.map(Cell.number) ?? .missing
                }
                column.measure = READSTAT_MEASURE_NOMINAL
                column.labels = [(0, "Nej"), (1, "Ja")]
                columns.append(column)
            case .date:
                var column = RespondentColumn(name: name(id), label: label, string: false) { r in date(r.answers[id]?.valueText) }
                column.format = dateFormat
                column.measure = READSTAT_MEASURE_SCALE
                columns.append(column)
            case .text:
                columns.append(
                    RespondentColumn(name: name(id), label: label, string: true) { r in r.answers[id]?.valueText.map(Cell.text) ?? .missing
                    })
            }
        }
        if let codebook {
            let carried = try store.respondentThemes(surveyId: surveyId, codebook: codebook)
            let labels = codebook.codebook.labels
            for theme in codebook.codebook.themes {
                let id = theme.id
                var column = RespondentColumn(name: name("t_" + id), label: labels[id] ?? id, string: false) { r in
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
        try Self.writeCases(columns, count: count, title: survey.title, format: format, to: path) { row in
            try store.forEachRespondent(surveyId: surveyId, row)
        }
        return omitted
    }

    /// A protected cross-tab as an SPSS or Stata file, one case per cell and per total: its row and column values, n,
    /// base and percentage. A suppressed number is system-missing, never its value; totals have the column (or row)
    /// `Totalt`.
    public static func write(_ table: CrossTable, format: Format, title: String, to path: String) throws {
        struct Case {
            var row: String
            var col: String
            var n: Int?
            var base: Int?
            var percent: Double?
        }
        let total = "Totalt"
        var cases = table.cells.map { cell in
            cell.suppressed
                ? Case(row: cell.row, col: cell.col) : Case(row: cell.row, col: cell.col, n: cell.n, base: cell.base, percent: cell.percent)
        }
        cases += table.rowTotals.map { Case(row: $0.value, col: total, n: $0.suppressed ? nil : $0.n) }
        cases += table.colTotals.map { Case(row: total, col: $0.value, n: $0.suppressed ? nil : $0.n) }
        cases.append(Case(row: total, col: total, n: table.shownTotal))
        let width = max(1, cases.map { max($0.row.utf8.count, $0.col.utf8.count) }.max() ?? 1)
        func number(_ value: Double?) -> Cell { value.map(Cell.number) ?? .missing }
        let columns: [Column<Case>] = [
            Column(name: "rad", label: table.rows, string: true, width: width, measure: READSTAT_MEASURE_NOMINAL) { .text($0.row) },
            Column(name: "kolumn", label: table.cols, string: true, width: width, measure: READSTAT_MEASURE_NOMINAL) { .text($0.col) },
            Column(name: "n", label: "Antal (\(table.unit.rawValue))", string: false, measure: READSTAT_MEASURE_SCALE) {
                number($0.n.map(Double.init))
            },
            Column(name: "bas", label: "Bas", string: false, measure: READSTAT_MEASURE_SCALE) { number($0.base.map(Double.init)) },
            Column(name: "procent", label: "Procent (\(table.percentBase.rawValue))", string: false, measure: READSTAT_MEASURE_SCALE) {
                number($0.percent)
            },
        ]
        try writeCases(columns, count: cases.count, title: title, format: format, to: path) { row in
            for item in cases { try row(item) }
        }
    }

    /// Writes `count` cases, each handed to the body `rows` calls with, as `columns` make their variables: labels,
    /// measure levels, display formats and value labels, text or number cells, missing ones system-missing. The file
    /// goes in place whole (`writeFile`).
    static func writeCases<Row>(
        _ columns: [Column<Row>], count: Int, title: String, format: Format, to path: String,
        rows: (_ row: (Row) throws -> Void) throws -> Void
    ) throws {
        try writeFile(path: path) { sink in
            guard let writer = readstat_writer_init() else { throw ImportError.unreadable(file: path, reason: "ReadStat could not start") }
            defer { readstat_writer_free(writer) }
            readstat_set_data_writer(writer) { data, length, context in
                guard let data, let context else { return -1 }
                Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue().write(Data(bytes: data, count: length))
                return length
            }
            _ = readstat_writer_set_file_label(writer, String(title.prefix(format == .dta ? 80 : 64)))
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
            try check(began, path: path)
            try rows { row in
                try check(readstat_begin_row(writer), path: path)
                for (column, variable) in zip(columns, variables) {
                    let status: readstat_error_t =
                        switch column.value(row) {
                        case .number(let number): readstat_insert_double_value(writer, variable, number)
                        case .text(let text): readstat_insert_string_value(writer, variable, text)
                        case .missing:
                            column.string
                                ? readstat_insert_string_value(writer, variable, "") : readstat_insert_missing_value(writer, variable)
                        }
                    try check(status, path: path)
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
