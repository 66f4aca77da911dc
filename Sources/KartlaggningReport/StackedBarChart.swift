import Foundation

/// A 100 % stacked horizontal bar per group (an area, the whole) as SVG: how a scale question's answers spread, the
/// segments in the scale's order from light to dark, each labelled with its share where it is wide enough. A group
/// whose distribution is not shown (a hidden cell) gets no bar, only `··`. Title, description and every value are text.
public enum StackedBarChart {
    public struct Bar: Sendable, Equatable {
        public var label: String
        /// Shares per segment, 0–100, summing to 100; nil when hidden.
        public var shares: [Double]?
        /// What the bar says in words (for screen readers and the right-hand note).
        public var text: String
        /// The share of the segments that are hidden (`··`), drawn grey at the bar's end: the base less what is shown,
        /// which the table gives anyway. The hidden segments' own shares are 0 in `shares`.
        public var hiddenShare: Double

        public init(label: String, shares: [Double]?, text: String, hiddenShare: Double = 0) {
            self.label = label
            self.shares = shares
            self.text = text
            self.hiddenShare = hiddenShare
        }

        /// A bar from a protected table's line: `counts` per value (nil where hidden) of `base` (nil where hidden).
        /// The shown segments, the hidden ones grey together; no bar where nothing is shown. With the bar, what it
        /// says in words ("Nätra: 1 ··, 2 24 %, …").
        static func protected(
            _ label: String, values: [String], counts: [Int?], base: Int?, language: ReportLanguage
        ) -> (bar: Bar, description: String) {
            guard let base, base > 0, counts.contains(where: { ($0 ?? 0) > 0 }) else {
                return (Bar(label: label, shares: nil, text: ReportLanguage.hidden), label + ": " + ReportLanguage.hidden)
            }
            let shares = counts.map { Double($0 ?? 0) / Double(base) * 100 }
            let said =
                label + ": "
                + zip(values, zip(counts, shares)).map { value, count in
                    "\(value) " + (count.0 == nil ? ReportLanguage.hidden : "\(Int(count.1.rounded())) %")
                }.joined(separator: ", ")
            let bar = Bar(
                label: label, shares: shares, text: "n \(language.integer(base))", hiddenShare: max(0, 100 - shares.reduce(0, +)))
            return (bar, said)
        }
    }

    /// Hidden segments: a mid grey no shade of the scale takes.
    static let hiddenFill = "#b5b5b5"

    public static func svg(title: String, description: String, segments: [String], bars: [Bar], id: String, legend: String? = nil) -> String
    {
        let rowHeight = 26
        let barWidth = 420
        let labelWidth = SVG.textWidth(bars.map(\.label), fontSize: 12) + 16
        let width = labelWidth + barWidth + SVG.textWidth(bars.map(\.text), fontSize: 12) + 24
        // The key: one swatch per segment, in order (the hidden ones' grey last), in as many lines as the chart's
        // width takes.
        var swatches = segments.indices.map { (text: segments[$0], fill: shade($0, of: segments.count)) }
        if bars.contains(where: { $0.shares != nil && $0.hiddenShare > 0 }) { swatches.append((ReportLanguage.hidden, hiddenFill)) }
        var key = ""
        var (x, y) = (labelWidth, 34)
        for swatch in swatches {
            let step = 18 + SVG.textWidth([swatch.text], fontSize: 12) + 14
            if x + step > width - 8 && x > labelWidth { (x, y) = (labelWidth, y + 20) }
            key += "<rect x=\"\(x)\" y=\"\(y)\" width=\"14\" height=\"14\" fill=\"\(swatch.fill)\"/>\n"
            key += "<text x=\"\(x + 18)\" y=\"\(y + 12)\">\(SVG.escape(swatch.text))</text>\n"
            x += step
        }
        let top = y + 30
        let captionLines = legend.map { SVG.lines($0, width: width - 16, fontSize: 12) } ?? []
        let height = top + rowHeight * bars.count + (captionLines.isEmpty ? 12 : 16 + 18 * captionLines.count)
        var out = SVG.open(width: width, height: height, id: id, title: title, description: description, fontSize: 12)
        out += key
        for (row, bar) in bars.enumerated() {
            let y = top + row * rowHeight
            out += "<text x=\"8\" y=\"\(y + 17)\">\(SVG.escape(bar.label))</text>\n"
            guard let shares = bar.shares else {
                out += "<text x=\"\(labelWidth)\" y=\"\(y + 17)\" fill=\"#666666\">\(SVG.escape(bar.text))</text>\n"
                continue
            }
            var start = 0.0
            for (index, share) in shares.enumerated() where share > 0 {
                let x0 = labelWidth + Int((start / 100 * Double(barWidth)).rounded())
                let x1 = labelWidth + Int(((start + share) / 100 * Double(barWidth)).rounded())
                let fill = shade(index, of: shares.count)
                out +=
                    "<rect x=\"\(x0)\" y=\"\(y + 3)\" width=\"\(max(x1 - x0, 1))\" height=\"20\" fill=\"\(fill)\"><title>\(SVG.escape(bar.label)), \(SVG.escape(segments[index])): \(Int(share.rounded())) %</title></rect>\n"
                if x1 - x0 >= 30 {
                    let ink = Double(index) / Double(max(shares.count - 1, 1)) > 0.5 ? "#ffffff" : "#000000"
                    out +=
                        "<text x=\"\((x0 + x1) / 2)\" y=\"\(y + 17)\" text-anchor=\"middle\" fill=\"\(ink)\">\(Int(share.rounded()))</text>\n"
                }
                start += share
            }
            if bar.hiddenShare > 0 {
                // What is hidden, together and grey: never a segment of its own.
                let x0 = labelWidth + Int((start / 100 * Double(barWidth)).rounded())
                let x1 = labelWidth + barWidth
                out +=
                    "<rect x=\"\(x0)\" y=\"\(y + 3)\" width=\"\(max(x1 - x0, 1))\" height=\"20\" fill=\"\(hiddenFill)\"><title>\(SVG.escape(bar.label)): \(ReportLanguage.hidden)</title></rect>\n"
            }
            out += "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 17)\">\(SVG.escape(bar.text))</text>\n"
        }
        out += SVG.caption(captionLines, y: top + rowHeight * bars.count + 22)
        return out + "</svg>\n"
    }

    /// From light to the bars' blue, segment by segment.
    static func shade(_ index: Int, of count: Int) -> String {
        let t = count > 1 ? Double(index) / Double(count - 1) : 1
        let light = (230.0, 238.0, 243.0)
        let dark = (31.0, 84.0, 112.0)
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        return String(format: "#%02x%02x%02x", channel(light.0, dark.0), channel(light.1, dark.1), channel(light.2, dark.2))
    }
}
