/// A survey definition: how the columns of an export map to respondents and typed questions.
///
/// Written by users as YAML or JSON (`Schemas/survey.schema.json`):
/// ```yaml
/// id: foretag-2025
/// title: Företagsintervjuer 2025
/// wave: "2025"
/// kind: företag
/// respondent: { id: Nr, district: Område, service_town: Serviceort }
/// questions:
///   - { id: bredband_nojd, column: "Nöjd med bredband (1-5)", type: scale, scale: { min: 1, max: 5 } }
/// ```
public struct SurveyDefinition: Codable, Sendable, Equatable {
    /// The survey's id (`foretag-2025`), used by `--survey`.
    public var id: String
    /// A human title.
    public var title: String
    /// The survey wave (`2025`, `uppföljning`), unless a column gives it per respondent.
    public var wave: String?
    /// The respondent kind for rows that do not give one.
    public var kind: String?
    /// Respondent kinds this survey adds to the built-in ones.
    public var kinds: [String]?
    /// Where respondent fields come from.
    public var respondent: RespondentMapping
    /// The questions, in source order.
    public var questions: [Question]

    public init(
        id: String, title: String, wave: String? = nil, kind: String? = nil, kinds: [String]? = nil,
        respondent: RespondentMapping, questions: [Question]
    ) {
        self.id = id
        self.title = title
        self.wave = wave
        self.kind = kind
        self.kinds = kinds
        self.respondent = respondent
        self.questions = questions
    }

    /// Every kind a respondent of this survey may have.
    public var allowedKinds: [String] { RespondentKind.builtIn + (kinds ?? []) }

    /// The columns this survey reads, respondent fields first, then questions.
    public var sourceColumns: [String] { respondent.mappedFields.map(\.column) + questions.map(\.column) }
}
