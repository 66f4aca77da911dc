import Foundation

/// Markdown building blocks, escaped in one place.
public enum Markdown {
    /// A table cell: `|` and what would start emphasis, code, HTML or a link escaped, line breaks as `<br>`, so
    /// a cell can never break its table or turn into markup.
    public static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map { inline(String($0)) }.joined(separator: "<br>")
    }

    /// A link or image target (a chart beside the report): spaces, brackets, quotes and anything outside plain
    /// ASCII percent-encoded, so a file name can neither end the link nor break the HTML attribute it becomes.
    public static func linkTarget(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let scalar = UnicodeScalar(byte)
            if byte < 0x80 && (CharacterSet.alphanumerics.contains(scalar) || "-._~/".unicodeScalars.contains(scalar)) {
                out.unicodeScalars.append(scalar)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// A GitHub-flavoured table; `numeric` columns are right-aligned.
    /// - Parameter strong: rows (by index) whose first cell is set in bold, after escaping.
    public static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = [], strong: Set<Int> = []) -> String {
        var out = "| " + header.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for (index, row) in rows.enumerated() {
            var cells = row.map(cell)
            if strong.contains(index), let first = cells.first { cells[0] = "**" + first + "**" }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }
}

extension Markdown {
    /// Text in running Markdown (a paragraph, a quote, a list item): what would start emphasis, code, HTML, a
    /// link or a table cell is escaped; with `startsLine`, so is a start that would make a heading or a list.
    /// A `[` is escaped (`\\[telefon]`, shown as `[telefon]`), and a `(`, `[` or `:` right after a `]`, so no link forms.
    public static func inline(_ text: String, startsLine: Bool = false) -> String {
        escape(text, brackets: false, startsLine: startsLine)
    }

    /// A chart's alt text, `![…](…)`: inline text with every bracket escaped too, since any `]` (a district
    /// called `Å ]`) would end it.
    public static func altText(_ text: String) -> String {
        escape(text, brackets: true, startsLine: false)
    }

    private static func escape(_ text: String, brackets: Bool, startsLine: Bool) -> String {
        var out = ""
        let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
        var previous: Character?
        for character in flat {
            // `[a](b)`, `[a][b]`, `[a]: b`: what follows the bracket is escaped, so no link can form.
            let afterBracket = !brackets && previous == "]" && "([:".contains(character)
            // Angle brackets and ampersands as entities: a backslash does not keep every Markdown parser (Ink loops
            // forever on `\<p` at the end of a text) from reading an HTML tag.
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default:
                // Every `[` too: a parser tries a link at each one, and runs of them make Ink backtrack for minutes.
                if "\\`*_|[".contains(character) || (brackets && character == "]") || afterBracket {
                    out.append("\\")
                }
                out.append(character)
            }
            previous = character
        }
        guard startsLine else { return out }
        let digits = out.prefix(while: \.isNumber)
        if let first = out.first, "#-+=[".contains(first) {
            out.insert("\\", at: out.startIndex)
        } else if !digits.isEmpty, let next = out.dropFirst(digits.count).first, next == "." || next == ")" {
            out.insert("\\", at: out.index(out.startIndex, offsetBy: digits.count))
        }
        return out
    }
}
