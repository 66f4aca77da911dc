import Foundation

/// A theme × district heatmap as SVG: one square per cell, darker for a larger share, the share written in
/// the square, suppressed cells hatched grey with `··`. Title, description and every value are text.
public enum Heatmap {
    public struct Cell: Sendable, Equatable {
        /// 0–100, nil when suppressed.
        public var percent: Double?
        public var text: String
        /// The share rests on an area below the report's base: written, hatched, never coloured.
        public var thin: Bool

        public init(percent: Double?, text: String, thin: Bool = false) {
            self.percent = percent
            self.text = text
            self.thin = thin
        }
    }

    /// The key under the chart: the colour ramp from `low` to `high`, what a hatched square means (`thin`, where
    /// the chart has one) and a hidden one.
    public struct Key: Sendable, Equatable {
        public var low: String
        public var high: String
        public var thin: String?
        public var hidden: String

        public init(low: String, high: String, thin: String?, hidden: String) {
            self.low = low
            self.high = high
            self.thin = thin
            self.hidden = hidden
        }
    }

    /// - Parameters:
    ///   - cells: `cells[row][column]`; a row without cells is a heading (a group of areas), its label in bold.
    ///   - id: a prefix for the element ids, unique within a page.
    ///   - slantedColumns: column heads written at 45° over narrow columns (many areas as rows, themes as columns), so
    ///     the chart keeps its cells readable however long the heads.
    public static func svg(
        title: String, description: String, rows: [String], columns: [String], cells: [[Cell]], id: String = "heatmap",
        legend: String? = nil, key: Key? = nil, slantedColumns: Bool = false, scaleTo: Double? = nil, narrow: Bool = false
    ) -> String {
        let labelWidth = SVG.textWidth(rows, fontSize: 12) + 16
        let cellHeight = 26
        let headWidth = SVG.textWidth(columns, fontSize: 12)
        // A slanted head rises headWidth · sin 45° above the cells and reaches as far to the right.
        let slant = Int((Double(headWidth) * 0.7072).rounded(.up))
        let top = slantedColumns ? 48 + slant : 64
        // Narrow: short numbers (means) under slanted heads, more columns to a page.
        let cellWidth = slantedColumns ? (narrow ? 44 : 64) : max(80, headWidth + 12)
        let width = labelWidth + cellWidth * columns.count + 16 + (slantedColumns ? slant : 0)
        let captionLines = legend.map { SVG.lines($0, width: width - 16, fontSize: 12) } ?? []
        let keyHeight = key == nil ? 0 : (key?.thin == nil ? 30 : 52)
        let height = top + cellHeight * rows.count + keyHeight + (captionLines.isEmpty ? 12 : 16 + 18 * captionLines.count)
        var out = SVG.open(width: width, height: height, id: id, title: title, description: description, fontSize: 12)
        let hatch = "\(id)-thin"
        out +=
            "<defs><pattern id=\"\(hatch)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><path d=\"M0,6 L6,0\" stroke=\"#9a9a9a\" stroke-width=\"1\"/></pattern></defs>\n"
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
        // The colour scale spans the shares coloured: a thin area's share never darkens the others.
        let largest = scaleTo ?? max(cells.flatMap { $0.filter { !$0.thin }.compactMap(\.percent) }.max() ?? 0, 1)
        for (r, row) in rows.enumerated() {
            let y = top + r * cellHeight
            let weight = cells[r].isEmpty ? " font-weight=\"bold\"" : ""
            out += "<text x=\"8\" y=\"\(y + 17)\"\(weight)>\(SVG.escape(row))</text>\n"
            for (c, cell) in cells[r].enumerated() {
                let x = labelWidth + c * cellWidth
                let label = "\(SVG.escape(row)), \(SVG.escape(columns[c])): \(SVG.escape(cell.text))"
                if cell.percent != nil && cell.thin {
                    out +=
                        "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\" fill=\"url(#\(hatch))\"><title>\(label)</title></rect>\n"
                    out +=
                        "<text x=\"\(x + cellWidth / 2)\" y=\"\(y + 17)\" text-anchor=\"middle\" fill=\"#444444\">\(SVG.escape(cell.text))</text>\n"
                } else if let percent = cell.percent {
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
        if let key {
            // The ramp in five steps, then what the grey and hatched squares mean.
            var y = top + cellHeight * rows.count + 10
            var x = 8
            out += "<text x=\"\(x)\" y=\"\(y + 13)\">\(SVG.escape(key.low))</text>\n"
            x += SVG.textWidth([key.low], fontSize: 12) + 6
            for step in 0..<5 {
                out +=
                    "<rect x=\"\(x + step * 22)\" y=\"\(y)\" width=\"22\" height=\"16\" fill=\"\(blend(Double(step) / 4))\" stroke=\"#cccccc\"/>\n"
            }
            x += 5 * 22 + 6
            out += "<text x=\"\(x)\" y=\"\(y + 13)\">\(SVG.escape(key.high))</text>\n"
            x += SVG.textWidth([key.high], fontSize: 12) + 24
            out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"22\" height=\"16\" fill=\"#eeeeee\"/>\n"
            out += "<text x=\"\(x + 28)\" y=\"\(y + 13)\">\(SVG.escape(key.hidden))</text>\n"
            if let thin = key.thin {
                y += 22
                out += "<rect x=\"8\" y=\"\(y)\" width=\"22\" height=\"16\" fill=\"url(#\(hatch))\" stroke=\"#cccccc\"/>\n"
                out += "<text x=\"36\" y=\"\(y + 13)\">\(SVG.escape(thin))</text>\n"
            }
        }
        out += SVG.caption(captionLines, y: top + cellHeight * rows.count + keyHeight + 22)
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
