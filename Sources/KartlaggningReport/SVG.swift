import Foundation

/// What every chart shares.
enum SVG {
    /// Room for the longest of `texts` in a sans-serif font (an estimate: SVG has no text measuring).
    static func textWidth(_ texts: [String], fontSize: Int) -> Int {
        Int((Double(texts.map(\.count).max() ?? 0) * Double(fontSize) * 0.58).rounded(.up))
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
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
