import Foundation
import KartlaggningModel

/// Renders theme counts as a tree (text), a table (Markdown, CSV) or JSON.
public enum ThemeTree {
    public static func render(_ counts: [ThemeCount], format: AnswerListFormat) throws -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(decoding: try encoder.encode(counts), as: UTF8.self) + "\n"
        case .csv:
            return
                (["theme,label,parent,answers,respondents"]
                + counts.map {
                    "\($0.theme),\(AnswerList.csvLine([$0.label]).dropLast(2)),\($0.parent ?? ""),\($0.answers),\($0.respondents)"
                })
                .joined(separator: "\r\n") + "\r\n"
        case .markdown:
            return Markdown.table(
                ["tema", "etikett", "svar", "respondenter"],
                counts.map { [String(repeating: "  ", count: $0.depth) + $0.theme, $0.label, String($0.answers), String($0.respondents)] },
                numeric: [2, 3])
        case .text:
            let width = counts.map { $0.depth * 2 + $0.theme.count }.max() ?? 0
            var out = "theme" + String(repeating: " ", count: max(0, width - 5)) + "  answers  respondents  label\n"
            for count in counts {
                let name = String(repeating: "  ", count: count.depth) + count.theme
                out += name + String(repeating: " ", count: width - name.count)
                out += "  " + pad(count.answers, 7) + "  " + pad(count.respondents, 11) + "  " + count.label + "\n"
            }
            return out
        }
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let text = String(n)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
