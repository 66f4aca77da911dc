import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

/// Pieces several pages share: the filter form, names of themes and areas, the heat classes of a share.
enum PageParts {
    /// A theme's label with its parent's before it: `Infrastruktur › Vägar`.
    static func themeName(_ id: String, _ codebook: StoredCodebook?) -> String {
        guard let codebook else { return id }
        let labels = codebook.codebook.labels
        let label = labels[id] ?? id
        guard let parent = codebook.codebook.parents[id] else { return label }
        return (labels[parent] ?? parent) + " › " + label
    }

    /// The one word for the area of no-one.
    static func areaName(_ value: String) -> String { value == CrossSpec.unknown ? "(inget område)" : value }

    /// `h0` (lightest) to `h9` (darkest) for a share of the largest.
    static func heat(_ percent: Double, largest: Double) -> String {
        "h\(min(9, max(0, Int((percent / max(largest, 1) * 9).rounded()))))"
    }

    /// A select of `values` named `name`, the current one selected, "alla" first.
    static func select(_ name: String, label: String, values: [(value: String, text: String)], current: String?) -> String {
        var out = "<label>\(HTML.escape(label)) <select name=\"\(name)\"><option value=\"\">alla</option>"
        for (value, text) in values {
            out += "<option value=\"\(HTML.escape(value))\"\(value == current ? " selected" : "")>\(HTML.escape(text))</option>"
        }
        return out + "</select></label>\n"
    }

    /// The GET form that filters a page; its values persist in the URL.
    static func filterForm(
        action: String, selection: Selection, vocabulary: WorkbenchVocabulary, codebook: StoredCodebook?, full: Bool
    ) -> String {
        var out = "<form class=\"filters\" method=\"get\" action=\"\(action)\">\n"
        out += select("survey", label: "Undersökning", values: vocabulary.surveys.map { ($0, $0) }, current: selection.survey)
        if !vocabulary.waves.isEmpty {
            out += select("wave", label: "Våg", values: vocabulary.waves.map { ($0, $0) }, current: selection.wave)
        }
        out += select("kind", label: "Typ", values: vocabulary.kinds.map { ($0, $0) }, current: selection.kind)
        if full {
            out += select(
                "area", label: "Område", values: (vocabulary.areas + [CrossSpec.unknown]).map { ($0, areaName($0)) },
                current: selection.area)
            if let codebook {
                out += select(
                    "theme", label: "Tema", values: codebook.codebook.themes.map { ($0.id, themeName($0.id, codebook)) },
                    current: selection.theme)
            }
            var seen = Set<String>()
            let questions = vocabulary.questions.filter { seen.insert($0.id).inserted }
            out += select("question", label: "Fråga", values: questions.map { ($0.id, $0.text) }, current: selection.question)
            out +=
                "<label>Ord <input type=\"search\" name=\"q\" maxlength=\"\(Selection.longestText)\" value=\"\(HTML.escape(selection.text ?? ""))\" placeholder=\"buss OR tåg\"></label>\n"
            if selection.names { out += "<input type=\"hidden\" name=\"names\" value=\"1\">\n" }
        }
        return out + "<button type=\"submit\">Visa</button>\n</form>\n"
    }

    /// A table cell with a shown count as a link to its answers, a hidden one as `··`.
    static func countCell(_ text: String, href: String?, heat: String? = nil, title: String) -> String {
        let classes = heat.map { " class=\"\($0)\"" } ?? ""
        guard let href else { return "<td\(classes) title=\"\(HTML.escape(title))\">\(HTML.escape(text))</td>" }
        return "<td\(classes)><a href=\"\(HTML.escape(href))\" title=\"\(HTML.escape(title))\">\(HTML.escape(text))</a></td>"
    }

    /// A registry group's name as a row of its own, before its first area.
    static func groupRow(_ group: String, columns: Int) -> String {
        "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"\(columns)\">\(HTML.escape(group))</th></tr>\n"
    }

    /// `··` in a cell: hidden, never a link.
    static let hiddenCell = "<td class=\"hidden\" title=\"dolt\">··</td>"

    static func percent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10),\(tenths % 10)\u{00A0}%"
    }
}
