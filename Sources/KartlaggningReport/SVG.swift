import Foundation

/// What every chart shares.
enum SVG {
    /// Room for the longest of `texts` in a sans-serif font (an estimate: SVG has no text measuring).
    static func textWidth(_ texts: [String], fontSize: Int) -> Int {
        Int((Double(texts.map(\.count).max() ?? 0) * Double(fontSize) * 0.58).rounded(.up))
    }

    /// `text` broken into lines that fit `width` pixels at `fontSize` (by `textWidth`'s estimate), at spaces: a
    /// chart's caption is never cut at the chart's edge.
    static func lines(_ text: String, width: Int, fontSize: Int) -> [String] {
        let perLine = max(10, Int(Double(width) / (Double(fontSize) * 0.58)))
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > perLine {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// A caption under a chart: the lines of `text` from `y` down, 18 pixels apart, in grey.
    static func caption(_ lines: [String], y: Int) -> String {
        lines.enumerated().map { index, line in
            "<text x=\"8\" y=\"\(y + index * 18)\" fill=\"#444444\">\(escape(line))</text>\n"
        }.joined()
    }

    /// The opening of an accessible chart: the `<svg>` element named by its title and description (ids prefixed
    /// with `id`, unique within a page), a white background and the title written at the top.
    static func open(width: Int, height: Int, id: String, title: String, description: String, fontSize: Int) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="\(id)-title \(id)-desc" font-family="sans-serif" font-size="\(fontSize)">
        <title id="\(id)-title">\(escape(title))</title>
        <desc id="\(id)-desc">\(escape(description))</desc>
        <rect width="100%" height="100%" fill="#ffffff"/>
        <text x="8" y="22" font-size="15" font-weight="bold">\(escape(title))</text>

        """
    }

    /// Text for XML and HTML: `&`, `<`, `>` and `"` as entities.
    static func escape(_ text: String) -> String {
        Markup.escape(text)
    }
}
