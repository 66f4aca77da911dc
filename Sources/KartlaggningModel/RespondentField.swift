/// A respondent field that a survey can map from a source column.
public enum RespondentField: String, Sendable, CaseIterable {
    case id, kind, district
    case serviceTown = "service_town"
    case organisation, interviewer, date, wave
}
