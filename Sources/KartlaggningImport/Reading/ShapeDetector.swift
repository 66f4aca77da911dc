import KartlaggningCore
import KartlaggningModel

/// Finds a table's shape from its first rows, for `survey infer`: the header below a title, a preamble or a group
/// row, and the rows after it that are more header (Qualtrics' question texts and import ids, SurveyMonkey's
/// second header row).
enum ShapeDetector {
    /// How many rows from the top are looked at.
    static let window = 40

    static func detect(_ rows: [CSVRow]) -> (shape: TableShape, notes: [String]) {
        guard let first = rows.first else { return (TableShape(), []) }
        let filled = rows.map(nonEmpty)
        let width = filled.max() ?? 0
        // The header: the first row filled across most of the table's width, its names mostly distinct (a group
        // row read from merged cells repeats its few names).
        var headerIndex = 0
        if width >= 2 {
            let needed = max(2, (width * 6 + 9) / 10)
            headerIndex =
                rows.indices.first { i in
                    let names = rows[i].fields.map { $0.trimmedCell }.filter { !$0.isEmpty }
                    return filled[i] >= needed && Set(names).count * 2 > names.count && i + 1 < rows.count
                } ?? 0
        }
        // A header whose names repeat (`Response`, an option under several questions) under a sparser row that
        // tells them apart is the second row of a two-row header: SurveyMonkey's and Netigate's exports.
        var joinedAbove = false
        if headerIndex > 0, filled[headerIndex - 1] >= 2,
            repeats(rows[headerIndex].fields.map(\.trimmedCell))
                > repeats(HeaderNames.join(rows[headerIndex - 1].fields.map(\.trimmedCell), sub: rows[headerIndex].fields))
        {
            headerIndex -= 1
            joinedAbove = true
        }
        var notes: [String] = []
        let header = rows[headerIndex]
        if header.line > first.line {
            notes.append(
                "the header is on line \(header.line): the \(headerIndex == 1 ? "line" : "\(headerIndex) lines") above it "
                    + "look\(headerIndex == 1 ? "s" : "") like a title, a preamble or a group row (`header_row: \(header.line)`; "
                    + "\(Remedy.headerRow(header.line)) to read it so once)")
        }
        // Rows after the header that are header-like; an import-id row (Qualtrics) ends the header wherever it is,
        // whatever the number of responses below it.
        var skip = joinedAbove ? 1 : 0
        let rest = Array(rows[(headerIndex + 1)...])
        if let importIds = rest.prefix(4).firstIndex(where: isImportIdRow) { skip = max(skip, importIds + 1) }
        while skip < min(5, rest.count - 1) {
            let sample = Array(rest[(skip + 1)...])
            guard isHeaderLike(rest[skip], comparedWith: sample, header: header) else { break }
            skip += 1
        }
        if skip > 0 {
            let lines = rest.prefix(skip).map { String($0.line) }.joined(separator: ", ")
            notes.append(
                "line\(skip == 1 ? "" : "s") \(lines) after the header \(skip == 1 ? "reads" : "read") as more header "
                    + (joinedAbove
                        ? "(each question's options or sub-questions, joined to its name: \"Question: Option\")"
                        : "(question texts or import ids)") + ", not answers: `skip_after_header: \(skip)`")
        }
        return (TableShape(headerRow: header.line, skipAfterHeader: skip), notes)
    }

    /// Whether `row` holds a Qualtrics import id (`{"ImportId":"QID1"}`) in any cell.
    static func isImportIdRow(_ row: CSVRow) -> Bool {
        row.fields.contains { cell in
            let text = cell.trimmedCell
            return text.hasPrefix("{\"ImportId\"") || text.hasPrefix("{'ImportId'")
        }
    }

    /// Whether `row` looks like header rather than data, compared with the rows below it: import-id metadata, or
    /// text where the data is numbers or dates, or empty where every data row has a value. Over a single data row it
    /// takes more: a header of codes (`V1`, `Q1`) with words beneath them where that row holds numbers or dates.
    static func isHeaderLike(_ row: CSVRow, comparedWith data: [CSVRow], header: CSVRow? = nil) -> Bool {
        let cells = row.fields.map { $0.trimmedCell }
        if isImportIdRow(row) { return true }
        guard !data.isEmpty else { return false }
        if data.count == 1 {
            guard let header else { return false }
            let names = header.fields.map(\.trimmedCell).filter { !$0.isEmpty }
            let codes = names.filter(isCode).count
            guard codes * 2 >= names.count else { return false }
            var misfits = 0
            var fits = 0
            for column in cells.indices where !cells[column].isEmpty {
                let value = column < data[0].fields.count ? data[0].fields[column].trimmedCell : ""
                guard !value.isEmpty, isTyped(value) else { continue }
                if isTyped(cells[column]) { fits += 1 } else { misfits += 1 }
            }
            return misfits >= 3 && fits == 0
        }
        var misfits = 0
        var fits = 0
        var alwaysFilled = 0
        var emptyHere = 0
        for column in cells.indices {
            let values = data.map { column < $0.fields.count ? $0.fields[column].trimmedCell : "" }
            let present = values.filter { !$0.isEmpty }
            if present.count == values.count {
                alwaysFilled += 1
                if cells[column].isEmpty { emptyHere += 1 }
            }
            guard present.count * 10 >= values.count * 9, !present.isEmpty else { continue }
            let typed = present.filter { isTyped($0) }.count
            guard typed * 10 >= present.count * 9 else { continue }
            guard !cells[column].isEmpty else { continue }
            if isTyped(cells[column]) { fits += 1 } else { misfits += 1 }
        }
        // Text where two or more typed columns hold numbers or dates (one odd answer, "Vet ej" in an age column, is
        // a respondent's, not a header).
        if misfits >= 2 && misfits >= fits { return true }
        // Or empty where every answer row has a value — the first column (the respondent's id) among them — with
        // labels elsewhere: SurveyMonkey's second header row.
        let firstAlwaysFilled = data.allSatisfy { !($0.fields.first?.trimmedCell.isEmpty ?? true) }
        return firstAlwaysFilled && (cells.first?.isEmpty ?? true) && alwaysFilled >= 2 && emptyHere * 2 >= alwaysFilled && fits == 0
            && cells.contains { !$0.isEmpty }
    }

    /// A variable code rather than a question: `V1`, `Q12`, `QID3_TEXT`, `q4_2`.
    static func isCode(_ name: String) -> Bool {
        let letters = name.prefix { $0.isASCII && $0.isLetter }
        let digits = name.dropFirst(letters.count).prefix { $0.isASCII && $0.isNumber }
        let rest = name.dropFirst(letters.count + digits.count)
        return (1...4).contains(letters.count) && !digits.isEmpty && (rest.isEmpty || "_.-[".contains(rest.first ?? " "))
            && !name.contains(" ")
    }

    /// How many names repeat another in the row.
    private static func repeats(_ names: [String]) -> Int {
        let keys = names.filter { !$0.isEmpty }.map(MatchKey.header)
        return keys.count - Set(keys).count
    }

    private static func isTyped(_ value: String) -> Bool {
        SwedishValues.decimal(value) != nil || SwedishValues.date(value) != nil
    }

    private static func nonEmpty(_ row: CSVRow) -> Int {
        row.fields.filter { !$0.trimmedCell.isEmpty }.count
    }
}
