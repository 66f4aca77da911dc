/// Text in HTML, SVG or XML: `&`, `<`, `>`, `"` and `'` as entities, so a value is safe as text and in a quoted
/// attribute alike. The one escaping the charts and the workbench's pages share.
public enum Markup {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
