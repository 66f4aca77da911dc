import Foundation

/// A horizontal bar chart as SVG: readable in a Markdown viewer and a browser, with a title, a description and
/// every label and value written out as text for screen readers. Suppressed values get no bar, only `··`.
public enum BarChart {
    public struct Bar: Sendable, Equatable {
        public var label: String
        /// The share, 0–100, or nil when suppressed.
        public var percent: Double?
        public var text: String

        public init(label: String, percent: Double?, text: String) {
            self.label = label
            self.percent = percent
            self.text = text
        }
    }

    public static func svg(title: String, description: String, bars: [Bar]) -> String {
        let rowHeight = 28, top = 40, labelWidth = 170, barWidth = 360, width = labelWidth + barWidth + 120
        let height = top + rowHeight * bars.count + 16
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="title desc" font-family="sans-serif" font-size="13">
            <title id="title">\(escape(title))</title>
            <desc id="desc">\(escape(description))</desc>
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="8" y="22" font-size="15" font-weight="bold">\(escape(title))</text>

            """
        let largest = max(bars.compactMap(\.percent).max() ?? 0, 1)
        for (index, bar) in bars.enumerated() {
            let y = top + index * rowHeight
            out += "<text x=\"8\" y=\"\(y + 18)\">\(escape(bar.label))</text>\n"
            if let percent = bar.percent {
                let length = Int((percent / largest * Double(barWidth)).rounded())
                out +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 5)\" width=\"\(length)\" height=\"18\" fill=\"#2f6f8f\"><title>\(escape(bar.label)): \(escape(bar.text))</title></rect>\n"
                out += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 18)\">\(escape(bar.text))</text>\n"
            } else {
                out += "<text x=\"\(labelWidth + 6)\" y=\"\(y + 18)\" fill=\"#666666\">\(escape(bar.text))</text>\n"
            }
        }
        return out + "</svg>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
