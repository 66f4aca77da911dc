import Foundation

/// A horizontal bar chart as SVG: readable in a Markdown viewer and a browser, with a title, a description and
/// every label and value written out as text for screen readers. Suppressed values get no bar, only `··`.
/// A bar may carry a reference share (the whole municipality), drawn as a dark mark across it.
public enum BarChart {
    public struct Bar: Sendable, Equatable {
        public var label: String
        /// The share, 0–100, or nil when suppressed.
        public var percent: Double?
        public var text: String
        /// A share to compare with (0–100), drawn as a mark.
        public var reference: Double?

        public init(label: String, percent: Double?, text: String, reference: Double? = nil) {
            self.label = label
            self.percent = percent
            self.text = text
            self.reference = reference
        }
    }

    /// - Parameters:
    ///   - id: a prefix for the element ids, unique within a page that inlines several charts.
    ///   - legend: a line under the bars (what the reference mark is).
    public static func svg(title: String, description: String, bars: [Bar], id: String = "chart", legend: String? = nil) -> String {
        let rowHeight = 28
        let top = 40
        let barWidth = 360
        let labelWidth = SVG.textWidth(bars.map(\.label), fontSize: 13) + 16
        let width = labelWidth + barWidth + SVG.textWidth(bars.map(\.text), fontSize: 13) + 24
        let captionLines = legend.map { SVG.lines($0, width: width - 16, fontSize: 13) } ?? []
        let height = top + rowHeight * bars.count + (captionLines.isEmpty ? 16 : 18 + 18 * captionLines.count)
        var out = SVG.open(width: width, height: height, id: id, title: title, description: description, fontSize: 13)
        let largest = max(bars.flatMap { [$0.percent, $0.reference] }.compactMap { $0 }.max() ?? 0, 1)
        func length(_ percent: Double) -> Int { Int((percent / largest * Double(barWidth)).rounded()) }
        for (index, bar) in bars.enumerated() {
            let y = top + index * rowHeight
            out += "<text x=\"8\" y=\"\(y + 18)\">\(SVG.escape(bar.label))</text>\n"
            var end = labelWidth
            if let percent = bar.percent {
                end = labelWidth + length(percent)
                out +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 5)\" width=\"\(length(percent))\" height=\"18\" fill=\"#2f6f8f\"><title>\(SVG.escape(bar.label)): \(SVG.escape(bar.text))</title></rect>\n"
            }
            if let reference = bar.reference {
                let x = labelWidth + length(reference)
                out += "<rect x=\"\(x - 1)\" y=\"\(y + 1)\" width=\"3\" height=\"26\" fill=\"#c0392b\"/>\n"
                end = max(end, x + 2)
            }
            let colour = bar.percent == nil ? " fill=\"#666666\"" : ""
            out += "<text x=\"\(end + 6)\" y=\"\(y + 18)\"\(colour)>\(SVG.escape(bar.text))</text>\n"
        }
        out += SVG.caption(captionLines, y: top + rowHeight * bars.count + 20)
        return out + "</svg>\n"
    }
}
