/// Markdown building blocks, escaped in one place.
public enum Markdown {
    /// A table cell: `|` escaped, line breaks as `<br>`, so a cell can never break its table.
    public static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
            .replacingOccurrences(of: "\r", with: "<br>")
    }

    /// A GitHub-flavoured table; `numeric` columns are right-aligned.
    public static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        var out = "| " + header.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }
}

extension Markdown {
    /// Text in running Markdown: characters that would start emphasis, links, HTML or a table cell escaped.
    public static func inline(_ text: String) -> String {
        var out = ""
        for character in text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ") {
            if "\\`*_[]<>|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
