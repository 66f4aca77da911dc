/// One theme of a codebook: what it is called, where it sits in the hierarchy, and the patterns that signal it.
public struct Theme: Codable, Sendable, Equatable {
    /// A stable id (`bredband`), used by `--theme`.
    public var id: String
    public var label: String
    public var description: String?
    /// The parent theme's id; a child's tags count for its parent in queries and counts.
    public var parent: String?
    /// Patterns that signal the theme (docs/codebook.md, "The pattern language").
    public var keywords: [String]
    /// Patterns whose matches cancel a keyword match lying inside them (`"inget samarbete"`).
    public var exclude: [String]?
    /// Question ids the theme applies to; all text questions when absent.
    public var questions: [String]?

    public init(
        id: String, label: String, description: String? = nil, parent: String? = nil, keywords: [String] = [],
        exclude: [String]? = nil, questions: [String]? = nil
    ) {
        self.id = id
        self.label = label
        self.description = description
        self.parent = parent
        self.keywords = keywords
        self.exclude = exclude
        self.questions = questions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        label = try container.decodeIfPresent(String.self, forKey: .label) ?? id
        description = try container.decodeIfPresent(String.self, forKey: .description)
        parent = try container.decodeIfPresent(String.self, forKey: .parent)
        keywords = try container.decodeIfPresent([String].self, forKey: .keywords) ?? []
        exclude = try container.decodeIfPresent([String].self, forKey: .exclude)
        questions = try container.decodeIfPresent([String].self, forKey: .questions)
    }
}
