/// What adding a survey definition did.
public enum SurveyAddOutcome: String, Sendable, Equatable, Codable {
    case added, unchanged, replaced
}
