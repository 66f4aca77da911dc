import KartlaggningCore
import KartlaggningModel

/// Reads coding done in a spreadsheet: a CSV with `theme` and `coder`, the answer as `answer` (its id) or as
/// `survey`, `respondent` and `question`, and optionally `note` and `not` (Ja: "not this theme"). Column names
/// are matched ignoring case; Swedish names (`svar`, `enkät`, `respondent`, `fråga`, `tema`, `kodare`,
/// `kommentar`, `inte`) work too.
public enum ManualCodingReader {
    public static func read(path: String, options: ReadOptions = ReadOptions()) throws -> [ManualTag] {
        let table = try SourceTable(path: path, file: path, options: options, shape: options.shape())
        func column(_ names: [String]) -> Int? {
            table.header.firstIndex { header in names.contains(MatchKey.make(header)) }
        }
        let answer = column(["answer", "svar", "answer id", "svar id", "svarsid"])
        let survey = column(["survey", "enkat"])
        let respondent = column(["respondent", "respondent id"])
        let question = column(["question", "fraga"])
        let byLocator = answer == nil && survey != nil && respondent != nil && question != nil
        let theme = column(["theme", "tema"])
        let coder = column(["coder", "kodare"])
        let note = column(["note", "kommentar", "anteckning"])
        let negative = column(["not", "inte", "negative"])
        let missing = [("answer", byLocator ? 0 : answer), ("theme", theme), ("coder", coder)].filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty {
            throw ImportError.missingColumns(file: path, line: table.headerLine, columns: missing, available: table.header)
        }
        var tags: [ManualTag] = []
        var problems: [String] = []
        while let row = try table.next() {
            func cell(_ index: Int?) -> String {
                guard let index, index < row.fields.count else { return "" }
                return row.fields[index].trimmedCell
            }
            let reference: AnswerReference
            if byLocator {
                guard !cell(survey).isEmpty, !cell(respondent).isEmpty, !cell(question).isEmpty else {
                    problems.append("\(path):\(row.line): survey, respondent and question must all be given")
                    continue
                }
                reference = .locator(survey: cell(survey), respondent: cell(respondent), question: cell(question))
            } else if let id = Int64(cell(answer)) {
                reference = .id(id)
            } else {
                problems.append(
                    "\(path):\(row.line): column \"\(answer.map { table.header[$0] } ?? "answer")\": \"\(cell(answer))\" is not an answer id"
                )
                continue
            }
            let themeId = cell(theme)
            let coderName = cell(coder)
            if themeId.isEmpty || coderName.isEmpty {
                problems.append("\(path):\(row.line): the theme and the coder must both be given")
                continue
            }
            if Coder.isReserved(coderName) {
                problems.append(
                    "\(path):\(row.line): column \"\(coder.map { table.header[$0] } ?? "coder")\": \"auto\" is the matcher's name, not a coder's"
                )
                continue
            }
            let not = cell(negative)
            tags.append(
                ManualTag(
                    answer: reference, theme: themeId, coder: coderName, negative: !not.isEmpty && SwedishValues.boolean(not) == true,
                    note: cell(note).isEmpty ? nil : cell(note), line: row.line))
        }
        if let first = problems.first {
            throw ImportError.definition(
                file: path, line: nil, message: "\(problems.count) bad row\(problems.count == 1 ? "" : "s"), first: \(first)")
        }
        return tags
    }
}
