/// What `terms` compares: the groups the free texts are split into.
public enum TermGrouping: String, Sendable, CaseIterable, Codable {
    case district, kind, survey, wave
}
