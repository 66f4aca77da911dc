/// One question of a survey: where its answers come from and how they are typed.
public struct Question: Codable, Sendable, Equatable {
    /// A stable identifier, used in queries and cross-tabs (`bredband_nojd`).
    public var id: String
    /// The source column: a CSV header text, a JSON key or a dotted path (`svar.bredband`).
    public var column: String
    /// The question as it was asked, the label reports head it with; defaults to the column. Written `label:` (or
    /// `text:`) in a definition.
    public var text: String?
    /// How answers are read and stored.
    public var type: QuestionType
    /// Allowed options of a `choice` or `multi` question.
    public var options: [String]?
    /// The range of a `scale` question.
    public var scale: ScaleRange?
    /// What separates the options of a `multi` answer in one cell; `;` when not given.
    public var separator: String?
    /// Whether an empty cell is an error.
    public var required: Bool?
    /// Cell values that mean "no value" for this question, replacing the survey's `missing`.
    public var missing: [String]?
    /// The codes a labelled file (SPSS, Stata) gives the options: code → option (`"1": "Kvinna"`). A cell holding a
    /// code reads as its option; exports write the code back (`--values codes`).
    public var codes: [String: String]?
    /// The decimal mark of a `decimal` question's values, `,` or `.`, when the column is known to use one (the
    /// other mark then groups thousands); nil reads either.
    public var decimalMark: String?

    enum CodingKeys: String, CodingKey {
        case id, column, text, type, options, scale, separator, required, missing, codes
        case decimalMark = "decimal_mark"
    }

    /// `label` is the name a definition gives the question's text; `text` is read too (and what is stored).
    private enum LabelKey: String, CodingKey { case label }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        column = try container.decode(String.self, forKey: .column)
        let label = try decoder.container(keyedBy: LabelKey.self).decodeIfPresent(String.self, forKey: .label)
        text = try label ?? container.decodeIfPresent(String.self, forKey: .text)
        type = try container.decode(QuestionType.self, forKey: .type)
        options = try container.decodeIfPresent([String].self, forKey: .options)
        scale = try container.decodeIfPresent(ScaleRange.self, forKey: .scale)
        separator = try container.decodeIfPresent(String.self, forKey: .separator)
        required = try container.decodeIfPresent(Bool.self, forKey: .required)
        missing = try container.decodeIfPresent([String].self, forKey: .missing)
        codes = try container.decodeIfPresent([String: String].self, forKey: .codes)
        decimalMark = try container.decodeIfPresent(String.self, forKey: .decimalMark)
    }

    public init(
        id: String, column: String, text: String? = nil, type: QuestionType,
        options: [String]? = nil, scale: ScaleRange? = nil, separator: String? = nil, required: Bool? = nil,
        missing: [String]? = nil
    ) {
        self.missing = missing
        self.id = id
        self.column = column
        self.text = text
        self.type = type
        self.options = options
        self.scale = scale
        self.separator = separator
        self.required = required
    }

    /// The separator of a multi answer, `;` by default.
    public var multiSeparator: String { separator ?? ";" }

    /// The code of `option` (`codes`' inverse), nil where the option has none.
    public func code(of option: String) -> String? {
        codes?.first { $0.value == option }?.key
    }

    /// Whether answers are free text (and so go to the full-text index).
    public var isFreeText: Bool { type == .text }
}
