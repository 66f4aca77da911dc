/// A codebook: themes with the words that signal them, for tagging free-text answers
/// (`Schemas/codebook.schema.json`).
public struct Codebook: Codable, Sendable, Equatable {
    public var id: String
    /// The version the author gives; a changed file is stored as a new revision whatever it says.
    public var version: String
    /// `sv` for Swedish stemming.
    public var language: String
    /// How plain keywords match; nil in a codebook stored before there was a choice, which matches by stem
    /// (`rule`). A codebook file that does not say gets `KeywordMatching.default` when it is loaded.
    public var matching: KeywordMatching?
    public var themes: [Theme]

    public init(id: String, version: String, language: String = "sv", matching: KeywordMatching? = nil, themes: [Theme]) {
        self.id = id
        self.version = version
        self.language = language
        self.matching = matching
        self.themes = themes
    }

    /// The rule plain keywords match by.
    public var rule: KeywordMatching { matching ?? .stem }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        if let text = try? container.decode(String.self, forKey: .version) {
            version = text
        } else if let number = try? container.decode(Double.self, forKey: .version) {
            version = number == number.rounded() ? String(Int(number)) : String(number)
        } else {
            version = "1"
        }
        language = try container.decodeIfPresent(String.self, forKey: .language) ?? "sv"
        matching = try container.decodeIfPresent(KeywordMatching.self, forKey: .matching)
        themes = try container.decode([Theme].self, forKey: .themes)
    }

    /// Each theme's parent, by theme id (top-level themes have none).
    public var parents: [String: String] {
        Dictionary(themes.compactMap { theme in theme.parent.map { (theme.id, $0) } }, uniquingKeysWith: { first, _ in first })
    }

    /// Each theme's label, by theme id.
    public var labels: [String: String] {
        Dictionary(themes.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
    }

    /// The ids of `theme` and every theme below it.
    public func descendants(of theme: String) -> [String] {
        var result = [theme]
        var index = 0
        while index < result.count {
            result += themes.filter { $0.parent == result[index] }.map(\.id)
            index += 1
        }
        return result
    }
}
