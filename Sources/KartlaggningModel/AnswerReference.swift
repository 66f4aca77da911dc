/// How a coding names an answer: by its id in the database, or by survey, respondent and question —
/// which survives a fresh import, so coding files can be kept beside the exports they code.
public enum AnswerReference: Sendable, Equatable, CustomStringConvertible {
    case id(Int64)
    case locator(survey: String, respondent: String, question: String)

    public var description: String {
        switch self {
        case .id(let id): "answer \(id)"
        case .locator(let survey, let respondent, let question): "\(survey)/\(respondent)/\(question)"
        }
    }
}
