import KartlaggningCore
import KartlaggningModel

/// What a page is asked to show, from its URL: every parameter checked against what the database holds before
/// anything is looked up (an unknown name or value is refused with the parameter named). Empty values are absent
/// (a form's "all" choice). Filters persist in the URL: `query` writes them back for links and forms.
struct Selection: Sendable, Equatable {
    var survey: String?
    var wave: String?
    var kind: String?
    var area: String?
    var theme: String?
    var question: String?
    /// Words to find (SQLite FTS5: `buss OR tåg`, `"inget samarbete"`, `bredband*`).
    var text: String?
    var offset = 0
    /// Names shown (`names=1`), honoured only when the server was started with `--identifying`.
    var names = false
    /// The position of a quote being stepped through (meeting mode).
    var step = 0
    /// A theme page's distinctive words asked for (`words=1`): they read every free text.
    var words = false

    init() {}

    static let longestText = 200

    /// - Parameters:
    ///   - allowed: the parameter names this page takes.
    ///   - themes: the codebook's theme ids (empty without one).
    init(_ fields: FormFields, allowed: Set<String>, vocabulary: WorkbenchVocabulary, themes: [String]) throws {
        for name in fields.names where !allowed.contains(name) {
            throw WorkbenchError.badParameter(name: name, value: fields[name] ?? "", reason: "this page takes no such parameter")
        }
        func value(_ name: String, among known: [String]) throws -> String? {
            guard let value = fields[name], !value.isEmpty else { return nil }
            guard known.contains(value) else {
                throw WorkbenchError.badParameter(name: name, value: value, reason: "not one the database holds")
            }
            return value
        }
        survey = try value("survey", among: vocabulary.surveys)
        wave = try value("wave", among: vocabulary.waves)
        kind = try value("kind", among: vocabulary.kinds)
        area = try value("area", among: vocabulary.areas + [CrossSpec.unknown])
        theme = try value("theme", among: themes)
        question = try value("question", among: vocabulary.questions.map(\.id))
        if let text = fields["q"], !text.isEmpty {
            guard text.count <= Self.longestText else {
                throw WorkbenchError.badParameter(name: "q", value: text, reason: "at most \(Self.longestText) characters")
            }
            guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw WorkbenchError.badParameter(name: "q", value: text, reason: "control characters are not words")
            }
            self.text = text
        }
        offset = try Self.number(fields, "offset", upTo: 10_000_000)
        step = try Self.number(fields, "step", upTo: 10_000_000)
        names = try Self.flag(fields, "names")
        words = try Self.flag(fields, "words")
    }

    /// A request's query string, checked against the database as `state` knows it.
    init(query: String?, allowed: Set<String>, state: WorkbenchData.State) throws {
        try self.init(
            FormFields(query ?? ""), allowed: allowed, vocabulary: state.vocabulary, themes: state.codebook?.codebook.themes.map(\.id) ?? []
        )
    }

    private static func flag(_ fields: FormFields, _ name: String) throws -> Bool {
        guard let value = fields[name], !value.isEmpty else { return false }
        guard value == "1" else { throw WorkbenchError.badParameter(name: name, value: value, reason: "only \(name)=1") }
        return true
    }

    private static func number(_ fields: FormFields, _ name: String, upTo limit: Int) throws -> Int {
        guard let text = fields[name], !text.isEmpty else { return 0 }
        guard let value = Int(text), (0...limit).contains(value) else {
            throw WorkbenchError.badParameter(name: name, value: text, reason: "a whole number from 0 to \(limit)")
        }
        return value
    }

    /// The cross-tab filters every count on the page is made with (survey, wave, kind).
    var filters: [CrossDimension: [String]] {
        var filters: [CrossDimension: [String]] = [:]
        if let survey { filters[.survey] = [survey] }
        if let wave { filters[.wave] = [wave] }
        if let kind { filters[.kind] = [kind] }
        return filters
    }

    /// The selection as a query string (without offset and step unless asked), for links that keep the filters.
    func query(offset: Int? = nil, step: Int? = nil) -> String {
        FormFields.query([
            ("survey", survey), ("wave", wave), ("kind", kind), ("area", area), ("theme", theme), ("question", question), ("q", text),
            ("names", names ? "1" : nil), ("words", words ? "1" : nil), ("offset", offset.map(String.init)),
            ("step", step.map(String.init)),
        ])
    }

    /// Only the filters that the overview keeps (survey, wave, kind).
    var overviewFilters: Selection {
        var kept = Selection()
        kept.survey = survey
        kept.wave = wave
        kept.kind = kind
        return kept
    }
}
