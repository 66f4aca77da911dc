/// A respondent field that a survey can map from a source column.
public enum RespondentField: String, Sendable, CaseIterable {
    case id, kind, district, serviceTown = "service_town", organisation, interviewer, date, wave
}
