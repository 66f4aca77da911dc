import Foundation

/// What every chart shares.
enum SVG {
    /// Room for the longest of `texts` in a sans-serif font (an estimate: SVG has no text measuring).
    static func textWidth(_ texts: [String], fontSize: Int) -> Int {
        Int((Double(texts.map(\.count).max() ?? 0) * Double(fontSize) * 0.58).rounded(.up))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
