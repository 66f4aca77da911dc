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
    /// Source columns that identify people (a name, an e-mail address, a phone number, an organisation): never
    /// printed by `query`, `export` or reports unless `--include-identifying` is given.
    public var identifying: [String]?
    /// Source columns a form tool adds about the response rather than the respondent's answers (ids, timings, IP
    /// addresses, tool metadata): kept in the database and in `export`, left out of every report, cross-tab and the
    /// workbench, never tagged.
    public var technical: [String]?
    /// The sheet of a workbook export to read (its name, or its number from 1); the first sheet when not given.
    public var sheet: String?
    /// The physical line (a sheet's row number) of the header, as error messages count lines; 1 when not given.
    public var headerRow: Int?
    /// Rows right after the header that are more header, not answers (Qualtrics' question texts and import ids,
    /// SurveyMonkey's second header row).
    public var skipAfterHeader: Int?
    /// Cell values that mean "no value" (`NA`, `.`, `..`): never an answer, an option or a number. A question's own
    /// `missing` replaces this list for that question.
    public var missing: [String]?

    enum CodingKeys: String, CodingKey {
        case id, title, wave, kind, kinds, respondent, questions, identifying, technical, sheet
        case headerRow = "header_row"
        case skipAfterHeader = "skip_after_header"
        case missing
    }

    public init(
        id: String, title: String, wave: String? = nil, kind: String? = nil, kinds: [String]? = nil,
        respondent: RespondentMapping, questions: [Question], identifying: [String]? = nil, sheet: String? = nil,
        headerRow: Int? = nil, skipAfterHeader: Int? = nil, missing: [String]? = nil, technical: [String]? = nil
    ) {
        self.technical = technical
        self.sheet = sheet
        self.headerRow = headerRow
        self.skipAfterHeader = skipAfterHeader
        self.missing = missing
        self.id = id
        self.title = title
        self.wave = wave
        self.kind = kind
        self.kinds = kinds
        self.respondent = respondent
        self.questions = questions
        self.identifying = identifying
    }

    /// Whether `column` is marked identifying (compared as headers are: case and spacing aside).
    public func isIdentifying(_ column: String) -> Bool {
        let key = MatchKey.header(column)
        return (identifying ?? []).contains { MatchKey.header($0) == key }
    }

    /// Whether `column` is marked technical (compared as headers are).
    public func isTechnical(_ column: String) -> Bool {
        let key = MatchKey.header(column)
        return (technical ?? []).contains { MatchKey.header($0) == key }
    }

    /// Whether `cell` (trimmed) is a missing-value token for `question` (nil: a respondent field).
    public func isMissing(_ cell: String, question: Question? = nil) -> Bool {
        guard let tokens = question?.missing ?? missing, !tokens.isEmpty else { return false }
        return tokens.contains(cell)
    }

    /// Every kind a respondent of this survey may have.
    public var allowedKinds: [String] { RespondentKind.builtIn + (kinds ?? []) }

    /// The columns this survey reads, respondent fields first, then questions.
    public var sourceColumns: [String] { respondent.mappedFields.map(\.column) + questions.map(\.column) }
}
