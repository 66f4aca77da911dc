import Foundation
import KartlaggningAnalysis
import KartlaggningModel

/// Renders a cross-tab with its caption: unit, bases, filters and the suppression rule.
public enum CrossTableRenderer {
    static let hidden = "··"

    public static func render(_ table: CrossTable, format: CrossTableFormat, filters: [String] = []) throws -> String {
        switch format {
        case .json:
            struct Output: Encodable {
                var table: CrossTable
                var filters: [String]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(decoding: try encoder.encode(Output(table: table, filters: filters)), as: UTF8.self) + "\n"
        case .csv, .sav:
            var out = "row,col,n,base,percent,suppressed\r\n"
            for cell in table.cells {
                out +=
                    [
                        csv(cell.row), csv(cell.col), cell.n.map(String.init) ?? "", cell.base.map(String.init) ?? "",
                        cell.percent.map { Numbers.fixed($0, digits: 1) } ?? "", cell.suppressed ? "true" : "false",
                    ].joined(separator: ",") + "\r\n"
            }
            return out
        case .markdown:
            let lookup = CrossTable.Lookup(table)
            var rows = table.rowValues.map { row in
                [row] + table.colValues.map { col in lookup.cell(row, col).map { cellText($0, table, comma: true) } ?? "" } + [
                    total(lookup.rowTotal(row))
                ]
            }
            rows.append(["N"] + table.colValues.map { total(lookup.colTotal($0)) } + [table.shownTotal.map(String.init) ?? hidden])
            return "**\(Markdown.inline(caption(table, filters: filters)))**\n\n"
                + Markdown.table(
                    [table.rows + " \\ " + table.cols] + table.colValues + ["totalt"], rows, numeric: Set(1...(table.colValues.count + 1)),
                    strong: [rows.count - 1])
                + footer(table).map { "\n" + $0 + "\n" }.joined()
        case .text:
            let lookup = CrossTable.Lookup(table)
            var grid = [[table.rows + " \\ " + table.cols] + table.colValues + ["total"]]
            for row in table.rowValues {
                grid.append(
                    [row] + table.colValues.map { lookup.cell(row, $0).map { cellText($0, table, comma: false) } ?? "" } + [
                        total(lookup.rowTotal(row))
                    ])
            }
            grid.append(["N"] + table.colValues.map { total(lookup.colTotal($0)) } + [table.shownTotal.map(String.init) ?? hidden])
            var widths = [Int](repeating: 0, count: grid[0].count)
            for line in grid { for (i, cell) in line.enumerated() { widths[i] = max(widths[i], cell.count) } }
            let lines = grid.map { line in
                line.enumerated().map { i, cell in
                    i == 0
                        ? cell + String(repeating: " ", count: widths[i] - cell.count)
                        : String(repeating: " ", count: widths[i] - cell.count) + cell
                }.joined(separator: "  ")
            }
            return caption(table, filters: filters) + "\n\n" + lines.joined(separator: "\n") + "\n"
                + footer(table).map { "\n" + $0 }.joined() + "\n" + auditText(table)
        }
    }

    /// `--audit`: what a reader can work out about each suppressed value from everything the table shows.
    static func auditText(_ table: CrossTable) -> String {
        guard let audit = table.audit else { return "" }
        if audit.isEmpty { return "\naudit: nothing is suppressed\n" }
        var out = "\naudit: what the table lets a reader work out about each suppressed value (at least \(table.minCell) apart)\n"
        for range in audit {
            let place =
                switch (range.row, range.col) {
                case (let row?, let col?): "\(row) × \(col)"
                case (let row?, nil): "\(row) (row total)"
                case (nil, let col?): "\(col) (column total)"
                case (nil, nil): "total"
                }
            let note =
                range.upper == 0
                ? "  (known to be 0: tells of no one)"
                : range.upper - range.lower < table.minCell ? "  (narrower than \(Remedy.minCell(nil)))" : ""
            out += "  \(place): \(range.lower)–\(range.upper)\(note)\n"
        }
        return out
    }

    static func cellText(_ cell: CrossTable.Cell, _ table: CrossTable, comma: Bool) -> String {
        guard !cell.suppressed, let n = cell.n else { return hidden }
        guard let percent = cell.percent else { return table.percentBase == .none ? String(n) : "\(n) (–)" }
        let text = Numbers.fixed(percent, digits: 1)
        return "\(n) (\(comma ? text.replacingOccurrences(of: ".", with: ",") : text) %)"
    }

    static func total(_ total: CrossTable.Total?) -> String {
        guard let total else { return "" }
        return total.suppressed ? hidden : String(total.n ?? 0)
    }

    static func caption(_ table: CrossTable, filters: [String]) -> String {
        let base: String =
            switch table.percentBase {
            case .col: "percentages of each column's N"
            case .row: "percentages of each row's total"
            case .total: "percentages of all \(table.total)"
            case .none: "counts only"
            }
        var text = "\(table.rows) × \(table.cols): \(table.unit.rawValue), \(base)"
        if !filters.isEmpty { text += "; where " + filters.joined(separator: ", ") }
        return text
    }

    static func footer(_ table: CrossTable) -> [String] {
        var lines = table.notes
        if table.minCell > 0 {
            lines.append(
                "\(hidden) suppressed: fewer than \(table.minCell) \(table.unit.rawValue) (0 < n < \(table.minCell)), or hidden so that no suppressed value can be worked out from the totals"
            )
        }
        if let stats = table.stats {
            if let result = stats.table {
                lines.append(
                    "χ² = \(Numbers.fixed(result.chiSquare, digits: 2)), df = \(result.degreesOfFreedom), p = \(pValue(result.pValue)), Cramér's V = \(result.cramersV.map { Numbers.fixed($0, digits: 3) } ?? "–")"
                )
            }
            for value in table.rowValues + table.colValues {
                guard let result = stats.perValue[value] else { continue }
                lines.append(
                    "\(value): χ² = \(Numbers.fixed(result.chiSquare, digits: 2)), df = \(result.degreesOfFreedom), p = \(pValue(result.pValue))"
                )
            }
            lines += stats.warnings
        }
        return lines
    }

    static func pValue(_ p: Double) -> String {
        p < 0.001 ? "< 0.001" : Numbers.fixed(p, digits: 3)
    }

    static func csv(_ text: String) -> String {
        text.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// Percentage-point change per cell from wave `a` to wave `b`; a cell suppressed in either is hidden.
    public static func compare(_ a: CrossTable, _ b: CrossTable, waves: (String, String), format: CrossTableFormat) -> String {
        let header = [a.rows + " \\ " + a.cols] + a.colValues
        let (before, after) = (CrossTable.Lookup(a), CrossTable.Lookup(b))
        let rows = a.rowValues.map { row in
            [row]
                + a.colValues.map { col -> String in
                    guard let first = before.cell(row, col)?.percent, let second = after.cell(row, col)?.percent else { return hidden }
                    return String(format: "%+.1f", second - first)
                }
        }
        let title = "percentage points, \(waves.1) against \(waves.0) (\(a.unit.rawValue), \(a.percentBase.rawValue) percentages)"
        switch format {
        case .markdown:
            return "**\(Markdown.inline(title))**\n\n" + Markdown.table(header, rows, numeric: Set(1..<header.count))
        case .csv, .json, .sav:
            return ([header] + rows).map { $0.map(csv).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .text:
            var widths = header.map(\.count)
            for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
            let lines = ([header] + rows).map { line in
                line.enumerated().map { i, cell in
                    let pad = String(repeating: " ", count: widths[i] - cell.count)
                    return i == 0 ? cell + pad : pad + cell
                }.joined(separator: "  ")
            }
            return title + "\n\n" + lines.joined(separator: "\n") + "\n"
        }
    }
}
