import Foundation
import KartlaggningModel

/// Renders a theme query's answers: respondent, kind, district, question, themes and the text with the
/// matched words marked (bold in Markdown, colour on a terminal), then the counts.
public enum AnswerList {
    public static func render(_ result: AnswerQueryResult, format: AnswerListFormat, colour: Bool = false) throws -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(result.hits), as: UTF8.self) + "\n"
        case .csv:
            let header = ["answer", "respondent", "kind", "district", "service_town", "survey", "wave", "question", "themes", "text"]
            return ([header] + result.hits.map(cells)).map(csvLine).joined()
        case .markdown:
            // Marked with private-use characters the cell escaping leaves alone, then made bold: the answer's own
            // `*` and `|` are escaped, the marks are not.
            let (open, close) = ("\u{E000}", "\u{E001}")
            let rows = result.hits.map { hit -> [String] in
                var row = cells(hit)
                row[9] = Highlighter.mark(hit.text, spans: hit.spans, open: open, close: close)
                return row
            }
            let table = Markdown.table(
                ["svar", "respondent", "typ", "område", "serviceort", "enkät", "omgång", "fråga", "teman", "text"], rows)
            return table.replacingOccurrences(of: open, with: "**").replacingOccurrences(of: close, with: "**") + "\n" + summary(result)
                + "\n"
        case .text:
            var out = ""
            for hit in result.hits {
                let place = [hit.district, hit.serviceTown].compactMap { $0 }.joined(separator: " / ")
                out += "#\(hit.answer)  \(hit.respondent) · \(hit.kind) · \(place.isEmpty ? "–" : place) · \(hit.survey)/\(hit.question)"
                if !hit.themes.isEmpty { out += "  [\(hit.themes.joined(separator: ", "))]" }
                out += "\n"
                let marked =
                    colour
                    ? Highlighter.mark(hit.text, spans: hit.spans, open: "\u{1B}[1;33m", close: "\u{1B}[0m")
                    : Highlighter.mark(hit.text, spans: hit.spans, open: "[", close: "]")
                out += marked.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
            }
            return out + summary(result) + "\n"
        }
    }

    static func cells(_ hit: AnswerHit) -> [String] {
        [
            String(hit.answer), hit.respondent, hit.kind, hit.district ?? "", hit.serviceTown ?? "", hit.survey, hit.wave ?? "",
            hit.question, hit.themes.joined(separator: ";"), hit.text,
        ]
    }

    static func summary(_ result: AnswerQueryResult) -> String {
        let shown = result.hits.count < result.answers ? " (\(result.hits.count) shown)" : ""
        return
            "\(result.answers) answer\(result.answers == 1 ? "" : "s") from \(result.respondents) respondent\(result.respondents == 1 ? "" : "s")\(shown)"
    }

    static func csvLine(_ cells: [String]) -> String {
        cells.map { cell in
            cell.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: ",") + "\r\n"
    }
}
