import Foundation

/// A theme × district heatmap as SVG: one square per cell, darker for a larger share, the share written in
/// the square, suppressed cells hatched grey with `··`. Title, description and every value are text.
public enum Heatmap {
    public struct Cell: Sendable, Equatable {
        /// 0–100, nil when suppressed.
        public var percent: Double?
        public var text: String

        public init(percent: Double?, text: String) {
            self.percent = percent
            self.text = text
        }
    }

    /// - Parameters:
    ///   - cells: `cells[row][column]`; a row without cells is a heading (a group of areas), its label in bold.
    ///   - id: a prefix for the element ids, unique within a page.
    ///   - slantedColumns: column heads written at 45° over narrow columns (many areas as rows, themes as columns), so
    ///     the chart keeps its cells readable however long the heads.
    public static func svg(
        title: String, description: String, rows: [String], columns: [String], cells: [[Cell]], id: String = "heatmap",
        legend: String? = nil, slantedColumns: Bool = false
    ) -> String {
        let labelWidth = SVG.textWidth(rows, fontSize: 12) + 16, cellHeight = 26
        let headWidth = SVG.textWidth(columns, fontSize: 12)
        // A slanted head rises headWidth · sin 45° above the cells and reaches as far to the right.
        let slant = Int((Double(headWidth) * 0.7072).rounded(.up))
        let top = slantedColumns ? 48 + slant : 64
        let cellWidth = slantedColumns ? 64 : max(80, headWidth + 12)
        let width = labelWidth + cellWidth * columns.count + 16 + (slantedColumns ? slant : 0)
        let captionLines = legend.map { SVG.lines($0, width: width - 16, fontSize: 12) } ?? []
        let height = top + cellHeight * rows.count + (captionLines.isEmpty ? 12 : 16 + 18 * captionLines.count)
        var out = SVG.open(width: width, height: height, id: id, title: title, description: description, fontSize: 12)
        for (c, column) in columns.enumerated() {
            if slantedColumns {
                let x = labelWidth + c * cellWidth + cellWidth / 2
                out +=
                    "<text x=\"\(x)\" y=\"\(top - 8)\" transform=\"rotate(-45 \(x) \(top - 8))\" font-weight=\"bold\">\(SVG.escape(column))</text>\n"
            } else {
                out +=
                    "<text x=\"\(labelWidth + c * cellWidth + cellWidth / 2)\" y=\"\(top - 10)\" text-anchor=\"middle\" font-weight=\"bold\">\(SVG.escape(column))</text>\n"
            }
        }
        let largest = max(cells.flatMap { $0.compactMap(\.percent) }.max() ?? 0, 1)
        for (r, row) in rows.enumerated() {
            let y = top + r * cellHeight
            let weight = cells[r].isEmpty ? " font-weight=\"bold\"" : ""
            out += "<text x=\"8\" y=\"\(y + 17)\"\(weight)>\(SVG.escape(row))</text>\n"
            for (c, cell) in cells[r].enumerated() {
                let x = labelWidth + c * cellWidth
                let label = "\(SVG.escape(row)), \(SVG.escape(columns[c])): \(SVG.escape(cell.text))"
                if let percent = cell.percent {
                    // From white to the bars' blue; text turns white on the darker half.
                    let t = percent / largest
                    let colour = blend(t)
                    out +=
                        "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\" fill=\"\(colour)\"><title>\(label)</title></rect>\n"
                    let ink = t > 0.55 ? "#ffffff" : "#000000"
                    out +=
                        "<text x=\"\(x + cellWidth / 2)\" y=\"\(y + 17)\" text-anchor=\"middle\" fill=\"\(ink)\">\(SVG.escape(cell.text))</text>\n"
                } else {
                    out +=
                        "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\" fill=\"#eeeeee\"><title>\(label)</title></rect>\n"
                    out +=
                        "<text x=\"\(x + cellWidth / 2)\" y=\"\(y + 17)\" text-anchor=\"middle\" fill=\"#666666\">\(SVG.escape(cell.text))</text>\n"
                }
            }
        }
        out += SVG.caption(captionLines, y: top + cellHeight * rows.count + 22)
        return out + "</svg>\n"
    }

    /// White (t = 0) to #2f6f8f (t = 1).
    static func blend(_ t: Double) -> String {
        let clamped = min(max(t, 0), 1)
        let target = (0x2f, 0x6f, 0x8f)
        func channel(_ value: Int) -> Int { Int((255 - Double(255 - value) * clamped).rounded()) }
        return String(format: "#%02x%02x%02x", channel(target.0), channel(target.1), channel(target.2))
    }
}
