import Foundation
import KartlaggningCore
import KartlaggningModel

/// Writes what the database holds for a survey back out, streaming one respondent at a time.
///
/// The wide layout uses the source column names and the cells as they were read, so importing a file
/// and exporting it gives back the same table.
public struct Exporter {
    public let store: KartlaggningStore

    public init(store: KartlaggningStore) {
        self.store = store
    }

    /// Writes the survey out. Columns the survey marks identifying are left out unless `includeIdentifying`.
    /// - Parameters:
    ///   - missingAs: what an unanswered question's cell says (wide layout); empty when nil.
    ///   - excel: Swedish Excel's CSV: `;`, a byte-order mark, CRLF, numbers with a decimal comma.
    /// - Returns: the identifying columns left out.
    @discardableResult
    public func export(
        survey surveyId: String, format: ExportFormat, layout: ExportLayout, delimiter: Character = ",", includeIdentifying: Bool = false,
        missingAs: String? = nil, excel: Bool = false, to output: TextFileWriter
    ) throws -> [String] {
        let survey = try store.survey(id: surveyId)
        let csv = CSVWriter(delimiter: excel ? ";" : delimiter)
        if excel && format == .csv { output.write("\u{FEFF}") }
        let numeric: Set<String> = Set(survey.questions.filter { [.integer, .decimal, .scale].contains($0.type) }.map(\.id))
        func cell(_ answer: StoredAnswer) -> String {
            if excel, let number = answer.valueNumber { return Self.number(number).replacingOccurrences(of: ".", with: ",") }
            return answer.raw
        }
        // Columns as the source had them: the latest import's order, else the survey's.
        let stored = try store.sourceColumnOrder(surveyId: surveyId)
        let all = Set(stored) == Set(survey.sourceColumns) ? stored : survey.sourceColumns
        let columns = includeIdentifying ? all : all.filter { !survey.isIdentifying($0) }
        let omitted = all.filter { !columns.contains($0) }
        let fieldByColumn = Dictionary(survey.respondent.mappedFields.map { ($0.column, $0.field) }, uniquingKeysWith: { a, _ in a })
        let questionByColumn = Dictionary(survey.questions.map { ($0.column, $0.id) }, uniquingKeysWith: { a, _ in a })
        let longHeader = ["respondent", "kind", "district", "service_town", "wave", "question", "column", "raw", "value"]
        var first = true
        if format == .csv {
            output.write(csv.line(layout == .wide ? columns : longHeader))
        } else {
            output.write("[")
        }
        try store.forEachRespondent(surveyId: surveyId) { respondent in
            switch layout {
            case .wide:
                let cells = columns.map { column -> String in
                    if let field = fieldByColumn[column] {
                        return respondent.rawFields[column] ?? respondent.fields.value(of: field) ?? ""
                    }
                    guard let id = questionByColumn[column] else { return "" }
                    guard let answer = respondent.answers[id] else { return missingAs ?? "" }
                    return numeric.contains(id) ? cell(answer) : answer.raw
                }
                if format == .csv {
                    output.write(csv.line(cells))
                } else {
                    var object: [String] = []
                    for (column, cell) in zip(columns, cells) where !cell.isEmpty {
                        object.append(JSONText.string(column) + ": " + JSONText.string(cell))
                    }
                    output.write((first ? "\n  {" : ",\n  {") + object.joined(separator: ", ") + "}")
                }
                first = false
            case .long:
                for question in survey.questions where includeIdentifying || !survey.isIdentifying(question.column) {
                    guard let answer = respondent.answers[question.id] else { continue }
                    var value = answer.valueText ?? answer.valueNumber.map(Self.number) ?? ""
                    if excel && answer.valueText == nil { value = value.replacingOccurrences(of: ".", with: ",") }
                    let cells = [
                        respondent.externalId, respondent.kind, respondent.district ?? "", respondent.serviceTown ?? "",
                        respondent.wave ?? "", question.id, question.column, answer.raw, value,
                    ]
                    if format == .csv {
                        output.write(csv.line(cells))
                    } else {
                        let object = zip(longHeader, cells).map { JSONText.string($0) + ": " + JSONText.string($1) }
                        output.write((first ? "\n  {" : ",\n  {") + object.joined(separator: ", ") + "}")
                        first = false
                    }
                }
            }
        }
        if format == .json { output.write(first ? "]\n" : "\n]\n") }
        return omitted
    }

    /// `4`, `3.5`: integral values without a fraction.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
