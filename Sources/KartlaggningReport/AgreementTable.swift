import Foundation
import KartlaggningAnalysis

/// Renders an agreement report: per theme and overall, then the answers the coders disagree on.
public enum AgreementTable {
    public static func render(_ report: AgreementReport, json: Bool, disagreements: Int = 50) throws -> String {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        }
        var out = "\(report.coderA) against \(report.coderB): \(report.answers) answers coded by both\n\n"
        let header = [
            "theme", "both", report.coderA + " only", report.coderB + " only", "neither", "agreement", "κ", "precision", "recall", "F1",
        ]
        let rows = (report.themes + [report.overall]).map { t in
            [
                t.theme, String(t.both), String(t.onlyA), String(t.onlyB), String(t.neither), Numbers.percent(t.percentAgreement),
                Numbers.ratio(t.kappa), Numbers.ratio(t.precision), Numbers.ratio(t.recall), Numbers.ratio(t.f1),
            ]
        }
        out += alignedTable(header, rows)
        out +=
            "\nprecision, recall and F1 are \(report.coderA)'s against \(report.coderB); κ is Cohen's, per theme with the answer as unit.\n"
        if !report.disagreements.isEmpty {
            out += "\nDisagreements (answer, theme, tagged only by):\n"
            for d in report.disagreements.prefix(disagreements) { out += "  #\(d.answer)  \(d.theme)  \(d.taggedBy)\n" }
            if report.disagreements.count > disagreements { out += "  … and \(report.disagreements.count - disagreements) more\n" }
        }
        return out
    }

    static func alignedTable(_ header: [String], _ rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ") + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}
